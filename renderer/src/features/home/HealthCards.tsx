import { Alert, Anchor, Badge, Card, Code, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Health, SecretStorage } from '../../api/contracts';
import { formatBytes, formatDateTime, timeZoneLabel } from '../../ui/format';

function HealthCard({ title, ok, children }: { title: string; ok?: boolean; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-label={title}>
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4">
          {title}
        </Title>
        {ok === undefined ? null : (
          <Badge color={ok ? 'teal' : 'red'} variant="light">
            {ok ? 'OK' : 'Problem'}
          </Badge>
        )}
      </Group>
      <Stack gap={6}>{children}</Stack>
    </Card>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text c="dimmed" size="sm">
        {label}
      </Text>
      <Text size="sm" ta="right" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Group>
  );
}

export function DatabaseCard({ database }: { database: Health['database'] }) {
  return (
    <HealthCard title="Database" ok={database.ok}>
      <Row label="Journal mode">{database.journalMode.toUpperCase()}</Row>
      <Row label="Size">{formatBytes(database.sizeBytes)}</Row>
      <Row label="Migrations applied">{database.migrations}</Row>
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {database.path}
      </Text>
    </HealthCard>
  );
}

export function VectorCard({ sqliteVec }: { sqliteVec: Health['sqliteVec'] }) {
  return (
    <HealthCard title="sqlite-vec" ok={sqliteVec.ok}>
      {sqliteVec.ok ? (
        <Row label="Version">{sqliteVec.version ?? 'unknown'}</Row>
      ) : (
        <Text size="sm" c="red.8">
          {sqliteVec.error ?? 'The vector search extension did not load.'}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        Lets the assistant find products and answers by meaning, not just by exact words.
      </Text>
    </HealthCard>
  );
}

export function ListenersCard({ listeners }: { listeners: Health['listeners'] }) {
  return (
    <HealthCard title="Listeners">
      <Row label="Admin (this screen)">
        <Anchor href={listeners.admin.url} size="sm">
          {listeners.admin.url}
        </Anchor>
      </Row>
      <Row label="Public">
        <Code>{listeners.public.url}</Code>
      </Row>
      <Text size="xs" c="dimmed">
        The public address is the one the tunnel will expose to the internet, so WhatsApp can reach Revive. The admin
        address stays on this computer.
      </Text>
    </HealthCard>
  );
}

const storageLabels: Record<SecretStorage, string> = {
  'electron-safe-storage': "Protected by this computer's keychain",
  'key-file': 'Encrypted with a key file in the data folder',
  memory: 'In memory only',
};

export function SecretsCard({ storage }: { storage: SecretStorage }) {
  return (
    <HealthCard title="Secrets storage">
      <Row label="Where keys are kept">{storageLabels[storage]}</Row>
      {storage === 'memory' ? (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} role="alert">
          Secrets are kept in memory only on this computer — you will need to enter them again after a restart
        </Alert>
      ) : null}
    </HealthCard>
  );
}

export function BackupsCard({ backups, timeZone }: { backups: Health['backups']; timeZone: string }) {
  return (
    <HealthCard title="Backups">
      <Row label="Backups kept">{backups.count}</Row>
      <Row label="Last backup">
        {backups.last ? `${formatDateTime(backups.last, timeZone)} ${timeZoneLabel(timeZone, new Date(backups.last))}` : 'No backup yet'}
      </Row>
      {backups.count === 0 ? (
        <Text size="xs" c="dimmed">
          No backups yet. The first copy of the database shows up here once it has been made.
        </Text>
      ) : null}
    </HealthCard>
  );
}

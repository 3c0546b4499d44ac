import { Anchor, Badge, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ApiClientError } from '../../api/client';
import { DEFAULT_TIME_ZONE } from '../../ui/format';
import { LiveIndicator } from '../../ui/LiveIndicator';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorState, LoadingState } from '../../ui/StatusStates';
import { BackupsCard, DatabaseCard, ListenersCard, SecretsCard, VectorCard } from './HealthCards';
import { useHomeData } from './useHomeData';

export function HomePage() {
  const { health, store } = useHomeData();
  const profileMissing = store.error instanceof ApiClientError && store.error.status === 404;
  const title = store.data?.name ?? (store.loading ? <Skeleton h={32} w={240} aria-label="Loading store name" /> : 'Your store');
  const timeZone = store.data?.timeZone ?? DEFAULT_TIME_ZONE;

  const badges = (
    <>
      {health.data?.demo ? (
        <Badge color="grape" variant="light" size="lg">
          Demo store
        </Badge>
      ) : null}
      {health.data ? (
        <Badge color={health.data.status === 'ok' ? 'teal' : 'orange'} variant="light" size="lg">
          {health.data.status === 'ok' ? 'All systems ok' : 'Needs attention'}
        </Badge>
      ) : null}
      <LiveIndicator />
    </>
  );

  return (
    <>
      <PageHeader title={title} description={store.data?.tagline || 'How Revive is doing on this computer.'} extra={badges} />
      {profileMissing ? (
        <Text mb="md">
          The store profile is not filled in yet. <Anchor component={Link} to="/settings/store">Set up the store profile</Anchor> so
          customers see the right name, address and hours.
        </Text>
      ) : null}
      {health.data ? (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
          <DatabaseCard database={health.data.database} />
          <VectorCard sqliteVec={health.data.sqliteVec} />
          <ListenersCard listeners={health.data.listeners} />
          <SecretsCard storage={health.data.secrets.storage} />
          <BackupsCard backups={health.data.backups} timeZone={timeZone} />
        </SimpleGrid>
      ) : health.error ? (
        <ErrorState error={health.error} onRetry={health.reload} title="Revive's health could not be loaded" />
      ) : (
        <LoadingState label="Checking Revive's health…" />
      )}
      {health.data ? (
        <Text c="dimmed" size="xs" mt="lg">
          Revive {health.data.version} · data folder {health.data.dataDir}
        </Text>
      ) : null}
    </>
  );
}

import { Button, Center, EmptyState, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconPlugConnectedX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ApiClientError } from '../api/client';

export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center py="xl">
      <Stack align="center" gap="xs" role="status" aria-live="polite">
        <Loader />
        <Text c="dimmed">{label}</Text>
      </Stack>
    </Center>
  );
}

/** Explains a failed load in shop-floor words and offers to try again. */
export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: ReactNode }) {
  const unreachable = error instanceof ApiClientError && error.status === 0;
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  return (
    <EmptyState
      role="alert"
      py="xl"
      variant="light"
      color={unreachable ? 'gray' : 'red'}
      icon={unreachable ? <IconPlugConnectedX /> : <IconAlertTriangle />}
      title={title ?? (unreachable ? 'Revive is not answering' : 'This could not be loaded')}
      description={message}
      styles={{ description: { whiteSpace: 'pre-wrap' } }}
    >
      {onRetry ? (
        <EmptyState.Actions>
          <Button variant="light" onClick={onRetry}>
            Try again
          </Button>
        </EmptyState.Actions>
      ) : null}
    </EmptyState>
  );
}

import { Alert, Badge, Group, Loader, Text } from '@mantine/core';
import { IconSearchOff } from '@tabler/icons-react';
import type { SearchResult } from '../../api/contracts';
import { AlternativesList } from './AlternativesList';
import { formatCount } from './money';
import { understoodChips } from './understood';

/** What the search understood, how many products match all of it, and near misses kept apart. */
export function SearchSummary({ query, result, searching, error }: { query: string; result?: SearchResult; searching: boolean; error?: unknown }) {
  if (error) {
    return (
      <Alert color="red" variant="light" mb="sm" title="The search did not work">
        {error instanceof Error ? error.message : 'Something went wrong.'}
      </Alert>
    );
  }
  if (!result) {
    return (
      <Group gap="xs" mb="sm" role="status">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          Searching…
        </Text>
      </Group>
    );
  }
  const chips = understoodChips(result.understood);
  const matches = result.results.length;
  return (
    <>
      <Group gap="xs" mb="sm" aria-label="What the search understood" role="group" opacity={searching ? 0.6 : 1}>
        <Text size="sm" fw={500}>
          Understood:
        </Text>
        {chips.length === 0 ? (
          <Text size="sm" c="dimmed">
            no filters, ranking by meaning only
          </Text>
        ) : (
          chips.map((chip) => (
            <Badge key={chip.key} variant="light" color={chip.key === 'text' ? 'gray' : 'gold'} size="lg" tt="none" fw={500}>
              {chip.label}
            </Badge>
          ))
        )}
        <Text size="sm" c="dimmed" ml="auto">
          {matches > 0 ? `${formatCount(matches)} ${matches === 1 ? 'product matches' : 'products match'} everything` : null}
        </Text>
      </Group>
      {matches === 0 && result.alternatives.length > 0 ? <AlternativesList alternatives={result.alternatives} /> : null}
      {matches === 0 && result.alternatives.length === 0 ? (
        <Alert color="gray" variant="light" icon={<IconSearchOff />} mb="sm" title="Nothing in the catalog matches">
          No product fits “{query}”. The assistant would tell the shopper so rather than offer something else.
        </Alert>
      ) : null}
    </>
  );
}

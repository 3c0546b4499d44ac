import { EmptyState } from '@mantine/core';
import { IconBooks } from '@tabler/icons-react';

/** Knowledge sources arrive with the knowledge release; until then this says so plainly instead of showing pretend files. */
export function KnowledgeSources() {
  return (
    <EmptyState
      variant="light"
      color="gray"
      py="lg"
      icon={<IconBooks />}
      title="No knowledge sources yet"
      description="Upload brochures and policies on the Knowledge screen — coming with the knowledge release; the agent then answers from them with sources."
    />
  );
}

import { Button, EmptyState } from '@mantine/core';
import { IconMapSearch } from '@tabler/icons-react';
import { Link } from 'react-router';

export function PageNotFound() {
  return (
    <EmptyState py="xl" variant="light" icon={<IconMapSearch />} title="There is no screen here" description="The address does not match any screen in Revive.">
      <EmptyState.Actions>
        <Button component={Link} to="/">
          Go to Home
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}

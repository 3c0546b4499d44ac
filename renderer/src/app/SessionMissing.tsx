import { Center, EmptyState, Paper } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';

/** Shown when the API answers 401: the window was opened without the session link. */
export function SessionMissing() {
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" maw={520} radius="lg">
        <EmptyState
          role="alert"
          variant="light"
          icon={<IconLock />}
          title="This window is not signed in"
          description="Open Revive from the link printed in the terminal / the app window. That link signs this browser in; bookmarks and copied addresses without it do not."
        />
      </Paper>
    </Center>
  );
}

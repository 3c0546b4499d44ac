import { Anchor, List, Stack, Text, Title } from '@mantine/core';

/** Where each value goes in Meta's dashboard, in plain words. */
export function MetaInstructions() {
  return (
    <Stack gap="xs" component="section" aria-label="In Meta's dashboard">
      <Title order={3} fz="h5">
        In Meta's dashboard
      </Title>
      <List type="ordered" size="sm" spacing={6}>
        <List.Item>
          Open{' '}
          <Anchor href="https://developers.facebook.com/apps" target="_blank" rel="noreferrer">
            developers.facebook.com/apps
          </Anchor>
          , choose your app, then <b>WhatsApp → Configuration</b>.
        </List.Item>
        <List.Item>
          Under <b>Webhook</b>, press <b>Edit</b>. Paste the <b>webhook URL</b> above as the <b>Callback URL</b> and the <b>verify token</b> as the{' '}
          <b>Verify token</b>, then press <b>Verify and save</b>. The tunnel must be on: Meta checks the address right away.
        </List.Item>
        <List.Item>
          Under <b>Webhook fields</b>, press <b>Manage</b> and subscribe to <b>messages</b>.
        </List.Item>
      </List>
      <Text size="xs" c="dimmed">
        Messages reach Revive only while it and the tunnel are running. If the webhook URL changes, Revive tells you here: paste the new one in the same place.
      </Text>
    </Stack>
  );
}

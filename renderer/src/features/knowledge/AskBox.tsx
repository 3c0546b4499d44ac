import { Alert, Blockquote, Button, Group, Paper, Progress, Stack, Text, TextInput } from '@mantine/core';
import { IconInfoCircle, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useAsk } from './useAsk';

/** Ask what a shopper would and see the passages the agent would answer from. */
export function AskBox() {
  const [question, setQuestion] = useState('');
  const { answer, error, busy, ask } = useAsk();
  return (
    <Stack gap="sm">
      <form
        aria-label="Test a question"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void ask(question);
        }}
      >
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            label="Question"
            placeholder="Can I return a ring after a week?"
            value={question}
            onChange={(e) => setQuestion(e.currentTarget.value)}
            error={error}
            style={{ flex: 1 }}
            maxLength={500}
          />
          <Button type="submit" leftSection={<IconSearch size={16} />} loading={busy}>
            Test
          </Button>
        </Group>
      </form>
      {answer ? (
        <Stack gap="xs" aria-label="Passages found" role="region" aria-live="polite">
          {!answer.result.answerable ? (
            <Alert color="orange" variant="light" icon={<IconInfoCircle />} title="The documents don't answer this — the agent will say it will check">
              Add a document that covers “{answer.question}” if shoppers ask it often.
              {answer.result.passages.length > 0 ? ' The closest passages are below.' : ''}
            </Alert>
          ) : (
            <Text size="sm" c="dimmed">
              The agent answers “{answer.question}” from {answer.result.passages.length === 1 ? 'this passage' : 'these passages'} and names the source.
            </Text>
          )}
          {answer.result.passages.map((p, i) => {
            const percent = Math.round(Math.max(0, Math.min(1, p.score)) * 100);
            return (
              <Paper key={i} withBorder radius="md" p="sm" data-testid="passage">
                <Group justify="space-between" gap="sm" wrap="nowrap" mb={4}>
                  <Text size="sm" fw={600} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                    {p.source}
                    <Text span size="xs" c="dimmed" fw={400}>
                      {' '}
                      · {p.location}
                    </Text>
                  </Text>
                  <Group gap={6} wrap="nowrap" w={130}>
                    <Progress value={percent} size="sm" style={{ flex: 1 }} color={answer.result.answerable ? 'teal' : 'gray'} aria-label={`Match ${percent}%`} />
                    <Text size="xs" c="dimmed" w={34} ta="right">
                      {percent}%
                    </Text>
                  </Group>
                </Group>
                <Blockquote p="xs" color="gold" style={{ whiteSpace: 'pre-wrap' }} fz="sm">
                  {p.text}
                </Blockquote>
              </Paper>
            );
          })}
        </Stack>
      ) : null}
    </Stack>
  );
}

import { Badge, Button, Group, Paper, SegmentedControl, Stack, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import type { ApiState } from '../../api/useApi';
import type { Agent, ApiResponse } from '../../api/contracts';
import { ErrorState, LoadingState } from '../../ui/StatusStates';
import { AvatarEditor } from './AvatarEditor';
import { KnowledgeSources } from './KnowledgeSources';
import { PersonaPreviewPanel } from './PersonaPreviewPanel';
import { LanguageChips, PersonaSliders } from './PersonaSliders';
import { SkillStore } from './SkillStore';
import { agentFormValues, useAgentForm } from './useAgentForm';

interface AgentEditorProps {
  agent: Agent;
  /** The Skill Store's list; a failure to load it shows in the Skills tab only. */
  skills: ApiState<ApiResponse<'listSkills'>>;
  onSaved: (agent: Agent) => void;
  /** Avatar changes apply at once and come back as the changed agent. */
  onAgentChanged: (agent: Agent) => void;
  onDirtyChange: (dirty: boolean) => void;
  /** Leaves for another screen through the Studio's unsaved-change guard. */
  onGo?: (path: string) => void;
}

/** Everything about one agent: persona with a live preview, avatar, skills and knowledge; Save sends one PATCH. */
export function AgentEditor({ agent, skills, onSaved, onAgentChanged, onDirtyChange, onGo }: AgentEditorProps) {
  const { form, onSubmit } = useAgentForm(agent, onSaved);
  const dirty = form.isDirty();
  // A change made elsewhere (another window, the CLI) shows at once unless there are unsaved edits here.
  const seen = useRef(agent.updatedAt);
  useEffect(() => {
    if (agent.updatedAt === seen.current) return;
    seen.current = agent.updatedAt;
    if (form.isDirty()) return;
    const next = agentFormValues(agent);
    form.setInitialValues(next);
    form.setValues(next);
    form.resetDirty(next);
  }, [agent, form]);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);
  const field = form.getInputProps;

  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Edit ${agent.name}`}>
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb="sm" wrap="nowrap">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Title order={2} fz="h4" lineClamp={1}>
              {agent.name}
            </Title>
            <Text size="xs" c="dimmed">
              {dirty ? 'Unsaved changes' : 'All changes saved'}
            </Text>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            {dirty ? (
              <Button variant="default" size="xs" onClick={form.reset}>
                Discard
              </Button>
            ) : null}
            <Button type="submit" size="xs" leftSection={<IconDeviceFloppy size={16} />} disabled={!dirty} loading={form.submitting}>
              Save
            </Button>
          </Group>
        </Group>
        <Tabs defaultValue="persona" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="persona">Persona</Tabs.Tab>
            <Tabs.Tab value="skills">Skills</Tabs.Tab>
            <Tabs.Tab value="avatar">Avatar</Tabs.Tab>
            <Tabs.Tab value="knowledge">Knowledge</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="persona">
            <Stack gap="md">
              <Group grow align="flex-start">
                <TextInput label="Name" withAsterisk {...field('name')} />
                <TextInput label="Role" placeholder="Sales, After-sales…" {...field('role')} />
              </Group>
              <PersonaSliders form={form} />
              <PersonaPreviewPanel persona={form.values.persona} name={form.values.name} />
              <LanguageChips form={form} />
              <Textarea
                label="Your instructions"
                description="In your own words, e.g. “Always mention free cleaning for life”"
                autosize
                minRows={2}
                maxRows={6}
                {...field('persona.instructions')}
              />
              <Stack gap={6}>
                <Text size="sm" fw={500}>
                  When paused
                </Text>
                <SegmentedControl
                  aria-label="When paused"
                  data={[
                    { value: 'away_message', label: 'Send the away message' },
                    { value: 'inbox', label: 'Leave it for the Inbox' },
                  ]}
                  {...field('whenPaused')}
                />
                {form.values.whenPaused === 'away_message' ? (
                  <Textarea label="Away message" placeholder="We are away right now and will reply soon." autosize minRows={2} maxRows={4} {...field('awayMessage')} />
                ) : (
                  <Text size="xs" c="dimmed">
                    A paused agent stays quiet; the shopper&apos;s messages wait in the Inbox for a person.
                  </Text>
                )}
              </Stack>
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="skills">
            {skills.data ? (
              <SkillStore skills={skills.data.skills} value={form.values.skills} onChange={(next) => form.setFieldValue('skills', next)} />
            ) : skills.error ? (
              <ErrorState error={skills.error} onRetry={skills.reload} title="The Skill Store could not be loaded" />
            ) : (
              <LoadingState label="Loading the Skill Store…" />
            )}
          </Tabs.Panel>
          <Tabs.Panel value="avatar">
            <AvatarEditor agent={agent} onChanged={onAgentChanged} />
          </Tabs.Panel>
          <Tabs.Panel value="knowledge">
            <KnowledgeSources value={form.values.knowledgeSources} onChange={(ids) => form.setFieldValue('knowledgeSources', ids)} onGo={onGo} />
          </Tabs.Panel>
        </Tabs>
        {agent.status === 'paused' ? (
          <Badge mt="md" color="orange" variant="light">
            Paused: shoppers get {agent.whenPaused === 'inbox' ? 'a person from the Inbox' : 'the away message'}
          </Badge>
        ) : null}
      </Paper>
    </form>
  );
}

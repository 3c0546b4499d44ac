import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useApiClient } from '../../api/ApiContext';
import { ApiClientError } from '../../api/client';
import { AgentPatchSchema, type Agent, type AgentSkill, type Persona } from '../../api/contracts';
import { zodFormValidator } from '../../ui/zodFormErrors';

/** What the Studio edits and saves together with one PATCH. Avatar, status and default are immediate actions. */
export interface AgentFormValues {
  name: string;
  role: string;
  persona: Persona;
  skills: AgentSkill[];
  /** Knowledge source ids this agent answers from; empty: all of the store's. */
  knowledgeSources: number[];
  whenPaused: Agent['whenPaused'];
  awayMessage: string;
}

export function agentFormValues(agent: Agent): AgentFormValues {
  return {
    name: agent.name,
    role: agent.role,
    persona: { ...agent.persona, languages: [...agent.persona.languages] },
    skills: agent.skills.map((s) => ({ ...s, config: { ...s.config } })),
    knowledgeSources: [...agent.knowledgeSources],
    whenPaused: agent.whenPaused,
    awayMessage: agent.awayMessage,
  };
}

const validate = zodFormValidator(AgentPatchSchema);
const PROBLEM_ID = 'agent-save-problem';

/** The agent editor's form: checked with the shared schema, saved with PATCH, server field errors shown in place. */
export function useAgentForm(agent: Agent, onSaved: (agent: Agent) => void) {
  const client = useApiClient();
  const form = useForm<AgentFormValues>({ mode: 'controlled', initialValues: agentFormValues(agent), validate, validateInputOnChange: ['name', 'persona.languages'] });

  const save = async (values: AgentFormValues) => {
    notifications.hide(PROBLEM_ID);
    try {
      const saved = await client.call('updateAgent', { params: { id: String(agent.id) }, body: values });
      const next = agentFormValues(saved);
      form.setInitialValues(next);
      form.setValues(next);
      form.resetDirty(next);
      onSaved(saved);
      notifications.show({ color: 'teal', title: 'Agent saved', message: `${saved.name} answers this way from the next message.` });
    } catch (err) {
      if (err instanceof ApiClientError && Object.keys(err.fields).length > 0) form.setErrors(err.fields);
      notifications.show({ id: PROBLEM_ID, color: 'red', title: 'The agent was not saved', message: err instanceof Error ? err.message : 'Something went wrong.' });
    }
  };
  const invalid = () =>
    notifications.show({ id: PROBLEM_ID, color: 'red', title: 'Some settings need fixing', message: 'The fields marked in red explain what to change.' });

  return { form, onSubmit: form.onSubmit(save, invalid) };
}

export type AgentFormApi = ReturnType<typeof useAgentForm>['form'];

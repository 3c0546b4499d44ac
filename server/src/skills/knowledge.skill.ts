import { z } from 'zod';
import { json, parseArgs, toolDefinition, type SkillDeps } from './define.js';
import { TOOL, type SearchKnowledgeResult } from './tools.js';
import type { SkillManifest } from './types.js';

const ConfigSchema = z.object({});

const Args = z.object({
  question: z.string({ error: "Give the shopper's question" }).trim().min(1, { error: "Give the shopper's question" }).max(500, { error: 'At most 500 characters' }),
});

/**
 * On by default: the store's own documents (returns, hallmarking, making charges, shipping…) as
 * passages with their source, so the agent quotes the store's policy instead of guessing. When
 * nothing in them answers, `answerable` is false and the agent says it will check. An agent with
 * knowledge sources picked answers only from those (none picked: all of the store's).
 */
export function knowledgeSkill(deps: Pick<SkillDeps, 'knowledge'>): SkillManifest<typeof ConfigSchema> {
  return {
    id: 'knowledge',
    name: 'Store knowledge',
    description: 'Answers policy questions ("what is your return policy?", "is your gold hallmarked?", "how are making charges calculated?") from the documents you add under Knowledge, quoting the passage and naming its source. When your documents do not cover a question, the agent says it will check with you instead of guessing.',
    summary: 'Answers from your policies and FAQs, with sources',
    icon: 'book',
    configSchema: ConfigSchema,
    defaultEnabled: true,
    available: true,
    tools: [
      toolDefinition(
        TOOL.searchKnowledge,
        "Searches the store's own documents (returns, exchange, hallmark/HUID, making charges, old gold, shipping, jewellery care). Returns passages with their source; answerable=false means the documents do not cover the question: then never guess, say you will check.",
        Args,
      ),
    ],
    async execute({ args, ctx }) {
      const { question } = parseArgs(TOOL.searchKnowledge, Args, args);
      const found: SearchKnowledgeResult = deps.knowledge ? await deps.knowledge.ask(question, { limit: 3, sources: ctx.agent.knowledgeSources }) : { answerable: false, passages: [] };
      const best = found.answerable ? found.passages[0] : undefined;
      return { result: json(found), summary: best ? `answered from ${best.source} (${best.location})` : 'not in the documents' };
    },
  };
}

import { describe, expect, it } from 'vitest';
import { PersonaSchema, type Agent, type StoreProfile } from '../contracts/index.js';
import { DomainError } from '../shared/errors.js';
import { createSkillRegistry, TOOL, type SearchKnowledgeResult, type SkillContext, type SkillDeps } from './index.js';

const ANSWER: SearchKnowledgeResult = {
  answerable: true,
  passages: [{ text: 'You may return a piece within 7 days of delivery.', source: 'returns.md', location: 'Returns › 7-day return', score: 0.9 }],
};

function deps(knowledge?: SkillDeps['knowledge']): SkillDeps {
  return { search: { search: () => Promise.reject(new Error('not used')) }, catalog: { get: () => null }, catalogId: () => null, publicUrl: () => null, ...(knowledge ? { knowledge } : {}) };
}

function ctx(skills: Agent['skills'] = []): SkillContext {
  const t = '2026-12-01T10:00:00Z';
  const agent: Agent = {
    id: 1, name: 'Riya', role: 'Sales', avatar: null, persona: PersonaSchema.parse({}), skills, knowledgeSources: [], status: 'active',
    isDefault: false, whenPaused: 'inbox', awayMessage: '', createdAt: t, updatedAt: t,
  };
  return { agent, store: {} as StoreProfile, to: '+919800000001' } as unknown as SkillContext;
}

describe('knowledge skill', () => {
  it('search_knowledge asks the knowledge base and returns its passages with sources', async () => {
    const asked: { q: string; limit: number | undefined; sources: number[] | undefined }[] = [];
    const registry = createSkillRegistry(deps({ ask: (q, o) => (asked.push({ q, limit: o?.limit, sources: o?.sources }), Promise.resolve(ANSWER)) }));
    const r = await registry.execute(TOOL.searchKnowledge, { question: '  what is your return policy?  ' }, ctx());
    const mine = ctx();
    mine.agent.knowledgeSources = [4, 7];
    await registry.execute(TOOL.searchKnowledge, { question: 'hallmark?' }, mine);
    expect(asked).toEqual([{ q: 'what is your return policy?', limit: 3, sources: [] }, { q: 'hallmark?', limit: 3, sources: [4, 7] }]);
    expect(r.result).toEqual(ANSWER);
    expect(r.summary).toBe('answered from returns.md (Returns › 7-day return)');
  });

  it('without a knowledge base nothing is answerable; a bad call names the field', async () => {
    const registry = createSkillRegistry(deps());
    const r = await registry.execute(TOOL.searchKnowledge, { question: 'hallmark?' }, ctx());
    expect(r.result).toEqual({ answerable: false, passages: [] });
    await expect(registry.execute(TOOL.searchKnowledge, { question: ' ' }, ctx())).rejects.toThrow(/search_knowledge was called with bad arguments: question/);
  });

  it('is on by default and can be switched off per agent', async () => {
    const registry = createSkillRegistry(deps({ ask: () => Promise.resolve(ANSWER) }));
    expect(registry.toolsFor(ctx().agent).map((t) => t.name)).toContain(TOOL.searchKnowledge);
    const off = ctx([{ id: 'knowledge', enabled: false, config: {} }]);
    expect(registry.toolsFor(off.agent).map((t) => t.name)).not.toContain(TOOL.searchKnowledge);
    await expect(registry.execute(TOOL.searchKnowledge, { question: 'returns?' }, off)).rejects.toBeInstanceOf(DomainError);
  });
});

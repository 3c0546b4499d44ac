/**
 * Small fakes for the engine's own tests: a scripted model, a skill registry with two products,
 * agents in memory, and an in-memory database with the real migrations. The real brains,
 * registry and agents are exercised by the CLI, simulator and end-to-end tests.
 */
import pino from 'pino';
import type { InboundHook } from './hooks.js';
import { PersonaSchema, type Agent, type PersonaInput } from '../contracts/index.js';
import type { Model, ModelRequest, ModelResponse, ToolCall } from '../brain/index.js';
import { createCrmService } from '../crm/index.js';
import { migrate, openDatabase } from '../db/index.js';
import { Bus } from '../ops/index.js';
import type { SkillRegistry, SkillResult } from '../skills/index.js';
import { DomainError } from '../shared/errors.js';
import { imageMessage, type GraphMessage } from '../whatsapp/index.js';
import { createConversations } from './index.js';
import type { FactCheck } from './think.js';

export const PRODUCTS = [
  { sku: 'SJ-BNG-001', name: 'Classic Gold Bangle', price: 45000, priceText: '₹45,000', stock: 2, inStock: true },
  { sku: 'SJ-BNG-002', name: 'Filigree Gold Bangle', price: 48500, priceText: '₹48,500', stock: 1, inStock: true },
];

export function agent(id: number, name: string, persona: PersonaInput = {}, extra: Partial<Agent> = {}): Agent {
  const at = '2026-01-01T00:00:00.000Z';
  return {
    id, name, role: 'Sales', avatar: null, persona: PersonaSchema.parse(persona), skills: [], knowledgeSources: [], status: 'active', isDefault: id === 1,
    whenPaused: 'away_message', awayMessage: '', createdAt: at, updatedAt: at, ...extra,
  };
}

export function fakeAgents(list: Agent[]) {
  const byId = new Map(list.map((a) => [a.id, a]));
  return {
    byId,
    get(id: number): Agent {
      const a = byId.get(id);
      if (!a) throw new DomainError('not_found', `There is no agent ${id}`);
      return a;
    },
    defaultAgent: () => [...byId.values()].find((a) => a.isDefault) ?? (list[0] as Agent),
    byName: (name: string) => [...byId.values()].find((a) => a.name.toLowerCase() === name.toLowerCase()) ?? null,
  };
}

export function fakeSkills(): Pick<SkillRegistry, 'toolsFor' | 'execute'> & { calls: { tool: string; args: Record<string, unknown> }[] } {
  const calls: { tool: string; args: Record<string, unknown> }[] = [];
  const def = (name: string) => ({ name, description: name, parameters: { type: 'object', properties: {} } });
  return {
    calls,
    toolsFor: () => [def('search_products'), def('get_product'), def('send_products')],
    async execute(tool, args, ctx): Promise<SkillResult> {
      calls.push({ tool, args });
      if (tool === 'search_products') return { result: { query: String(args.query), count: PRODUCTS.length, products: PRODUCTS, alternatives: [], filters: [] }, summary: `${PRODUCTS.length} products` };
      if (tool === 'get_product') {
        const p = PRODUCTS.find((x) => x.sku === args.sku);
        return { result: { found: Boolean(p), product: p ?? null }, summary: p ? p.name : 'not found' };
      }
      if (tool === 'send_products') {
        const skus = (args.skus as string[]).filter((s) => PRODUCTS.some((p) => p.sku === s));
        if (!skus.length) throw new DomainError('validation', 'none of those SKUs exist');
        const messages: GraphMessage[] = skus.map((s) => imageMessage(ctx.to, { link: `https://shop.example/media/${s}.jpg` }, { caption: `*${s}*` }));
        return { result: { sent: skus.length, skus, format: 'image_cards' }, messages, summary: `${skus.length} cards`, shownSkus: skus };
      }
      throw new DomainError('not_found', `no tool ${tool}`);
    },
  };
}

/** Every "₹12,345" in the text must appear as a number in the tool results or the shopper's words. */
export const simpleFactCheck: FactCheck = (text, results, opts) => {
  const amounts = [...text.matchAll(/₹\s?([\d,]+)/g)].map((m) => Number((m[1] ?? '').replace(/,/g, '')));
  const known = JSON.stringify(results) + (opts?.shopperText?.replace(/,/g, '') ?? '');
  const unbacked = amounts.filter((n) => !new RegExp(`\\b${n}\\b`).test(known));
  return { ok: unbacked.length === 0, unbacked };
};

export type Step = { content?: string; calls?: { name: string; args: unknown }[] };

/** A model that answers by a script: a function of the request (what it was asked, step by step). */
export function scriptedModel(script: (req: ModelRequest, n: number) => Step | Promise<Step>): Model & { requests: ModelRequest[] } {
  const requests: ModelRequest[] = [];
  let ids = 0;
  return {
    provider: 'offline',
    requests,
    async complete(req): Promise<ModelResponse> {
      requests.push(req);
      const step = await script(req, requests.length);
      const toolCalls: ToolCall[] = (step.calls ?? []).map((c) => ({ id: `call_${++ids}`, name: c.name, arguments: typeof c.args === 'string' ? c.args : JSON.stringify(c.args) }));
      return { content: step.content ?? null, toolCalls, usage: { promptTokens: 10, completionTokens: 5 }, model: 'scripted-1' };
    },
  };
}

/** The tool results of this turn so far (after the last user message). */
export function turnTools(req: ModelRequest): string[] {
  const lastUser = req.messages.map((m) => m.role).lastIndexOf('user');
  return req.messages.slice(lastUser + 1).flatMap((m) => (m.role === 'tool' ? [m.name] : []));
}

/** The sales script: search, send the cards, suggest buttons, answer from the results. */
export const salesScript = (req: ModelRequest): Step => {
  const done = turnTools(req);
  const last = req.messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
  if (req.context.followUp) return { content: `Still thinking about the ${req.context.memory.focusSku ?? 'bangles'}?` };
  if (!/bangle/i.test(last)) return { content: 'Namaste! How can I help?' };
  if (!done.includes('search_products')) return { calls: [{ name: 'search_products', args: { query: last } }] };
  if (!done.includes('send_products')) return { calls: [{ name: 'send_products', args: { skus: PRODUCTS.map((p) => p.sku) } }, { name: 'suggest_replies', args: { buttons: ['Book a visit', 'See more'] } }] };
  return { content: 'Here are 2 gold bangles from ₹45,000 to ₹48,500.' };
};

export interface KitOptions {
  model: Model;
  agents?: Agent[];
  outbox?: { enqueueAll(inputs: { payload: GraphMessage; contactId?: number | null; correlationId?: string | null }[]): { id: string }[] } | null;
  settings?: Record<string, unknown>;
  clock?: () => Date;
  inboundHooks?: InboundHook[];
}

export function kit(opts: KitOptions) {
  const { db } = openDatabase(':memory:');
  migrate(db);
  const bus = new Bus();
  const live: unknown[] = [];
  bus.subscribe((m) => live.push(m));
  const crm = createCrmService(db);
  const agents = fakeAgents(opts.agents ?? [agent(1, 'Aarav'), agent(2, 'Riya', {}, { isDefault: false })]);
  const skills = fakeSkills();
  const settings = {
    getStoreProfile: () => { throw new DomainError('not_configured', 'no store'); },
    getValue: (key: string) => opts.settings?.[key],
    readSecret: () => undefined,
  };
  const conv = createConversations({
    db, bus, log: pino({ level: 'silent' }), settings, crm, agents, skills, factCheck: simpleFactCheck,
    personaInstructions: (a) => `You are ${a.name}.`, model: () => opts.model, offlineModel: () => opts.model,
    outbox: (opts.outbox ?? null) as never,
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.inboundHooks ? { inboundHooks: opts.inboundHooks } : {}),
  });
  return { db, bus, live, crm, agents, skills, ...conv };
}

export const text = (body: string, extra: Record<string, unknown> = {}) => ({ type: 'text', text: { body }, ...extra });

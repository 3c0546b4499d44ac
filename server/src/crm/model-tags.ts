import type { Logger } from 'pino';
import { z } from 'zod';
import type { LiveMessage } from '../contracts/index.js';
import { PersonaSchema } from '../contracts/index.js';
import type { Model, ModelRequest } from '../brain/index.js';
import type { CrmService } from './contacts.service.js';

/** How a model-given tag must look: CamelCase words, as the offline tagger writes them (#BridalShopper). */
const TAG = /^[A-Z][A-Za-z0-9]{1,29}$/;
const MAX_TAGS = 5;
const MAX_LINES = 24;

export const TAG_TOOL = 'tag_contact';

const ArgsSchema = z.object({
  tags: z.array(z.object({ tag: z.string(), reason: z.string() })).max(20),
});

export interface ModelTaggerDeps {
  contacts: CrmService;
  /** The brain in force: tags are asked of Mistral only (the offline brain's understanding already tags each step). */
  model: () => Model | null;
  log: Logger;
  /** Quiet time after the agent's last reply before the conversation is read (a turn often has several messages). */
  delayMs?: number;
}

interface Pending {
  lines: string[];
  timer: NodeJS.Timeout | null;
}

function clean(text: string, max = 300): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, max);
}

function request(lines: string[], known: string[], banned: string[]): ModelRequest {
  const system = [
    'You tag the customers of an Indian jewellery store for the owner\'s customer list.',
    `Read the conversation and call ${TAG_TOOL} once with 0 to ${MAX_TAGS} tags describing the shopper: what they want (metal, piece, stones, occasion), how they buy (price-sensitive, ready to visit, gifting), and what happened (visit booked, ordered, complained).`,
    'Each tag is CamelCase words without spaces or "#", e.g. BridalShopper, GoldBangles, InterestedInDiamonds, PriceSensitive, VisitBooked.',
    'Each reason is one short sentence quoting or citing what the shopper said or what the agent did. Give no tag you cannot justify from the conversation.',
    known.length ? `Prefer these existing tags when they fit: ${known.join(', ')}.` : '',
    banned.length ? `Never use these tags: ${banned.join(', ')}.` : '',
  ].filter(Boolean).join('\n');
  return {
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: lines.join('\n') },
    ],
    tools: [{
      name: TAG_TOOL,
      description: 'Give the shopper tags for the store\'s customer list, each with why.',
      parameters: {
        type: 'object',
        properties: {
          tags: {
            type: 'array',
            items: { type: 'object', properties: { tag: { type: 'string' }, reason: { type: 'string' } }, required: ['tag', 'reason'] },
          },
        },
        required: ['tags'],
      },
    }],
    // The context is the offline brain's; a Mistral model reads the messages only.
    context: {
      persona: PersonaSchema.parse({}),
      agentName: 'Tagger',
      store: { name: '', phone: '', timeZone: 'Asia/Kolkata' },
      inbound: null,
      shopperName: null,
      now: new Date().toISOString(),
      memory: { lastQuery: null, shownSkus: [], focusSku: null, interested: false, optedOut: false, followUpsSent: 0 },
    },
  };
}

/**
 * AI auto-tagging with Mistral: the conversation's recent lines are kept per contact from the bus;
 * a quiet moment after the agent's reply, the model is asked for tags with reasons. What it says is
 * only a proposal: tags that are not CamelCase words, banned, removed by the owner from this contact,
 * or beyond five are not given. A failed call loses nothing but those tags (logged).
 */
export function createModelTagger(deps: ModelTaggerDeps) {
  const delayMs = deps.delayMs ?? 20_000;
  const pending = new Map<number, Pending>();
  const running = new Set<Promise<void>>();

  function note(contactId: number, line: string): Pending {
    const p = pending.get(contactId) ?? { lines: [], timer: null };
    p.lines.push(line);
    if (p.lines.length > MAX_LINES) p.lines.splice(0, p.lines.length - MAX_LINES);
    pending.set(contactId, p);
    return p;
  }

  async function tag(contactId: number, lines: string[]): Promise<number> {
    const model = deps.model();
    if (!model || model.provider !== 'mistral' || !lines.some((l) => l.startsWith('Shopper:'))) return 0;
    const { tags } = deps.contacts.tags.list();
    const known = tags.filter((t) => !t.banned).map((t) => t.tag).slice(0, 60);
    const banned = tags.filter((t) => t.banned).map((t) => t.tag);
    const res = await model.complete(request(lines, known, banned));
    const call = res.toolCalls.find((c) => c.name === TAG_TOOL);
    if (!call) return 0;
    let args: unknown;
    try {
      args = JSON.parse(call.arguments);
    } catch {
      return 0;
    }
    const parsed = ArgsSchema.safeParse(args);
    if (!parsed.success) return 0;
    let given = 0;
    for (const t of parsed.data.tags.slice(0, MAX_TAGS)) {
      const name = t.tag.trim().replace(/^#/, '');
      if (!TAG.test(name) || !t.reason.trim()) continue;
      if (deps.contacts.tags.auto(contactId, name, `Mistral: ${clean(t.reason, 200)}`)) given += 1;
    }
    return given;
  }

  function run(contactId: number): Promise<void> {
    const p = pending.get(contactId);
    pending.delete(contactId);
    if (!p) return Promise.resolve();
    if (p.timer) clearTimeout(p.timer);
    const job = tag(contactId, p.lines)
      .then(() => undefined)
      .catch((err: unknown) => deps.log.warn({ err, contactId }, 'auto-tagging with Mistral failed; the offline tags stand'))
      .finally(() => running.delete(job));
    running.add(job);
    return job;
  }

  function listener(m: LiveMessage): void {
    if (m.type !== 'conversation.event') return;
    const e = m.event;
    if (e.contactId === null) return;
    const d = e.data as { text?: unknown; name?: unknown };
    if (e.type === 'INBOUND' && typeof d.text === 'string' && d.text.trim()) note(e.contactId, `Shopper: ${clean(d.text)}`);
    else if (e.type === 'TOOL' && typeof d.name === 'string') note(e.contactId, `Agent used ${d.name}: ${clean(e.detail, 160)}`);
    else if (e.type === 'OUTBOUND' || e.type === 'HANDOFF') {
      const p = note(e.contactId, `${e.type === 'HANDOFF' ? 'Handed to a person' : 'Agent'}: ${clean(e.detail, 200)}`);
      if (p.timer) clearTimeout(p.timer);
      const id = e.contactId;
      p.timer = setTimeout(() => void run(id), delayMs);
      p.timer.unref();
    }
  }

  return {
    listener,
    /** Reads every waiting conversation now (tests; shutdown). */
    async flush(): Promise<void> {
      await Promise.all([...pending.keys()].map(run));
      await Promise.all([...running]);
    },
    stop(): void {
      for (const p of pending.values()) if (p.timer) clearTimeout(p.timer);
      pending.clear();
    },
  };
}

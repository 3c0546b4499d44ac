import { FeedbackInputSchema, type Feedback, type FeedbackInput, type FeedbackMonth, type FeedbackOverview } from '../contracts/index.js';
import { DomainError, fieldErrors } from '../shared/errors.js';
import { parseFeedback } from './feedback.parse.js';
import type { FeedbackRow, feedbackRepo } from './feedback.repo.js';

export interface FeedbackDeps {
  repo: ReturnType<typeof feedbackRepo>;
  /** Puts the contact's thread in the Inbox (1–2 stars). */
  handOff?: (contactId: number, reason: string) => void;
  contactLabel?: (contactId: number) => string | null;
  agentName?: (agentId: number) => string | null;
  /** The store's time zone: months are the store's months. */
  timeZone?: () => string;
  clock?: () => Date;
}

const UNHAPPY = 2;

/** Ratings and comments per agent and month; unhappy ones (≤ 2 stars) go to the Inbox. */
export function createFeedbackService(deps: FeedbackDeps) {
  const clock = deps.clock ?? (() => new Date());
  const label = (id: number) => deps.contactLabel?.(id) ?? null;
  const agentName = (id: number | null) => (id === null ? null : (deps.agentName?.(id) ?? null));
  const monthOf = (at: string) => {
    let tz = 'Asia/Kolkata';
    try {
      tz = deps.timeZone?.() ?? tz;
    } catch {
      // no store profile yet: India
    }
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit' }).formatToParts(new Date(at));
    return `${parts.find((p) => p.type === 'year')?.value}-${parts.find((p) => p.type === 'month')?.value}`;
  };
  const toFeedback = (r: FeedbackRow): Feedback => ({
    id: r.id, contactId: r.contact_id, contactLabel: label(r.contact_id), agentId: r.agent_id, agentName: agentName(r.agent_id), rating: r.rating, comment: r.comment, source: r.source, at: r.at, unhappy: r.rating <= UNHAPPY,
  });

  function insert(input: FeedbackInput): Feedback {
    const p = FeedbackInputSchema.safeParse(input);
    if (!p.success) throw new DomainError('validation', `The feedback is not valid: ${p.error.issues.map((i) => `${i.path.join('.') || 'feedback'}: ${i.message}`).join('; ')}`, fieldErrors(p.error.issues));
    const at = p.data.at && !Number.isNaN(Date.parse(p.data.at)) ? new Date(p.data.at).toISOString() : clock().toISOString();
    return toFeedback(deps.repo.insert({ contact_id: p.data.contactId, agent_id: p.data.agentId ?? null, rating: p.data.rating, comment: p.data.comment || null, source: p.data.source, at }));
  }

  return {
    /** A rating from the feedback Flow (or the API); 1–2 stars put the shopper's thread in the Inbox. */
    record(input: FeedbackInput): Feedback {
      const f = insert(input);
      if (f.unhappy) deps.handOff?.(f.contactId, `unhappy feedback (${f.rating}★)`);
      return f;
    },
    /**
     * The engine's port: a plain message that is a rating ("5 stars", "rating 2, bad service") is
     * recorded; the engine itself hands unhappy ones over. Null when the message is not a rating.
     */
    fromMessage(input: { contactId: number; agentId: number; text: string; at: string }): { rating: number } | null {
      const parsed = parseFeedback(input.text);
      if (!parsed) return null;
      insert({ contactId: input.contactId, agentId: input.agentId, rating: parsed.rating, comment: parsed.comment, source: 'message', at: input.at });
      return { rating: parsed.rating };
    },
    /** Average and count per agent per month (newest month first) and the latest ratings. */
    overview(filter: { agent?: number | undefined; unhappy?: boolean | undefined } = {}): FeedbackOverview {
      const rows = deps.repo.all().filter((r) => filter.agent === undefined || r.agent_id === filter.agent);
      const groups = new Map<string, { month: string; agentId: number | null; sum: number; count: number; unhappy: number }>();
      for (const r of rows) {
        const month = monthOf(r.at);
        const key = `${month}|${r.agent_id ?? ''}`;
        const g = groups.get(key) ?? { month, agentId: r.agent_id, sum: 0, count: 0, unhappy: 0 };
        g.sum += r.rating;
        g.count += 1;
        if (r.rating <= UNHAPPY) g.unhappy += 1;
        groups.set(key, g);
      }
      const months: FeedbackMonth[] = [...groups.values()]
        .map((g) => ({ month: g.month, agentId: g.agentId, agentName: agentName(g.agentId), count: g.count, average: Math.round((g.sum / g.count) * 10) / 10, unhappy: g.unhappy }))
        .sort((a, b) => b.month.localeCompare(a.month) || (a.agentName ?? '').localeCompare(b.agentName ?? ''));
      const recent = rows.filter((r) => !filter.unhappy || r.rating <= UNHAPPY).slice(0, 200).map(toFeedback);
      return { months, recent };
    },
  };
}
export type FeedbackService = ReturnType<typeof createFeedbackService>;

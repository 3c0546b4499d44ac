import type { Agent, Contact, InboundMessage } from '../contracts/index.js';
import type { Db } from '../db/index.js';
import type { Bus } from '../ops/index.js';
import { handoffSettings } from '../skills/index.js';
import { scoreSentiment } from '../understanding/index.js';
import { textMessage, type GraphMessage } from '../whatsapp/index.js';
import { FALLBACK_TEXT } from './think.js';
import type { ThreadRow } from './threads.repo.js';

/** What the engine needs of the feedback domain: a rating read from a plain message, recorded. */
export interface FeedbackPort {
  /** Parses "5 stars", "⭐⭐⭐⭐", "rating 2, bad service"; records it and returns the rating, or null when it is not feedback. */
  fromMessage(input: { contactId: number; agentId: number; text: string; at: string }): { rating: number } | null;
}

type Lang = 'en' | 'hinglish' | 'hindi';
const HINGLISH = /\b(hai|hain|nahi|nahin|kya|aap|aapka|aapki|mera|meri|mujhe|bahut|bohot|kab|kyun|kaise|diya|gaya|gayi|karo|kijiye|abhi|yeh|ye|bhi)\b/i;

/** The shopper's language, roughly: Devanagari, Roman Hindi, else English. */
export function languageOf(text: string): Lang {
  if (/[\u0900-\u097F]/.test(text)) return 'hindi';
  return HINGLISH.test(text) ? 'hinglish' : 'en';
}

const WORDS = {
  upset: {
    en: 'I am really sorry about this. A member of our team will reply to you here soon.',
    hinglish: 'Iske liye hum sach mein maafi chahte hain. Hamari team ka koi member jaldi yahin reply karega.',
    hindi: 'इसके लिए हमें सच में खेद है। हमारी टीम का कोई सदस्य जल्द ही यहीं जवाब देगा।',
  },
  thanks: {
    en: 'Thank you for your feedback! It helps us serve you better.',
    hinglish: 'Aapke feedback ke liye shukriya! Isse hum aur behtar kar paate hain.',
    hindi: 'आपकी राय के लिए धन्यवाद! इससे हम और बेहतर कर पाते हैं।',
  },
} as const;

export interface EarlyHandoff {
  /** Why the thread goes to a person; null when the message was answered without one (happy feedback). */
  reason: string | null;
  replies: GraphMessage[];
  data: Record<string, unknown>;
}

export interface HandoffDeps {
  db: Db;
  bus: Bus;
  feedback?: FeedbackPort | null;
}

/**
 * The handoff triggers the engine runs around the model (the model may also call
 * `handoff_to_human` itself): before thinking, a rating in a plain message; after, the shopper's
 * mood and the agent's unanswered turns in a row. `mark` records why and when and alerts the owner.
 */
const rupeesText = (n: number) => `₹${n.toLocaleString('en-IN')}`;

/** An order above the agent's handoff value goes to a person to confirm; null when the skill is off or the order is smaller. */
export function orderHandoffReason(agent: Agent, total: number): string | null {
  const settings = handoffSettings(agent);
  if (!settings || total <= settings.orderValueAbove) return null;
  return `order of ${rupeesText(total)} to confirm (above ${rupeesText(settings.orderValueAbove)})`;
}

export function createHandoffs(deps: HandoffDeps) {
  const setFailed = deps.db.prepare<[number, number]>('update threads set failed_turns = ? where id = ?');
  const failedOf = deps.db.prepare<[number], { failed_turns: number }>('select failed_turns from threads where id = ?');
  const setHandoff = deps.db.prepare<[string, string, number]>('update threads set handoff_reason = ?, handoff_at = ?, failed_turns = 0 where id = ?');

  return {
    /** A rating in a plain message decides the turn before the model runs; null to think as usual. */
    before(p: { agent: Agent; contact: Contact; inbound: InboundMessage | null; userText: string | null; to: string; at: string }): EarlyHandoff | null {
      const text = p.inbound?.type === 'text' ? (p.inbound.text ?? '').trim() : '';
      if (!text) return null;
      const rated = deps.feedback?.fromMessage({ contactId: p.contact.id, agentId: p.agent.id, text, at: p.at }) ?? null;
      if (!rated) return null;
      const lang = languageOf(text);
      if (rated.rating <= 2) return { reason: `unhappy feedback (${rated.rating}★)`, replies: [textMessage(p.to, WORDS.upset[lang])], data: { trigger: 'feedback', rating: rated.rating } };
      return { reason: null, replies: [textMessage(p.to, WORDS.thanks[lang])], data: { trigger: 'feedback', rating: rated.rating } };
    },

    /**
     * After the model answered without handing over: the shopper's mood below the agent's
     * threshold replaces the answer with "someone will reply" (in their language); otherwise the
     * agent's unanswered turns in a row (the fallback line, or nothing said) are counted and reach
     * the skill's `maxFailures`. Null when the thread stays with the agent. Follow-ups never count.
     */
    afterThink(p: { thread: ThreadRow; agent: Agent; inbound: InboundMessage | null; to: string; messages: GraphMessage[] }): EarlyHandoff | null {
      if (!p.inbound) return null;
      const settings = handoffSettings(p.agent);
      const text = p.inbound.type === 'text' ? (p.inbound.text ?? '').trim() : '';
      const mood = text ? scoreSentiment(text) : null;
      if (settings && mood && mood.score < settings.sentimentThreshold) {
        setFailed.run(0, p.thread.id);
        return {
          reason: `negative sentiment (${mood.score.toFixed(2)})`,
          replies: [textMessage(p.to, WORDS.upset[languageOf(text)])],
          data: { trigger: 'sentiment', score: mood.score, threshold: settings.sentimentThreshold, terms: mood.hits.map((h) => h.term) },
        };
      }
      const last = p.messages[p.messages.length - 1] as { type?: string; text?: { body?: string } } | undefined;
      const failed = p.messages.length === 0 || (last?.type === 'text' && last.text?.body === FALLBACK_TEXT);
      const n = failed ? (failedOf.get(p.thread.id)?.failed_turns ?? 0) + 1 : 0;
      setFailed.run(n, p.thread.id);
      if (!settings || !failed || n < settings.maxFailures) return null;
      return { reason: `could not answer ${n} times in a row`, replies: p.messages, data: { trigger: 'failures', failures: n } };
    },

    /** Records why and when the thread went to a person and, unless the skill says not to, alerts the owner. */
    mark(thread: ThreadRow, agent: Agent | null, contact: Contact, reason: string, at: string): void {
      setHandoff.run(reason, at, thread.id);
      const notify = agent ? (handoffSettings(agent)?.notifyOwner ?? true) : true;
      deps.bus.publish({
        type: 'inbox.alert', time: at, threadId: thread.id, contactId: contact.id,
        contactLabel: contact.name ?? contact.phone ?? contact.waId ?? `Contact ${contact.id}`, agentName: agent?.name ?? null, reason, notify,
      });
    },
  };
}
export type Handoffs = ReturnType<typeof createHandoffs>;

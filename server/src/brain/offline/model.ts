import type { InboundMessage } from '../../contracts/index.js';
import type { Model, ModelRequest, ModelResponse } from '../model.js';
import type { Ctx } from './ctx.js';
import { breakupStep } from './breakup.js';
import { readIntent } from './intent.js';
import { followUpStep, priceStockStep } from './product.js';
import { searchStep } from './products.js';
import { catalogStep } from './catalog.js';
import { bookVisitStep, discountStep, handoffStep, policyStep, storeInfoStep } from './store.js';
import { continuesDiscount } from './discount.js';
import { orderNextStep } from './order.js';
import { dayFrom, offeredTimes, timeFrom, visitChangeFrom } from './booking.js';
import { greetingStep, nonTextStep, stopStep, thanksStep, unknownStep } from './talk.js';
import { detectLanguage, replyLanguage } from './text.js';
import { tryOnTextStep } from './tryon.js';
import { Turn, type Step } from './turn.js';
import { Voice } from './voice.js';

export const OFFLINE_MODEL = 'offline-1';

/**
 * The offline brain: deterministic, no network, the product's default. Each `complete` call reads
 * the turn so far (the shopper's message, the calls already made and their results) and asks for
 * the next tools or gives its final words. Every fact it writes (price, stock, hours, policy)
 * comes from a tool result of this turn; its own words carry no numbers of money.
 */
export function createOfflineModel(): Model {
  return {
    provider: 'offline',
    complete(request: ModelRequest): Promise<ModelResponse> {
      request.signal?.throwIfAborted();
      const turn = new Turn(request);
      const step = decide(request, turn);
      const content = 'content' in step ? step.content : null;
      const toolCalls = 'calls' in step ? turn.toCalls(step) : [];
      const promptChars = request.messages.reduce((n, m) => n + (m.content?.length ?? 0), 0);
      const completionChars = (content?.length ?? 0) + toolCalls.reduce((n, c) => n + c.name.length + c.arguments.length, 0);
      return Promise.resolve({
        content,
        toolCalls,
        usage: { promptTokens: Math.ceil(promptChars / 4), completionTokens: Math.ceil(completionChars / 4) },
        model: OFFLINE_MODEL,
      });
    },
  };
}

/** The words a message carries: typed text, a caption, a tapped button's title, an edit's new text. */
function wordsOf(m: InboundMessage | null, fallback: string): string {
  if (!m) return fallback;
  if (m.type === 'edit') return m.edit?.content?.text ?? m.text ?? '';
  return m.text ?? (m.reply?.title ?? '');
}

/** The SKU of a tapped list row or button whose id names a product shown ("SJ-BNG-005" or "sku:SJ-BNG-005"). */
function tappedSku(m: InboundMessage | null, shown: string[]): string | null {
  const id = m?.reply?.id?.replace(/^(sku|product)[:_-]/i, '');
  return id ? (shown.find((s) => s.toLowerCase() === id.toLowerCase()) ?? null) : null;
}

/** The agent's own questions inviting a visit (all three languages), as `Voice.cta` words them. */
const INVITED = /reserve|in the store|visit us today|store mein dekhna|store aaiye|रिज़र्व|दुकान में देखना|दुकान आइए/iu;

const WORDY_TYPES = new Set(['text', 'button', 'edit']);

export function decide(request: ModelRequest, turn: Turn): Step {
  const tc = request.context;
  const inbound = tc.followUp ? null : tc.inbound;
  const text = wordsOf(inbound, turn.userText).trim();
  const lang = replyLanguage(detectLanguage(text), tc.persona.languages);
  const v = new Voice(tc.persona, lang);
  const reading = readIntent(text, {
    memory: tc.memory,
    referredSku: inbound?.context?.referredProduct?.productRetailerId ?? null,
    tappedSku: tappedSku(inbound, tc.memory.shownSkus),
  });
  const c: Ctx = { turn, v, tc, reading, text };

  if (tc.followUp) return followUpStep(c);
  // "Pay at store" or "Payment link" tapped under an order: about that order, not a payment policy question.
  const orderNext = orderNextStep(c);
  if (orderNext) return orderNext;
  // A bare "yes" answers the agent's last question: to come in, or to see more.
  if (reading.topic === 'yes' && INVITED.test(turn.lastAgentText)) return bookVisitStep(c);
  const wordy = !inbound || WORDY_TYPES.has(inbound.type) || (inbound.type === 'interactive' && inbound.reply !== null);
  // A caption that asks something is answered as words ("do you have this in gold?"); otherwise the media is.
  const captionAsks = text !== '' && !['unknown', 'greeting', 'thanks_bye'].includes(reading.intent);
  if (inbound && !wordy && !(captionAsks && ['image', 'video', 'document'].includes(inbound.type))) {
    const step = nonTextStep(c, inbound);
    if (step) return step;
  }
  const tryOn = tryOnTextStep(c);
  if (tryOn) return tryOn;
  // "make it 20%" right after an offer answers it (the intent reader has no place for a bare percent).
  if (reading.intent === 'unknown' && continuesDiscount(text, turn.lastAgentText)) return discountStep(c);
  // A time typed right after the free times were offered ("11:30") books it, as a tapped row would;
  // a day ("Saturday?") offers that day's free times.
  // ("the 7th?" reads as the 7th product otherwise; there is no product list to count in.)
  const aboutVisit = (timeFrom(text) !== null || dayFrom(text) !== undefined) && offeredTimes(turn.lastAgentText);
  if (aboutVisit && (['unknown', 'greeting'].includes(reading.intent) || (reading.intent === 'price_stock' && reading.ordinal !== null && reading.sku === null))) return bookVisitStep(c);
  // "time badal do", "cancel kar do" about a booked visit, in words the intent reader has no place for.
  if (reading.intent === 'unknown' && visitChangeFrom(text)) return bookVisitStep(c);
  // A tapped slot of the free-times list ("slot:2026-12-02T06:00:00Z:try_on") books it.
  if (inbound?.reply?.id?.startsWith('slot:')) return bookVisitStep(c);
  switch (reading.intent) {
    case 'greeting':
      return greetingStep(c);
    case 'product_search':
      return searchStep(c, 'new');
    case 'more':
      return searchStep(c, 'more');
    case 'catalog':
      return catalogStep(c);
    case 'price_stock':
      return priceStockStep(c);
    case 'price_breakup':
      return breakupStep(c);
    case 'policy':
      return policyStep(c);
    case 'store_info':
      return storeInfoStep(c);
    case 'book_visit':
      return bookVisitStep(c);
    case 'discount':
      return discountStep(c);
    case 'human':
      return handoffStep(c, false);
    case 'complaint':
      return handoffStep(c, true);
    case 'thanks_bye':
      return thanksStep(c);
    case 'stop':
      return stopStep(c);
    case 'unknown':
      return unknownStep(c);
  }
}

import type { TurnContext } from '../model.js';
import type { ToolProduct } from './tools.js';
import { TOOL } from './tools.js';
import type { IntentReading } from './intent.js';
import { say, type Step, type Turn } from './turn.js';
import { buttons, type Tri, type Voice } from './voice.js';

/** Everything a policy reads to decide its next step. */
export interface Ctx {
  turn: Turn;
  v: Voice;
  tc: TurnContext;
  reading: IntentReading;
  /** The shopper's words being answered (typed text, a caption, or a tapped button's title). */
  text: string;
}

type Pending = { name: string; args: Record<string, unknown> };

/** Runs the calls not yet made this turn (only tools the agent has), all at once; then the final words. */
export function finalize(c: Ctx, pending: (Pending | null)[], words: () => string): Step {
  const todo = pending.filter((p): p is Pending => p !== null && c.turn.has(p.name) && !c.turn.called(p.name));
  return todo.length > 0 ? { calls: todo } : say(words());
}

/** The `suggest_replies` call with up to 3 titles. */
export function suggest(c: Ctx, titles: Tri[]): Pending {
  return { name: TOOL.suggestReplies, args: { buttons: buttons(c.v, titles) } };
}

/** "22K gold, 12.5 g" from the catalog's own fields. */
export function specs(p: Pick<ToolProduct, 'metal' | 'purity' | 'weightGrams'>): string {
  const metal = [p.purity, p.metal].filter(Boolean).join(' ');
  const weight = p.weightGrams !== null ? `${p.weightGrams} g` : '';
  return [metal, weight].filter(Boolean).join(', ');
}

/** The cheapest and dearest price texts of a list ("₹18,500" and "₹49,900"), as the tools wrote them. */
export function priceRange(products: readonly ToolProduct[]): { low: string; high: string } | null {
  if (products.length === 0) return null;
  const sorted = [...products].sort((a, b) => a.price - b.price);
  return { low: sorted[0]?.priceText ?? '', high: sorted[sorted.length - 1]?.priceText ?? '' };
}

/** "I will check with the team": the honest answer when a tool failed. */
export function checkWithTeam(c: Ctx): string {
  return c.v.finish(
    [
      c.v.t({
        en: 'Sorry, I could not check that just now.',
        hinglish: 'Maaf kijiye, abhi yeh check nahi ho paaya.',
        hindi: 'माफ़ कीजिए, अभी यह जाँच नहीं हो पाई।',
      }),
      c.v.t({
        en: 'I will check with our team and get back to you.',
        hinglish: 'Team se pooch kar aapko batayenge.',
        hindi: 'टीम से पूछकर आपको बताएँगे।',
      }),
    ],
    { topic: 'sorry', keep: 2 },
  );
}

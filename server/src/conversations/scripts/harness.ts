/**
 * Scripted shopper conversations: what a shopper sends, turn by turn, and what the Cloud API
 * message objects coming back must show. The runner lives in scripts.test.ts; this file holds the
 * script shape and the reading of a reply.
 */

/** What the shopper sends: typed words, a tap on a reply button the previous turn offered, a reply to a product, or a raw `messages[]` object. */
export type Send =
  | string
  | { tap: string }
  | { refer: string; text: string }
  | { raw: Record<string, unknown> };

export interface Expect {
  /** Reply kinds in order: text, button, product_list, product, image, list… */
  kinds?: string[];
  /** SKUs shown, in order, across product messages. */
  skus?: string[];
  /** Section titles of the product list. */
  sections?: string[];
  /** The product list's header. */
  header?: string;
  /** Phrases the words (text or button body) contain. */
  says?: (string | RegExp)[];
  saysNot?: (string | RegExp)[];
  /** Reply button titles, exactly. */
  buttons?: string[];
  /** Tools called, in order. */
  tools?: string[];
  /** Whether the thread was handed to a person this turn. */
  handoff?: boolean;
  /** No reply at all (a person has the thread). */
  quiet?: boolean;
}

export interface ScriptTurn {
  send: Send;
  expect: Expect;
}

export interface Script {
  name: string;
  /** Which agent answers (the demo's Aarav when absent). */
  agent?: 'meera' | 'vikram' | 'kavya';
  turns: ScriptTurn[];
}

/** A reply as the shopper sees it. */
export interface Seen {
  kind: string;
  skus: string[];
  sections: string[];
  header: string | null;
  /** The words: a text body, a button or list body, an image caption. */
  words: string | null;
  buttons: { id: string; title: string }[];
  /** Every piece of text the message shows (for the rupee check). */
  allText: string[];
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function view(message: Obj): Seen {
  const type = str(message.type) ?? '';
  if (type !== 'interactive') {
    const words = type === 'text' ? str(obj(message.text).body) : str(obj(message[type]).caption);
    return { kind: type, skus: [], sections: [], header: null, words, buttons: [], allText: words ? [words] : [] };
  }
  const i = obj(message.interactive);
  const kind = str(i.type) ?? '';
  const action = obj(i.action);
  const header = str(obj(i.header).text);
  const body = str(obj(i.body).text);
  const footer = str(obj(i.footer).text);
  const sections = Array.isArray(action.sections) ? action.sections.map(obj) : [];
  const skus =
    kind === 'product'
      ? [str(action.product_retailer_id) ?? '']
      : sections.flatMap((s) => (Array.isArray(s.product_items) ? s.product_items.map((p) => str(obj(p).product_retailer_id) ?? '') : []));
  const buttons = Array.isArray(action.buttons) ? action.buttons.map((b) => ({ id: str(obj(obj(b).reply).id) ?? '', title: str(obj(obj(b).reply).title) ?? '' })) : [];
  return {
    kind,
    skus,
    sections: sections.map((s) => str(s.title) ?? ''),
    header,
    words: body,
    buttons,
    allText: [header, body, footer].filter((t): t is string => t !== null),
  };
}

/** The raw `messages[]` object Meta would send for a send. */
export function messageFor(send: Send, previous: Seen[]): Obj {
  if (typeof send === 'string') return { type: 'text', text: { body: send } };
  if ('raw' in send) return send.raw;
  if ('refer' in send) {
    return {
      type: 'text',
      text: { body: send.text },
      context: { from: '15550000000', id: 'wamid.PRODUCT', referred_product: { catalog_id: CATALOG_ID, product_retailer_id: send.refer } },
    };
  }
  const button = previous.flatMap((s) => s.buttons).find((b) => b.title === send.tap);
  if (!button) throw new Error(`The previous reply offered no "${send.tap}" button (it offered: ${previous.flatMap((s) => s.buttons.map((b) => b.title)).join(', ') || 'none'})`);
  return { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: button.id, title: button.title } } };
}

export const CATALOG_ID = '354160437058781';

/** A catalog order as Meta sends it. */
export function order(items: [string, number, number][], text: string | null = null): Send {
  return {
    raw: {
      type: 'order',
      order: { catalog_id: CATALOG_ID, text, product_items: items.map(([sku, quantity, price]) => ({ product_retailer_id: sku, quantity, item_price: price, currency: 'INR' })) },
    },
  };
}

/**
 * WhatsApp's text formatting as a tree of spans: *bold*, _italic_, ~strike~, ```monospace```,
 * `inline code` and links. Rendered as React elements, never as HTML strings.
 */
export type Span =
  | { kind: 'text'; text: string }
  | { kind: 'bold' | 'italic' | 'strike'; children: Span[] }
  | { kind: 'mono' | 'code'; text: string }
  | { kind: 'link'; href: string; text: string };

const STYLES: Record<string, 'bold' | 'italic' | 'strike' | 'code'> = { '*': 'bold', _: 'italic', '~': 'strike', '`': 'code' };
const URL_START = /^(?:https?:\/\/|www\.)[^\s<>]+/i;
const TRAILING_PUNCTUATION = /[.,!?;:)\]'"”’]+$/;

const isWordChar = (ch: string | undefined) => !!ch && /[\p{L}\p{N}]/u.test(ch);
const isSpace = (ch: string | undefined) => !!ch && /\s/.test(ch);

/** Where the marker opened at `open` closes on the same line, or -1: WhatsApp wants no space inside the markers. */
function closingIndex(s: string, open: number): number {
  const marker = s[open];
  const first = s[open + 1];
  if (!first || isSpace(first) || first === marker) return -1;
  for (let j = open + 2; j < s.length; j++) {
    if (s[j] === '\n') return -1;
    if (s[j] === marker && !isSpace(s[j - 1]) && !isWordChar(s[j + 1])) return j;
  }
  return -1;
}

function parseInline(s: string): Span[] {
  const out: Span[] = [];
  let text = '';
  const flushText = () => {
    if (text) out.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    const startsWord = !isWordChar(s[i - 1]);
    if (startsWord && /[hw]/i.test(ch)) {
      const match = URL_START.exec(s.slice(i));
      if (match) {
        const url = match[0].replace(TRAILING_PUNCTUATION, '');
        flushText();
        out.push({ kind: 'link', href: /^https?:/i.test(url) ? url : `https://${url}`, text: url });
        i += url.length;
        continue;
      }
    }
    const style = STYLES[ch];
    if (style && startsWord) {
      const close = closingIndex(s, i);
      if (close > 0) {
        flushText();
        const inner = s.slice(i + 1, close);
        out.push(style === 'code' ? { kind: 'code', text: inner } : { kind: style, children: parseInline(inner) });
        i = close + 1;
        continue;
      }
    }
    text += ch;
    i += 1;
  }
  flushText();
  return out;
}

/** Parses a WhatsApp message text; line breaks stay in the text spans (shown with pre-wrap). */
export function parseWhatsAppText(input: string): Span[] {
  const out: Span[] = [];
  const blocks = input.split(/```([\s\S]+?)```/);
  blocks.forEach((part, index) => {
    if (index % 2 === 1) out.push({ kind: 'mono', text: part });
    else if (part) out.push(...parseInline(part));
  });
  return out;
}

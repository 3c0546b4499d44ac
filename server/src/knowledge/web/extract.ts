import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/**
 * A web page turned into what the agent can quote: the readable text (Readability, not the raw
 * HTML: menus, scripts and footers dropped) with headings kept as `#` lines, its title, and the
 * links on it (read before Readability rewrites the document).
 */

export interface PageLink {
  url: URL;
  text: string;
}

export interface ReadPage {
  title: string;
  /** Markdown-ish: `## Heading` lines, paragraphs separated by blank lines, list items as `- ` lines. */
  text: string;
  links: PageLink[];
}

/** Structural DOM shape both linkedom's nodes and Readability's output satisfy. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'CANVAS', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA', 'FORM']);
/** The few element methods used here (the server has no DOM types; linkedom provides these at runtime). */
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
}
interface DomDocument {
  body: DomNode | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}
const parseDocument = (html: string) => parseHTML(html).document as unknown as DomDocument;

const CHROME = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE']);
const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'UL', 'OL', 'TABLE', 'TBODY', 'THEAD', 'DL', 'DT', 'DD', 'BLOCKQUOTE', 'PRE', 'FIGURE', 'FIGCAPTION', 'DETAILS', 'SUMMARY', 'ADDRESS', 'HR', 'CENTER']);
/** Below this many characters Readability probably missed the page's content: read the body instead. */
const MIN_READABLE = 80;

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** `group`: list items and table rows of one list or table are kept together (one line each). */
/** Characters of text in a node, and how many of them are inside links. */
function linkShare(node: DomNode): { text: number; linked: number } {
  if (node.nodeType === 3) return { text: clean(node.textContent ?? '').length, linked: 0 };
  if (node.nodeType !== 1) return { text: 0, linked: 0 };
  if (node.nodeName.toUpperCase() === 'A') {
    const n = clean(node.textContent ?? '').length;
    return { text: n, linked: n };
  }
  const sum = { text: 0, linked: 0 };
  for (const c of Array.from(node.childNodes)) {
    const r = linkShare(c);
    sum.text += r.text;
    sum.linked += r.linked;
  }
  return sum;
}

/** A list that is only links (a menu inside the content): not something to quote. */
function isLinkList(node: DomNode): boolean {
  const { text, linked } = linkShare(node);
  return text > 0 && linked / text > 0.9;
}

type Block = { kind: 'h' | 'p' | 'li'; text: string; group: number };

/** Blocks in reading order: headings (h1 and h2 both level 2, under the page title), paragraphs, list items and table rows. */
function blocks(root: DomNode, skipChrome: boolean): Block[] {
  const out: Block[] = [];
  let line = '';
  let kind: Block['kind'] = 'p';
  let group = 0;
  const flush = () => {
    const t = clean(line);
    if (t && t !== '-') out.push({ kind, text: t, group });
    line = '';
    kind = 'p';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      line += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = node.nodeName.toUpperCase();
    if (SKIP.has(tag) || (skipChrome && CHROME.has(tag)) || ((tag === 'UL' || tag === 'OL') && isLinkList(node))) return;
    const h = /^H([1-6])$/.exec(tag);
    if (h) {
      flush();
      const t = clean(node.textContent ?? '');
      if (t) out.push({ kind: 'h', text: `${'#'.repeat(Math.max(2, Number(h[1])))} ${t}`, group });
      return;
    }
    if (tag === 'BR') return flush();
    const item = tag === 'LI' || tag === 'TR';
    const cell = tag === 'TD' || tag === 'TH';
    if (item || BLOCK.has(tag)) flush();
    if (tag === 'UL' || tag === 'OL' || tag === 'TABLE' || tag === 'DL') group += 1;
    if (item) {
      kind = 'li';
      line = '- ';
    }
    for (const child of Array.from(node.childNodes)) {
      walk(child);
      if (cell) line += ' ';
    }
    if (cell) line += '| ';
    if (item) {
      line = line.replace(/\|\s*$/, '');
      kind = 'li';
    }
    if (item || BLOCK.has(tag)) flush();
  };
  walk(root);
  flush();
  return out;
}

function join(list: Block[]): string {
  return list.map((b, i) => (i === 0 ? '' : b.kind === 'li' && list[i - 1]?.kind === 'li' && list[i - 1]?.group === b.group ? '\n' : '\n\n') + b.text).join('');
}

function links(document: DomDocument, base: URL): PageLink[] {
  const baseHref = document.querySelector('base[href]')?.getAttribute('href');
  let from = base;
  try {
    if (baseHref) from = new URL(baseHref, base);
  } catch {
    /* a broken <base>: the page's own address */
  }
  const out: PageLink[] = [];
  for (const a of Array.from(document.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    try {
      const url = new URL(href, from);
      if (url.protocol === 'http:' || url.protocol === 'https:') out.push({ url, text: clean(a.textContent ?? '') || clean(a.getAttribute('title') ?? a.getAttribute('aria-label') ?? '') });
    } catch {
      /* not a link we can follow */
    }
  }
  return out;
}

/** Reads one HTML page found at `url`. */
export function readHtml(html: string, url: string): ReadPage {
  // HTML may leave out <html> and <body>; linkedom then makes the first element the root and leaves the body empty.
  const document = parseDocument(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`);
  const found = links(document, new URL(url));
  const h1 = clean(document.querySelector('h1')?.textContent ?? '');
  const docTitle = clean(document.querySelector('title')?.textContent ?? '');
  const body = document.body;
  // The body's own text (menus and footers dropped), before Readability rewrites the document.
  const fallback = body ? blocks(body, true) : [];
  let article: { title?: string | null; content?: string | null } | null;
  try {
    article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  } catch {
    article = null; // a page Readability cannot parse: the body's text is used
  }
  let read: Block[] = [];
  if (article?.content) {
    const content = parseDocument(`<!doctype html><html><body>${article.content}</body></html>`);
    read = content.body ? blocks(content.body, false) : [];
  }
  const length = (bs: Block[]) => bs.reduce((n, b) => n + (b.kind === 'h' ? 0 : b.text.length), 0);
  const chosen = length(read) >= MIN_READABLE || length(read) >= length(fallback) ? read : fallback;
  const title = h1 || clean(article?.title ?? '') || docTitle || new URL(url).pathname;
  // The title is the part's top heading; a first heading repeating it is dropped.
  if (chosen[0]?.kind === 'h' && chosen[0].text.replace(/^#+\s*/, '').toLowerCase() === title.toLowerCase()) chosen.shift();
  const text = join(chosen);
  return { title, text: text ? `# ${title}\n\n${text}` : '', links: found };
}

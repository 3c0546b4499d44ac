import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Test fixture: a small jewellery store's website on 127.0.0.1 (port 0), and a second "other
 * site" it links and redirects to, each counting the requests it gets. The home page links About,
 * FAQ, Returns (a 301 to /policies/returns), Shipping (HTTP 500), Care (404), a never-ending page,
 * a page robots.txt disallows (and a redirect to another), a product page, and the other site.
 */

export interface TestSite {
  url: string;
  /** Paths requested, in order, robots.txt included. */
  requests: string[];
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, site: { url: string; other: string }) => void;

const html = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title} | Shree Ganesh Jewellers</title></head><body><header><nav><a href="/">Home</a> <a href="/collections/rings">Rings</a></nav></header><main>${body}</main><footer><p>© Shree Ganesh Jewellers, Jaipur</p></footer></body></html>`;

export const PAGES: Record<string, string> = {
  '/': html(
    'Home',
    `<h1>Shree Ganesh Jewellers</h1><p>Handcrafted gold and silver jewellery from Jaipur since 1972. Every piece is BIS hallmarked.</p>
     <ul><li><a href="/about-us">About us</a></li><li><a href="/faq">FAQ</a></li><li><a href="/returns">Returns &amp; Exchange</a></li>
     <li><a href="/shipping">Shipping</a></li><li><a href="/care">Jewellery care</a></li><li><a href="/gold-rate">Today's gold rate</a></li>
     <li><a href="/private/faq">Staff FAQ</a></li><li><a href="/products/jhumka-22k">Jhumka 22k</a></li>
     <li><a href="{OTHER}/about">About our partner</a></li><li><a href="/old-contact">Contact us</a></li><li><a href="/help-desk">Staff help</a></li></ul>`,
  ),
  '/about-us': html('About us', `<h1>About us</h1><p>Our family has made jewellery in Johari Bazaar for three generations. The showroom is open every day from 11 am to 8 pm except Tuesday.</p>`),
  '/faq': html(
    'FAQ',
    `<h1>Frequently asked questions</h1><h2>Do you make custom designs?</h2><p>Yes. Share a photo on WhatsApp and our karigar will quote within two days.</p>
     <h2>Is the gold hallmarked?</h2><p>Every gold piece carries the BIS hallmark and a HUID number you can check on the BIS Care app.</p>
     <p>See also our <a href="/pages/size-guide">ring size guide</a>.</p>`,
  ),
  '/policies/returns': html(
    'Returns policy',
    `<h1>Returns policy</h1><p>You can return any piece within 15 days of delivery for a full refund, as long as it is unworn and has its tags and certificate.</p>
     <h2>Exchange</h2><p>Gold jewellery can be exchanged for a new design at today's gold rate at any time; making charges are not refunded.</p>`,
  ),
  '/pages/size-guide': html('Ring size guide', `<h1>Ring size guide</h1><p>Measure the inside diameter of a ring that fits you well. A diameter of 16.5 mm is Indian size 12.</p>`),
  '/products/jhumka-22k': html('Jhumka', '<h1>Jhumka 22k</h1><p>A product page the reader should not follow.</p>'),
  '/private/faq': html('Staff FAQ', '<h1>Staff FAQ</h1><p>Internal notes the reader must not read.</p>'),
};

const ROBOTS = 'User-agent: *\nDisallow: /private/\n';

export const STORE_SITE: Handler = (req, res, site) => {
  const path = new URL(req.url ?? '/', site.url).pathname;
  if (path === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end(ROBOTS);
  if (path === '/returns') return void res.writeHead(301, { location: '/policies/returns' }).end();
  if (path === '/help-desk') return void res.writeHead(302, { location: '/private/help' }).end();
  if (path === '/old-contact') return void res.writeHead(302, { location: `${site.other}/contact` }).end();
  if (path === '/shipping') return void res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Internal error</h1>');
  if (path === '/gold-rate') {
    // Never ends: a chunk every few milliseconds until the reader hangs up.
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<!doctype html><html><body><h1>Gold rate</h1>');
    const timer = setInterval(() => res.write(`<p>${'22k gold ₹7,250 per gram. '.repeat(600)}</p>`), 2);
    res.on('close', () => clearInterval(timer));
    return;
  }
  const page = PAGES[path];
  if (page === undefined) return void res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page.replace('{OTHER}', site.other));
};

/** The other site: any page, counted (the store's reader must never come here). */
export const OTHER_SITE: Handler = (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(html('About', '<h1>About the partner</h1><p>Another business entirely.</p>'));

async function listen(handler: Handler, other: string): Promise<TestSite> {
  const requests: string[] = [];
  const site = { url: '', other };
  const server: Server = createServer((req, res) => {
    requests.push(new URL(req.url ?? '/', 'http://x').pathname);
    handler(req, res, site);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: site.url,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The store's site and the other site (served as `localhost`, so it is a different host as well as a different port). */
export async function startStoreSites(handler: Handler = STORE_SITE): Promise<{ store: TestSite; other: TestSite; close(): Promise<void> }> {
  const other = await listen(OTHER_SITE, '');
  const otherUrl = other.url.replace('127.0.0.1', 'localhost');
  const store = await listen(handler, otherUrl);
  return { store, other, close: async () => void (await Promise.all([store.close(), other.close()])) };
}

/** A one-handler site for edge cases (robots errors, a home page that never answers). */
export const startSite = (handler: Handler) => listen(handler, '');

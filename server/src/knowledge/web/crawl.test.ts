import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSite, CrawlError, type CrawlProgress, type CrawlResult } from './crawl.js';
import { readHtml } from './extract.js';
import { looksLikeInfoPage, siteKey } from './pages.js';
import { startSite, startStoreSites, type TestSite } from './store-site.fixture.js';

let sites: Awaited<ReturnType<typeof startStoreSites>>;
let store: TestSite;
let result: CrawlResult;
const progress: CrawlProgress[] = [];

beforeAll(async () => {
  sites = await startStoreSites();
  store = sites.store;
  result = await crawlSite(`${store.url}/`, { maxBytes: 256 * 1024, onProgress: (p) => progress.push(p) });
}, 30_000);
afterAll(() => sites?.close());

const path = (u: string) => new URL(u).pathname;

describe('crawlSite on a small store site', () => {
  it('reads the home page and the linked store pages, with readable text and headings', () => {
    expect(result.pages.map((p) => path(p.url))).toEqual(expect.arrayContaining(['/', '/about-us', '/faq', '/policies/returns', '/pages/size-guide']));
    const faq = result.pages.find((p) => path(p.url) === '/faq');
    expect(faq?.title).toBe('Frequently asked questions');
    expect(faq?.text).toMatch(/^# Frequently asked questions\n\n## Do you make custom designs\?\n\nYes\. Share a photo on WhatsApp/);
    // Menus, footers and lists that are only links are not the page's content.
    for (const p of result.pages) expect(p.text).not.toContain('© Shree Ganesh Jewellers');
    const home = result.pages.find((p) => path(p.url) === '/');
    expect(home?.text).toBe('# Shree Ganesh Jewellers\n\nHandcrafted gold and silver jewellery from Jaipur since 1972. Every piece is BIS hallmarked.');
  });

  it('follows a redirect on the same site and cites the page where it landed', () => {
    const returns = result.pages.find((p) => p.title === 'Returns policy');
    expect(returns?.url).toBe(`${store.url}/policies/returns`);
    expect(returns?.text).toContain('within 15 days of delivery');
    expect(store.requests.filter((r) => r === '/policies/returns')).toHaveLength(1);
  });

  it('never requests another site, a page robots.txt disallows, or a product page', () => {
    expect(sites.other.requests).toEqual([]);
    expect(store.requests.filter((r) => r.startsWith('/private/'))).toEqual([]);
    expect(store.requests).not.toContain('/products/jhumka-22k');
    expect(store.requests).not.toContain('/collections/rings');
    expect(result.skipped).toEqual(
      expect.arrayContaining([
        { url: `${store.url}/private/faq`, reason: 'robots.txt disallows it' },
        { url: `${store.url}/help-desk`, reason: 'redirects to /private/help, which robots.txt disallows' },
        { url: `${store.url}/old-contact`, reason: expect.stringMatching(/^redirects to another site \(localhost:\d+\); not followed$/) },
      ]),
    );
  });

  it('reports broken, missing and never-ending pages and carries on', () => {
    expect(result.failed).toEqual(
      expect.arrayContaining([
        { url: `${store.url}/shipping`, reason: 'the site answered HTTP 500' },
        { url: `${store.url}/care`, reason: 'the site answered HTTP 404' },
        { url: `${store.url}/gold-rate`, reason: 'larger than 256 KB (stopped reading)' },
      ]),
    );
    // Blind guesses at common paths (/contact, /faqs…) that 404 are not reported.
    expect(result.failed.map((f) => path(f.url))).not.toContain('/contact');
    expect(store.requests).toContain('/contact');
    expect(result.stoppedEarly).toBeNull();
  });

  it('reports progress page by page, ending with every page done', () => {
    expect(progress[0]).toMatchObject({ done: 0, message: `Reading ${new URL(store.url).host}` });
    expect(progress.some((p) => /^Reading \/faq \(\d+ of \d+\)$/.test(p.message))).toBe(true);
    const last = progress.at(-1);
    expect(last?.done).toBe(last?.total);
    for (let i = 1; i < progress.length; i += 1) expect(progress[i]!.done).toBeGreaterThanOrEqual(progress[i - 1]!.done);
  });

  it('the site still answers after the reader abandoned the never-ending page', async () => {
    const res = await fetch(`${store.url}/about-us`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('three generations');
  });

  it('honours the page limit', async () => {
    const before = store.requests.length;
    const small = await crawlSite(store.url, { maxPages: 3 });
    const pages = store.requests.slice(before).filter((r) => r !== '/robots.txt');
    expect(pages).toHaveLength(3);
    expect(pages[0]).toBe('/');
    expect(small.pages.length).toBeLessThanOrEqual(3);
  });
});

describe('crawlSite: a site that cannot be read', () => {
  const withSite = async (handler: Parameters<typeof startSite>[0], run: (site: TestSite) => Promise<void>) => {
    const site = await startSite(handler);
    try {
      await run(site);
    } finally {
      await site.close();
    }
  };

  it('skips the whole site when robots.txt answers 5xx', () =>
    withSite(
      (req, res) => void (req.url === '/robots.txt' ? res.writeHead(503).end() : res.writeHead(200, { 'content-type': 'text/html' }).end('<p>hello</p>')),
      async (site) => {
        await expect(crawlSite(site.url)).rejects.toThrow(/robots\.txt answered HTTP 503/);
        expect(site.requests).toEqual(['/robots.txt']);
      },
    ));

  it('reads nothing when robots.txt disallows the site', () =>
    withSite(
      (req, res) => void (req.url === '/robots.txt' ? res.writeHead(200).end('User-agent: ReviveBot\nDisallow: /\n') : res.writeHead(200, { 'content-type': 'text/html' }).end('<p>hello</p>')),
      async (site) => {
        await expect(crawlSite(site.url)).rejects.toThrow(new CrawlError('robots.txt disallows reading this site'));
        expect(site.requests).toEqual(['/robots.txt']);
      },
    ));

  it('reads the site when robots.txt is missing; a page with no text is "No readable pages found"', () =>
    withSite(
      (_req, res) => void (_req.url === '/' ? res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><img src="a.png"></body></html>') : res.writeHead(404).end()),
      async (site) => {
        await expect(crawlSite(site.url)).rejects.toThrow(new CrawlError('No readable pages found'));
        expect(site.requests.slice(0, 2)).toEqual(['/robots.txt', '/']);
      },
    ));

  it('says the site did not answer when the home page hangs', () =>
    withSite(
      (req, res) => void (req.url === '/robots.txt' ? res.writeHead(404).end() : res.writeHead(200, { 'content-type': 'text/html' }).write('<p>')),
      async (site) => {
        await expect(crawlSite(site.url, { pageTimeoutMs: 1000 })).rejects.toThrow(new CrawlError('The site did not answer in 1 s'));
      },
    ));

  it('does not follow a home page that redirects to another site', () =>
    withSite(
      (req, res) => void (req.url === '/robots.txt' ? res.writeHead(404).end() : res.writeHead(301, { location: 'https://elsewhere.example/' }).end()),
      async (site) => {
        await expect(crawlSite(site.url)).rejects.toThrow('The address redirects to another site (elsewhere.example): give that address instead');
      },
    ));

  const slowAbout: Parameters<typeof startSite>[0] = (req, res) => {
    if (req.url === '/robots.txt') return void res.writeHead(404).end();
    if (req.url === '/about') return void res.writeHead(200, { 'content-type': 'text/html' }).write('<h1>About'); // never finishes
    if (req.url === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><h1>Shop</h1><p>Gold and silver since 1972.</p><a href="/about">About</a> <a href="/faq">FAQ</a></body></html>');
    if (req.url === '/faq') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><h1>FAQ</h1><p>We ship across India in 5 days.</p></body></html>');
    res.writeHead(404).end();
  };

  it('gives up on a page that stops answering and reads the others', () =>
    withSite(slowAbout, async (site) => {
      const r = await crawlSite(site.url, { pageTimeoutMs: 800 });
      expect(r.failed).toEqual([{ url: `${site.url}/about`, reason: 'did not answer in 0.8 s' }]);
      expect(r.pages.map((p) => p.title)).toEqual(expect.arrayContaining(['Shop', 'FAQ']));
      expect(r.stoppedEarly).toBeNull();
    }));

  it('keeps what it read when the time for the whole site runs out', () =>
    withSite(slowAbout, async (site) => {
      const r = await crawlSite(site.url, { totalTimeoutMs: 2000, pageTimeoutMs: 60_000 });
      expect(r.stoppedEarly).toBe('Stopped after 2 s, the time allowed for one site');
      expect(r.pages.map((p) => p.title)).toContain('Shop');
      expect(r.failed.map((f) => f.url)).not.toContain(`${site.url}/about`);
    }));

  it('refuses a page that is not HTML', () =>
    withSite(
      (req, res) => void (req.url === '/robots.txt' ? res.writeHead(404).end() : res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7')),
      async (site) => {
        await expect(crawlSite(site.url)).rejects.toThrow('The address is not a web page (application/pdf)');
      },
    ));
});

describe('which pages matter', () => {
  const u = (p: string) => new URL(p, 'https://shop.example');
  it('knows store-information pages by their words or path, in English and Hindi', () => {
    for (const [p, t] of [['/about-us', ''], ['/x', 'Hamare baare mein'], ['/x', 'संपर्क करें'], ['/pages/shipping-policy', ''], ['/x', 'Returns & Exchange'], ['/x', 'Old gold buyback'], ['/help/faqs.html', '']] as const) {
      expect(looksLikeInfoPage(u(p), t), `${p} ${t}`).toBe(true);
    }
    for (const [p, t] of [['/products/ring', 'Diamond ring'], ['/collections/bangles', 'Bangles'], ['/skincare', 'Skincare']] as const) {
      expect(looksLikeInfoPage(u(p), t), `${p} ${t}`).toBe(false);
    }
  });

  it('treats www. and the bare domain as one site, and another port as another site', () => {
    expect(siteKey(new URL('https://www.shop.example/a'))).toBe(siteKey(new URL('http://shop.example/b')));
    expect(siteKey(new URL('http://127.0.0.1:8080/'))).not.toBe(siteKey(new URL('http://127.0.0.1:8081/')));
  });

  it('keeps a list of facts that has a link in it', () => {
    const page = readHtml('<html><body><h1>Visit us</h1><ul><li>Open 11 am to 8 pm, <a href="/map">see the map</a> for parking near Johari Bazaar.</li><li>Closed on Tuesdays.</li></ul></body></html>', 'https://shop.example/contact');
    expect(page.text).toBe('# Visit us\n\n- Open 11 am to 8 pm, see the map for parking near Johari Bazaar.\n- Closed on Tuesdays.');
  });

  it('keeps headings, lists and tables as lines', () => {
    const page = readHtml('<html><head><title>Care</title></head><body><h1>Care</h1><h3>Silver</h3><ul><li>Keep dry</li><li>Store in a pouch</li></ul><table><tr><th>Size</th><th>mm</th></tr><tr><td>12</td><td>16.5</td></tr></table></body></html>', 'https://shop.example/care');
    expect(page.text).toBe('# Care\n\n### Silver\n\n- Keep dry\n- Store in a pouch\n\n- Size | mm\n- 12 | 16.5');
  });
});

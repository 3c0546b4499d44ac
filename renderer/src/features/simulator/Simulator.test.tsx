// @vitest-environment jsdom
import '../../test/setup-dom';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { changeValue, cleanup, click, getButton, getByLabelText, hasText, waitFor } from '../../test/dom';
import { createFakeFetch } from '../../test/fakeFetch';
import { renderScreen } from '../../test/renderApp';
import { agent } from '../agents/agentFixtures';
import { catalog, product } from '../products/productFixtures';
import type { Obj } from './payload';
import { Simulator } from './Simulator';
import { fakeEngine, wa } from './simulatorFixtures';

afterEach(cleanup);

const products = [...catalog(), product({ sku: 'SJ-BNG-0009', name: 'Antique Kada', price: 48500, description: 'Hand-finished antique kada in 22K gold.' })];
const productRoutes = Object.fromEntries(products.map((p) => [`GET /api/products/${p.sku}`, () => ({ json: p })]));

function openSimulator(reply: (message: Obj) => Obj[] | Promise<Obj[]>, extra: Parameters<typeof createFakeFetch>[0] = {}) {
  const engine = fakeEngine(reply);
  const fake = createFakeFetch({ ...engine.routes, ...productRoutes, ...extra });
  renderScreen(<Simulator agent={agent()} />, { fetch: fake.fetch });
  const sent = () => fake.requests.filter((r) => r.method === 'POST').map((r) => r.body as { agentId: number; message: Obj });
  return { fake, engine, sent };
}

const bubbles = (side: 'agent' | 'shopper') => [...document.querySelectorAll<HTMLElement>(`[data-side="${side}"]`)];
const lastAgentBubble = () => bubbles('agent').at(-1)!;
const sheet = () => document.querySelector<HTMLElement>('[role="dialog"]');
const buttonIn = (root: Element, name: string) => {
  const b = [...root.querySelectorAll<HTMLElement>('button')].find((el) => (el.textContent ?? '').trim() === name || el.getAttribute('aria-label') === name);
  if (!b) throw new Error(`No button ${name}`);
  return b;
};

async function say(text: string) {
  await waitFor(() => !getByLabelText('Message').disabled, 'the chat loaded');
  changeValue(getByLabelText('Message'), text);
  click(getByLabelText('Send'));
}

describe('Simulator', () => {
  it('sends the shopper’s text as a webhook message and shows the agent’s text with WhatsApp formatting', async () => {
    const { sent } = openSimulator(() => [wa.text('*Gold bangles* under _₹50,000_:\nsee ~old prices~ `SJ-BNG-0002` at https://lakshmi.example/bangles. <b>no html</b>')]);
    await say('gold bangles under 50000');
    await waitFor(() => bubbles('agent').length === 1, 'the reply');
    expect(sent()).toEqual([{ agentId: 1, message: { type: 'text', text: { body: 'gold bangles under 50000' } } }]);
    expect(bubbles('shopper')[0]?.textContent).toContain('gold bangles under 50000');
    const bubble = lastAgentBubble();
    expect(bubble.querySelector('strong')?.textContent).toBe('Gold bangles');
    expect(bubble.querySelector('em')?.textContent).toBe('₹50,000');
    expect(bubble.querySelector('s')?.textContent).toBe('old prices');
    expect(bubble.querySelector('code')?.textContent).toBe('SJ-BNG-0002');
    const link = bubble.querySelector('a')!;
    expect([link.getAttribute('href'), link.getAttribute('target'), link.getAttribute('rel')]).toEqual(['https://lakshmi.example/bangles', '_blank', 'noopener noreferrer']);
    expect(bubble.textContent).toContain(':\nsee');
    // Markup in a message is text, never HTML.
    expect(bubble.querySelector('b')).toBeNull();
    expect(bubble.textContent).toContain('<b>no html</b>');
    // The agent's time is shown in the bubble, in the store's time zone.
    expect(bubble.textContent).toMatch(/\d{1,2}:\d{2}\s?(am|pm)/);
  });

  it('sends a tap on a reply button as a button_reply quoting that message, and shows the next reply', async () => {
    const { sent } = openSimulator((m) =>
      m.type === 'text' ? [wa.buttons('Shall I book a visit?', [{ id: 'visit_yes', title: 'Book a visit' }, { id: 'more', title: 'Show more' }], 'Open 10:30–20:00')] : [wa.text('Booked for Saturday!')],
    );
    await say('hi');
    await waitFor(() => bubbles('agent').length === 1, 'the buttons');
    expect(lastAgentBubble().textContent).toContain('Open 10:30–20:00');
    click(buttonIn(lastAgentBubble(), 'Book a visit'));
    await waitFor(() => hasText('Booked for Saturday!'), 'the next reply');
    expect(sent()[1]).toEqual({
      agentId: 1,
      message: { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'visit_yes', title: 'Book a visit' } }, context: { id: 'out-2' } },
    });
    expect(bubbles('shopper').map((b) => b.textContent)).toEqual([expect.stringContaining('hi'), expect.stringContaining('Book a visit')]);
  });

  it('opens a list message’s sheet with its sections and sends the picked row as a list_reply', async () => {
    const { sent } = openSimulator((m) => (m.type === 'text' ? [wa.list()] : [wa.text('Here are our bangles')]));
    await say('show me');
    await waitFor(() => bubbles('agent').length === 1, 'the list');
    expect(lastAgentBubble().textContent).toContain('Our collections');
    click(buttonIn(lastAgentBubble(), 'Choose a category'));
    await waitFor(() => sheet() !== null, 'the sheet');
    expect(sheet()!.getAttribute('aria-label')).toBe('Choose a category');
    expect(sheet()!.textContent).toContain('Gold');
    expect(sheet()!.textContent).toContain('Kadas and churis');
    expect(sheet()!.textContent).toContain('Silver');
    click(buttonIn(sheet()!, 'BanglesKadas and churis'));
    await waitFor(() => hasText('Here are our bangles'), 'the next reply');
    expect(sheet()).toBeNull();
    expect(sent()[1]?.message).toEqual({
      type: 'interactive',
      interactive: { type: 'list_reply', list_reply: { id: 'cat_bangle', title: 'Bangles', description: 'Kadas and churis' } },
      context: { id: 'out-2' },
    });
  });

  it('draws a single product as a card with its picture, name and price from the catalog', async () => {
    openSimulator(() => [wa.product('SJ-NCK-0007', 'Our bridal favourite')]);
    await say('necklace');
    await waitFor(() => lastAgentBubble()?.textContent?.includes('₹1,25,000') ?? false, 'the card with its price');
    const card = lastAgentBubble();
    expect(card.textContent).toContain('Kundan Rani Haar');
    expect(card.textContent).toContain('Our bridal favourite');
    expect(card.querySelector('img')?.getAttribute('src')).toBe('/api/products/SJ-NCK-0007/image?v=2026-03-04T12%3A35%3A00.000Z');
    click(buttonIn(card, 'View'));
    await waitFor(() => sheet()?.textContent?.includes('Message business') ?? false, 'the product page');
  });

  it('opens a product list, a product’s page from it, and sends "Message business" referring to that product', async () => {
    const { sent } = openSimulator((m) =>
      m.context ? [wa.text('The Antique Kada is ₹48,500')] : [wa.productList([{ title: 'Bangles', skus: ['SJ-BNG-0002', 'SJ-BNG-0009'] }, { title: 'Anklets', skus: ['SJ-ANK-0001'] }])],
    );
    await say('gold bangles under 50000');
    await waitFor(() => bubbles('agent').length === 1, 'the product list');
    const bubble = lastAgentBubble();
    expect(bubble.textContent).toContain('Gold bangles under ₹50,000');
    expect(bubble.textContent).toContain('3 items');
    expect(bubble.textContent).toContain('Prices include GST');
    click(buttonIn(bubble, 'View items'));
    await waitFor(() => sheet()?.textContent?.includes('₹48,500') ?? false, 'the rows with prices');
    expect(sheet()!.textContent).toContain('Bangles');
    expect(sheet()!.textContent).toContain('Anklets');
    expect(sheet()!.textContent).toContain('Textured 22K Gold Bangle₹39,754');
    expect(sheet()!.textContent).toContain('Ghungroo Silver Payal₹9,311');

    click(buttonIn(sheet()!, 'Open Antique Kada'));
    await waitFor(() => sheet()?.textContent?.includes('Hand-finished antique kada') ?? false, 'the product page');
    expect(sheet()!.textContent).toContain('₹48,500');
    click(buttonIn(sheet()!, 'Message business'));
    await waitFor(() => hasText('The Antique Kada is ₹48,500'), 'the answer');
    expect(sent()[1]?.message).toEqual({
      type: 'text',
      text: { body: "Hi, I'm interested in Antique Kada" },
      context: { referred_product: { catalog_id: '1234567890', product_retailer_id: 'SJ-BNG-0009' } },
    });
  });

  it('shows a picture with its formatted caption, a link button, and a template with its parameters', async () => {
    openSimulator(() => [
      wa.image('https://lakshmi.example/media/products/SJ-BNG-0002.jpg', '*Textured bangle* ₹39,754'),
      wa.ctaUrl('See the full bridal range', 'Open website', 'https://lakshmi.example/bridal'),
      wa.template(),
    ]);
    await say('photos');
    await waitFor(() => bubbles('agent').length === 3, 'three replies');
    const [image, cta, template] = bubbles('agent');
    expect(image!.querySelector('img')?.getAttribute('src')).toBe('https://lakshmi.example/media/products/SJ-BNG-0002.jpg');
    expect(image!.querySelector('strong')?.textContent).toBe('Textured bangle');
    const link = [...cta!.querySelectorAll('a')].find((a) => a.textContent === 'Open website')!;
    expect([link.getAttribute('href'), link.getAttribute('target'), link.getAttribute('rel')]).toEqual(['https://lakshmi.example/bridal', '_blank', 'noopener noreferrer']);
    expect(link.querySelector('svg')).not.toBeNull();
    expect(template!.textContent).toContain('visit_reminder (en)');
    expect(template!.textContent).toContain('body: Priya');
    expect(template!.textContent).toContain('body: Saturday 11 am');
    expect(template!.textContent).toContain('button 0: CONFIRM');
  });

  it('shows the store\'s contact card with its name, number and a Call button', async () => {
    openSimulator(() => [{ messaging_product: 'whatsapp', to: '919999900001', type: 'contacts', contacts: [{ name: { formatted_name: 'Shringar Jewellers' }, phones: [{ phone: '+911412345678', type: 'WORK' }] }] }]);
    await say('your number?');
    await waitFor(() => bubbles('agent').length === 1, 'the card');
    const card = bubbles('agent')[0]!;
    expect(card.textContent).toContain('Shringar Jewellers');
    expect(card.textContent).toContain('+911412345678');
    expect(buttonIn(card, 'Calls start on a phone').textContent).toBe('Call');
  });

  it('shows the agent typing while it thinks, a failure inline with Retry, and the reply after retrying', async () => {
    let release: () => void = () => {};
    let attempts = 0;
    const { sent } = openSimulator(
      () => [wa.text('Namaste!')],
      {
        'POST /api/simulator/messages': async () => {
          attempts += 1;
          await new Promise<void>((resolve) => (release = resolve));
          return attempts === 1 ? { status: 500, json: { error: { code: 'internal', message: 'The brain stumbled' } } } : { json: { replies: [wa.text('Namaste!')], events: [] } };
        },
      },
    );
    await say('hello');
    await waitFor(() => document.querySelector('[aria-label="Aarav is typing"]') !== null, 'the typing indicator');
    release();
    await waitFor(() => hasText('Not answered: The brain stumbled'), 'the inline error');
    expect(document.querySelector('[aria-label="Aarav is typing"]')).toBeNull();
    click(getButton('Retry'));
    await waitFor(() => attempts === 2, 'the retry sent');
    release();
    await waitFor(() => hasText('Namaste!'), 'the reply');
    expect(hasText('Not answered')).toBe(false);
    expect(sent()).toHaveLength(2);
    expect(sent()[1]).toEqual(sent()[0]);
    expect(bubbles('shopper')).toHaveLength(1);
  });

  it('loads the thread so far and starts afresh on Reset chat', async () => {
    const { engine, fake } = openSimulator(() => [wa.text('Welcome back')]);
    await say('hi');
    await waitFor(() => hasText('Welcome back'), 'the reply');
    cleanup();
    renderScreen(<Simulator agent={agent()} />, { fetch: fake.fetch });
    await waitFor(() => hasText('Welcome back'), 'the stored thread');
    expect(engine.messages).toHaveLength(2);
    click(getByLabelText('Reset chat'));
    await waitFor(() => !hasText('Welcome back'), 'the chat emptied');
    expect(fake.requests.some((r) => r.method === 'DELETE' && r.url === '/api/simulator/thread?agentId=1')).toBe(true);
    expect(engine.messages).toHaveLength(0);
  });

  it('sends a photo: stored first (as the try-on photos are), then an image message naming it; a refused photo says why', async () => {
    let stored = 0;
    const { fake } = openSimulator(() => [wa.text('Here is how it looks on you.')], {
      'POST /api/tryon/photos': (req) => {
        stored += 1;
        return stored === 1
          ? { json: { id: 7, contactId: null, contactLabel: null, source: 'simulator', mediaId: 'local-7', width: 800, height: 1000, bytes: (req.body as Blob).size, results: 0, createdAt: '2026-12-01T10:00:00.000Z', expiresAt: '2026-12-08T10:00:00.000Z' } }
          : { status: 400, json: { error: { code: 'validation', message: 'This is not a picture: send a JPEG, PNG or WebP photo' } } };
      },
    });
    await waitFor(() => !getByLabelText('Message').disabled, 'the chat loaded');
    const choose = (file: File) => {
      const input = getByLabelText('Photo to send');
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    };
    choose(new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], 'me.jpg', { type: 'image/jpeg' }));
    await waitFor(() => bubbles('agent').length === 1, 'the reply to the photo');
    const posts = fake.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.url)).toEqual(['/api/tryon/photos', '/api/simulator/messages']);
    expect((posts[1]?.body as { message: Obj }).message).toEqual({ type: 'image', image: { id: 'local-7', mime_type: 'image/jpeg' } });

    choose(new File(['not a picture'], 'notes.jpg', { type: 'image/jpeg' }));
    await waitFor(() => hasText('This is not a picture'), 'the refusal');
    expect(fake.requests.filter((r) => r.url === '/api/simulator/messages')).toHaveLength(1);
  });
});

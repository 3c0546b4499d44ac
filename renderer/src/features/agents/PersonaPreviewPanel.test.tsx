// @vitest-environment jsdom
import '../../test/setup-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, waitFor } from '../../test/dom';
import { createFakeFetch } from '../../test/fakeFetch';
import { renderScreen } from '../../test/renderApp';
import type { Persona } from '../../api/contracts';
import { PersonaPreviewPanel } from './PersonaPreviewPanel';

afterEach(cleanup);

const persona: Persona = { tone: 60, tenacity: 50, emoji: 0, length: 40, languages: ['english'], instructions: '' };
const productList = {
  messaging_product: 'whatsapp', recipient_type: 'individual', to: '919999900000', type: 'interactive',
  interactive: { type: 'product_list', header: { type: 'text', text: 'Gold bangles for you' }, body: { text: '5 designs · ₹29,797 – ₹40,875' },
    action: { catalog_id: 'demo-catalog', sections: [{ title: '22K Bangles', product_items: [{ product_retailer_id: 'SJ-BNG-0002' }] }] } },
};
const words = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '919999900000', type: 'text', text: { preview_url: false, body: 'I found *7 designs*.' } };

describe('the persona preview', () => {
  it('draws the replies as WhatsApp shows them (a product list, then formatted words), not as raw text', async () => {
    const fake = createFakeFetch({
      'POST /api/agents/preview': () => ({ json: { instructions: '', replies: ['[product list: SJ-BNG-0002] …', 'I found *7 designs*.'], messages: [productList, words] } }),
    });
    renderScreen(<PersonaPreviewPanel persona={persona} name="Aarav" />, { fetch: fake.fetch });
    await waitFor(() => document.querySelectorAll('[data-testid="preview-bubble"]').length === 2, 'two bubbles');
    const bubbles = [...document.querySelectorAll('[data-testid="preview-bubble"]')];
    expect(bubbles[0]?.textContent).toContain('Gold bangles for you');
    expect(bubbles[0]?.textContent).toContain('₹29,797 – ₹40,875');
    expect(bubbles[0]?.textContent).not.toContain('[product list');
    expect(bubbles[1]?.querySelector('strong')?.textContent).toBe('7 designs');
  });
});

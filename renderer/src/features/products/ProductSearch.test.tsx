// @vitest-environment jsdom
import '../../test/setup-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changeValue, cleanup, click, getByLabelText, hasText, waitFor } from '../../test/dom';
import { createFakeFetch } from '../../test/fakeFetch';
import { storeProfile } from '../../test/fixtures';
import { renderScreen } from '../../test/renderApp';
import { shownSkus, SLOW } from './gridTestHelpers';
import { catalog, searchResult } from './productFixtures';
import { ProductsPage } from './ProductsPage';
import { understoodChips } from './understood';

// Each test draws the real grid: see SLOW.
vi.setConfig({ testTimeout: 120_000 });

afterEach(cleanup);

const hit = { sku: 'SJ-BNG-0002', name: 'Textured 22K Gold Bangle', category: 'bangle', metal: 'gold', purity: '22K', weightGrams: 4.86, price: 39754, stock: 8, style: 'plain', stones: [], score: 0.016 } as const;
const chips = () => [...document.querySelectorAll('[aria-label="What the search understood"] .mantine-Badge-root')].map((b) => b.textContent);

describe('Product search box', () => {
  it('shows what it understood as chips, the matches in the grid, and alternatives apart', async () => {
    const fake = createFakeFetch({
      'GET /api/products': () => ({ json: { products: catalog(), total: 3 } }),
      'GET /api/settings/store': () => ({ json: storeProfile() }),
      'GET /api/search/products?q=gold+bangles+under+50k&limit=50': () => ({
        json: searchResult({ understood: { text: '', category: 'bangle', metal: 'gold', priceMax: 50000 }, results: [{ ...hit, stones: [] }] }),
      }),
      'GET /api/search/products?q=platinum+payal+under+5k&limit=50': () => ({
        json: searchResult({
          understood: { text: '', category: 'anklet', metal: 'platinum', priceMax: 5000 },
          alternatives: [{ ...hit, sku: 'SJ-ANK-0001', name: 'Ghungroo Silver Payal', category: 'anklet', metal: 'silver', purity: '925', price: 9311, stones: [], relaxed: { constraint: 'metal', wanted: 'platinum', offered: 'silver' } }],
        }),
      }),
    });
    renderScreen(<ProductsPage />, { fetch: fake.fetch });
    await waitFor(() => shownSkus().length === 3, 'the grid', SLOW);

    changeValue(getByLabelText('Search like a shopper'), 'gold bangles under 50k');
    await waitFor(() => chips().length > 0, 'the chips', SLOW);
    expect(chips()).toEqual(['Category: bangle', 'Metal: gold', 'Up to ₹50,000']);
    await waitFor(() => shownSkus().length === 1, 'only the match in the grid', SLOW);
    expect(shownSkus()).toEqual(['SJ-BNG-0002']);
    expect(hasText('1 product matches everything')).toBe(true);
    expect(hasText('nearest alternatives')).toBe(false);
    // Typing is debounced: one request for the whole phrase.
    expect(fake.requests.filter((r) => r.url.startsWith('/api/search/'))).toHaveLength(1);

    changeValue(getByLabelText('Search like a shopper'), 'platinum payal under 5k');
    await waitFor(() => hasText('Nothing matches everything — nearest alternatives'), 'the alternatives', SLOW);
    expect(chips()).toEqual(['Category: anklet', 'Metal: platinum', 'Up to ₹5,000']);
    const alternatives = document.querySelector('[aria-label="Nearest alternatives"]');
    expect(alternatives?.textContent).toContain('Ghungroo Silver Payal');
    expect(alternatives?.textContent).toContain('platinum');
    expect(alternatives?.textContent).toContain('silver');
    expect(alternatives?.textContent).toContain('₹9,311');
    // Near misses are never shown as matches in the grid.
    expect(shownSkus()).toEqual([]);

    click(getByLabelText('Clear the search'));
    await waitFor(() => shownSkus().length === 3, 'the whole catalog again', SLOW);
    expect(hasText('Understood:')).toBe(false);
  });

  it('describes every kind of filter in words', () => {
    const labels = understoodChips({
      text: 'temple design',
      sku: 'SJ-RNG-0001',
      style: 'jhumka',
      purity: '22K',
      stones: ['ruby', 'pearl'],
      priceMin: 15000,
      priceMax: 40000,
      weightAroundGrams: 20,
      gender: 'women',
      occasion: 'bridal',
      inStockOnly: true,
      sort: 'price_asc',
    }).map((c) => c.label);
    expect(labels).toEqual([
      'SKU: SJ-RNG-0001',
      'Style: jhumka',
      'Purity: 22K',
      'Stones: ruby, pearl',
      '₹15,000 – ₹40,000',
      'Around 20 g',
      'For: women',
      'Occasion: bridal',
      'In stock only',
      'Cheapest first',
      'Words: “temple design”',
    ]);
    expect(understoodChips({ text: '', priceMin: 300000 }).map((c) => c.label)).toEqual(['From ₹3,00,000']);
  });
});

/** Turns a product into a small flat-colour PNG picture. */
import sharp from 'sharp';
import type { Category } from './catalog-types.js';
import { METAL_PALETTES, OXIDISED, SIZE, svgDocument } from './draw-kit.js';
import { drawEarrings, drawNosePin, drawPendant, drawRing, type DrawCtx } from './draw-small.js';
import { drawAnklet, drawBangle, drawBracelet, drawChain, drawMangalsutra, drawNecklace, drawSet } from './draw-strands.js';
import type { Product } from './products.js';
import { Rng } from './prng.js';

const DRAWERS: Record<Category, (ctx: DrawCtx) => string> = {
  ring: drawRing,
  earrings: drawEarrings,
  necklace: drawNecklace,
  chain: drawChain,
  bangle: drawBangle,
  bracelet: drawBracelet,
  pendant: drawPendant,
  mangalsutra: drawMangalsutra,
  anklet: drawAnklet,
  'nose pin': drawNosePin,
  set: drawSet,
};

export function productSvg(p: Product): string {
  const oxidised = p.metal === 'silver' && (p.style === 'oxidised' || p.name.includes('Oxidised'));
  const ctx: DrawCtx = {
    p,
    rng: new Rng(`draw:${p.sku}`),
    pal: oxidised ? OXIDISED : METAL_PALETTES[p.metal],
    stone: p.stones[0] ?? null,
    accent: p.stones[1] ?? p.stones[0] ?? null,
  };
  return svgDocument(DRAWERS[p.category](ctx));
}

/** Renders an SVG to a 400×400 palette PNG; the same SVG always gives the same bytes. */
export async function renderPng(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg))
    .resize(SIZE, SIZE)
    .png({ palette: true, compressionLevel: 9, effort: 10, dither: 0.5 })
    .toBuffer();
}

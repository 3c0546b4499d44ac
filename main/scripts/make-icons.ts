/**
 * Draws the app icon (512×512) and the tray icon (32×32) as SVG and renders them with sharp.
 * Run once after changing the drawing: `npx tsx main/scripts/make-icons.ts`; the PNGs are committed.
 * The "R" is a stroked path, not text, so the result does not depend on installed fonts.
 */
import sharp from 'sharp';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GOLD = '#f2c86b';
const ICONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'icons');

/** A ring crowned by a diamond, an "R" inside; `bold` thickens strokes for tiny sizes. */
export function iconSvg(options: { background: boolean; bold: boolean }): string {
  const ring = options.bold ? 40 : 24;
  const letter = options.bold ? 52 : 36;
  const background = options.background
    ? `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
         <stop offset="0" stop-color="#5b2a86"/><stop offset="1" stop-color="#2a1245"/>
       </linearGradient></defs>
       <rect x="16" y="16" width="480" height="480" rx="104" fill="url(#bg)"/>`
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  ${background}
  <circle cx="256" cy="296" r="142" fill="none" stroke="${GOLD}" stroke-width="${ring}"/>
  <path d="M196 112 L222 78 H290 L316 112 L256 172 Z" fill="#e9f4ff" stroke="${GOLD}" stroke-width="10" stroke-linejoin="round"/>
  <path d="M196 112 H316 M240 78 L232 112 L256 172 L280 112 L272 78" fill="none" stroke="#9cc7ef" stroke-width="6" stroke-linejoin="round"/>
  <path d="M214 370 V222 H270 A44 44 0 0 1 270 310 H214 M262 310 L308 370" fill="none" stroke="${GOLD}"
        stroke-width="${letter}" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;
}

async function render(svg: string, size: number, file: string): Promise<void> {
  await sharp(Buffer.from(svg), { density: 72 * (size / 512) * 4 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toFile(join(ICONS_DIR, file));
}

mkdirSync(ICONS_DIR, { recursive: true });
await render(iconSvg({ background: true, bold: false }), 512, 'icon.png');
await render(iconSvg({ background: true, bold: true }), 32, 'tray.png');
console.log(`icons written to ${ICONS_DIR}`);

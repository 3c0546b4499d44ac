/** Drawings for rings, earrings, nose pins and pendants. */
import type { StoneKind } from './catalog-types.js';
import {
  annulus,
  bead,
  chainLinks,
  ellipsePoints,
  f,
  gem,
  heartPoints,
  linePoints,
  petals,
  polyline,
  type Palette,
} from './draw-kit.js';
import type { Product } from './products.js';
import type { Rng } from './prng.js';

export interface DrawCtx {
  p: Product;
  rng: Rng;
  pal: Palette;
  /** The main stone, if any. */
  stone: StoneKind | null;
  /** A second stone, or the main one again. */
  accent: StoneKind | null;
}

/** Four claws at the diagonals of a round stone. */
function prongs(x: number, y: number, r: number, pal: Palette): string {
  return [45, 135, 225, 315]
    .map((a) => bead(x + r * Math.cos((a * Math.PI) / 180), y + r * Math.sin((a * Math.PI) / 180), Math.max(2.5, r * 0.14), pal))
    .join('');
}

export function drawRing({ p, rng, pal, stone, accent }: DrawCtx): string {
  const cx = 200;
  const cy = 238;
  const thin = p.style === 'toe ring' || p.style === 'kids' || p.style === 'solitaire';
  const R = p.style === 'kids' ? 92 : 108;
  let out = annulus(cx, cy, R, R - (thin ? 14 : 22), pal.base, pal.dark, 3);
  out += `<path d="M${f(cx - R + 6)} ${f(cy - 10)} A${R - 6} ${R - 6} 0 0 1 ${f(cx - 20)} ${f(cy - R + 6)}" fill="none" stroke="${pal.light}" stroke-width="4" stroke-linecap="round"/>`;
  const top = cy - R;
  switch (p.style) {
    case 'solitaire':
      out += `<path d="M${cx - 26} ${top + 12} L${cx + 26} ${top + 12} L${cx + 14} ${top - 20} L${cx - 14} ${top - 20}Z" fill="${pal.base}" stroke="${pal.dark}" stroke-width="3"/>`;
      out += gem(stone ?? 'diamond', cx, top - 44, 30) + prongs(cx, top - 44, 30, pal);
      break;
    case 'cocktail': {
      for (const pt of ellipsePoints(cx, top - 30, 48, 52, 14, 0, 2 * Math.PI).slice(1)) out += gem(accent ?? 'diamond', pt.x, pt.y, 8);
      out += gem(stone ?? 'ruby', cx, top - 30, 40, 'oval');
      break;
    }
    case 'navratna': {
      const ring: StoneKind[] = ['emerald', 'pearl', 'sapphire', 'diamond', 'emerald', 'pearl', 'sapphire', 'diamond'];
      out += `<circle cx="${cx}" cy="${top - 24}" r="58" fill="${pal.base}" stroke="${pal.dark}" stroke-width="3"/>`;
      ellipsePoints(cx, top - 24, 38, 38, 9, 0, 2 * Math.PI).slice(1).forEach((pt, i) => (out += gem(ring[i] ?? 'diamond', pt.x, pt.y, 11)));
      out += gem('ruby', cx, top - 24, 17);
      break;
    }
    case 'polki':
      out += petals(cx, top - 30, 8, 40, 22, pal, 22.5) + gem(accent ?? 'emerald', cx, top - 30, 34) + gem('polki', cx, top - 30, 26, 'square');
      break;
    case 'temple':
      out += `<ellipse cx="${cx}" cy="${top - 22}" rx="62" ry="48" fill="${pal.base}" stroke="${pal.dark}" stroke-width="3"/>`;
      out += `<ellipse cx="${cx}" cy="${top - 22}" rx="46" ry="34" fill="none" stroke="${pal.dark}" stroke-width="2"/>`;
      out += petals(cx, top - 22, 8, 20, 11, pal) + bead(cx, top - 22, 10, pal);
      for (const pt of ellipsePoints(cx, top - 22, 55, 41, 17, 0, 2 * Math.PI).slice(1)) out += `<circle cx="${f(pt.x)}" cy="${f(pt.y)}" r="2.5" fill="${pal.dark}"/>`;
      break;
    case 'kids': {
      const star = Array.from({ length: 10 }, (_, i) => {
        const a = (-90 + i * 36) * (Math.PI / 180);
        const r = i % 2 ? 18 : 40;
        return { x: cx + r * Math.cos(a), y: top - 20 + r * Math.sin(a), angle: 0 };
      });
      out += p.name.startsWith('Butterfly')
        ? petals(cx, top - 20, 4, 26, 26, pal, 45) + bead(cx, top - 20, 9, pal)
        : `<path d="${polyline(star, true)}" fill="${pal.base}" stroke="${pal.dark}" stroke-width="3" stroke-linejoin="round"/>`;
      break;
    }
    case 'toe ring':
      out += petals(cx, top, 6, 20, 14, pal, rng.int(0, 30)) + bead(cx, top, 9, pal);
      break;
    default: {
      // Plain band: a milgrain row and a polished line.
      for (const pt of ellipsePoints(cx, cy, R - 11, R - 11, 48, Math.PI * 0.05, Math.PI * 0.95)) out += `<circle cx="${f(pt.x)}" cy="${f(pt.y)}" r="2" fill="${pal.dark}"/>`;
    }
  }
  return out;
}

function hook(cx: number, y: number, pal: Palette): string {
  return `<path d="M${cx} ${y + 30} C${cx} ${y} ${cx + 26} ${y - 6} ${cx + 28} ${y + 16}" fill="none" stroke="${pal.dark}" stroke-width="4" stroke-linecap="round"/>`;
}

/** One earring centred on x = cx, spanning roughly y 60–320. */
export function drawEarring(ctx: DrawCtx, cx: number): string {
  const { p, pal, stone, accent } = ctx;
  const hang = (kind: StoneKind | null, x: number, y: number, r: number) => (kind ? gem(kind, x, y, r) : bead(x, y, r, pal));
  let out = '';
  switch (p.style) {
    case 'jhumka': {
      out += hook(cx, 62, pal);
      out += `<circle cx="${cx}" cy="118" r="28" fill="${pal.base}" stroke="${pal.dark}" stroke-width="3"/>` + hang(stone === 'pearl' ? null : stone, cx, 118, 17);
      out += bead(cx, 156, 9, pal);
      out += `<path d="M${cx - 58} 262 C${cx - 58} 200 ${cx - 34} 166 ${cx} 166 C${cx + 34} 166 ${cx + 58} 200 ${cx + 58} 262Z" fill="${pal.base}" stroke="${pal.dark}" stroke-width="3"/>`;
      out += `<path d="M${cx - 38} 206 Q${cx} 190 ${cx + 38} 206" fill="none" stroke="${pal.dark}" stroke-width="2"/>`;
      for (const pt of linePoints(cx - 40, 232, cx + 40, 232, 6)) out += `<circle cx="${f(pt.x)}" cy="${f(pt.y)}" r="4" fill="${pal.light}" stroke="${pal.dark}"/>`;
      out += `<ellipse cx="${cx}" cy="262" rx="58" ry="10" fill="${pal.dark}"/>`;
      const drop: StoneKind | null = p.stones.includes('pearl') ? 'pearl' : null;
      for (const pt of linePoints(cx - 50, 272, cx + 50, 272, 7)) out += `<line x1="${f(pt.x)}" y1="266" x2="${f(pt.x)}" y2="${f(pt.y + 8)}" stroke="${pal.dark}" stroke-width="1.5"/>` + hang(drop, pt.x, pt.y + 14, 6.5);
      break;
    }
    case 'chandbali': {
      out += hook(cx, 60, pal);
      out += `<mask id="m${cx}"><rect width="400" height="400" fill="#fff"/><circle cx="${cx}" cy="162" r="52" fill="#000"/></mask>`;
      out += `<circle cx="${cx}" cy="196" r="68" fill="${pal.base}" stroke="${pal.dark}" stroke-width="3" mask="url(#m${cx})"/>`;
      out += `<clipPath id="c${cx}"><circle cx="${cx}" cy="196" r="68"/></clipPath>`;
      out += `<circle cx="${cx}" cy="162" r="52" fill="none" stroke="${pal.dark}" stroke-width="3" clip-path="url(#c${cx})"/>`;
      for (const pt of ellipsePoints(0, 0, 1, 1, 7, Math.PI * 0.2, Math.PI * 0.8)) {
        const ox = cx + 68 * pt.x;
        const oy = 196 + 68 * pt.y;
        const ix = cx + 52 * pt.x;
        const iy = 162 + 52 * pt.y;
        const th = Math.hypot(ox - ix, oy - iy);
        out += gem(stone ?? 'kundan', (ox + ix) / 2, (oy + iy) / 2, Math.min(12, th * 0.36), stone === 'polki' || stone === 'kundan' ? 'square' : 'round');
      }
      for (const pt of ellipsePoints(cx, 196, 74, 74, 9, Math.PI * 0.12, Math.PI * 0.88)) out += hang(p.stones.includes('pearl') ? 'pearl' : accent, pt.x, pt.y + 6, 6);
      out += `<circle cx="${cx}" cy="106" r="20" fill="${pal.base}" stroke="${pal.dark}" stroke-width="3"/>` + hang(stone, cx, 106, 12);
      break;
    }
    case 'hoop':
      out += `<circle cx="${cx}" cy="196" r="64" fill="none" stroke="${pal.dark}" stroke-width="15"/>`;
      out += `<circle cx="${cx}" cy="196" r="64" fill="none" stroke="${pal.base}" stroke-width="10"/>`;
      out += `<path d="M${cx - 58} 170 A64 64 0 0 1 ${cx - 10} 133" fill="none" stroke="${pal.light}" stroke-width="3" stroke-linecap="round"/>`;
      if (p.name.startsWith('Twisted')) for (const pt of ellipsePoints(cx, 196, 64, 64, 24, 0, 2 * Math.PI)) out += `<line x1="${f(pt.x - 3)}" y1="${f(pt.y - 4)}" x2="${f(pt.x + 3)}" y2="${f(pt.y + 4)}" stroke="${pal.dark}" stroke-width="1.5" transform="rotate(${f(pt.angle)} ${f(pt.x)} ${f(pt.y)})"/>`;
      break;
    case 'drop':
      if (!stone) {
        out += hook(cx, 70, pal) + bead(cx, 124, 16, pal) + `<line x1="${cx}" y1="140" x2="${cx}" y2="180" stroke="${pal.dark}" stroke-width="3"/>`;
        out += petals(cx, 214, 6, 24, 20, pal, -90) + bead(cx, 214, 12, pal);
        break;
      }
      out += hook(cx, 70, pal) + `<circle cx="${cx}" cy="124" r="19" fill="${pal.base}" stroke="${pal.dark}" stroke-width="3"/>` + gem(accent ?? 'diamond', cx, 124, 12);
      out += `<line x1="${cx}" y1="143" x2="${cx}" y2="176" stroke="${pal.dark}" stroke-width="3"/>`;
      out += stone === 'pearl' ? gem('pearl', cx, 214, 36) + `<path d="M${cx - 16} 182 Q${cx} 170 ${cx + 16} 182 L${cx + 10} 190 L${cx - 10} 190Z" fill="${pal.base}" stroke="${pal.dark}" stroke-width="2"/>` : gem(stone ?? 'emerald', cx, 222, 38, 'pear');
      break;
    default: {
      // Studs, shown face on.
      const kids = p.gender === 'kids';
      const y = 196;
      if (stone) {
        const halo = p.name.startsWith('Halo') || p.name.startsWith('Cluster');
        out += `<circle cx="${cx}" cy="${y}" r="${halo ? 56 : 44}" fill="${pal.base}" stroke="${pal.dark}" stroke-width="3"/>`;
        if (halo) for (const pt of ellipsePoints(cx, y, 44, 44, 13, 0, 2 * Math.PI).slice(1)) out += gem(stone, pt.x, pt.y, 9);
        out += gem(stone, cx, y, halo ? 28 : 32) + prongs(cx, y, halo ? 28 : 32, pal);
      } else {
        const r = kids ? 30 : 40;
        out += petals(cx, y, kids ? 4 : 6, r * 0.75, r * 0.7, pal, kids ? 45 : 0) + bead(cx, y, r * 0.45, pal);
      }
    }
  }
  return out;
}

export function drawEarrings(ctx: DrawCtx): string {
  return drawEarring(ctx, 118) + drawEarring(ctx, 282);
}

export function drawNosePin({ p, pal, stone }: DrawCtx): string {
  if (p.style === 'nath') {
    let out = `<circle cx="190" cy="212" r="118" fill="none" stroke="${pal.dark}" stroke-width="9"/><circle cx="190" cy="212" r="118" fill="none" stroke="${pal.base}" stroke-width="5"/>`;
    ellipsePoints(190, 212, 118, 118, 15, Math.PI * 0.15, Math.PI * 0.95).forEach((pt, i) => (out += i % 2 ? bead(pt.x, pt.y, 7, pal) : gem('pearl', pt.x, pt.y, 10)));
    out += petals(104, 296, 6, 22, 14, pal, 15) + gem('ruby', 104, 296, 16);
    out += chainLinks(linePoints(222, 98, 356, 40, 12), pal, 'cable', 12);
    return out;
  }
  let out = `<path d="M200 200 L200 330 Q200 352 228 352" fill="none" stroke="${pal.dark}" stroke-width="7" stroke-linecap="round"/>`;
  out += `<path d="M200 200 L200 330 Q200 352 228 352" fill="none" stroke="${pal.base}" stroke-width="3" stroke-linecap="round"/>`;
  if (p.name.startsWith('Star')) {
    const pts = Array.from({ length: 10 }, (_, i) => {
      const a = (-90 + i * 36) * (Math.PI / 180);
      const r = i % 2 ? 40 : 92;
      return { x: 200 + r * Math.cos(a), y: 190 + r * Math.sin(a), angle: 0 };
    });
    out += `<path d="${polyline(pts, true)}" fill="${pal.base}" stroke="${pal.dark}" stroke-width="4" stroke-linejoin="round"/>`;
  } else if (p.name.startsWith('Leaf')) {
    out += `<path d="M120 260 C130 150 230 110 300 120 C290 200 220 270 120 260Z" fill="${pal.base}" stroke="${pal.dark}" stroke-width="4"/><path d="M130 250 Q210 200 290 128" fill="none" stroke="${pal.dark}" stroke-width="3"/>`;
  } else if (p.name.startsWith('Solitaire')) {
    out += `<circle cx="200" cy="190" r="74" fill="${pal.base}" stroke="${pal.dark}" stroke-width="4"/>`;
  } else {
    out += petals(200, 190, 6, 60, 44, pal);
  }
  out += stone ? gem(stone, 200, 190, 50) : bead(200, 190, 34, pal);
  return out;
}

const LETTERS: Record<string, string> = {
  A: 'M-42 70 L0 -70 L42 70 M-25 18 L25 18',
  R: 'M-34 70 L-34 -70 L6 -70 C56 -70 56 0 6 0 L-34 0 M4 0 L42 70',
};

export function drawPendant({ p, rng, pal, stone, accent }: DrawCtx): string {
  let out = chainLinks(linePoints(70, 6, 192, 112, 13), pal, 'fine', 12) + chainLinks(linePoints(330, 6, 208, 112, 13), pal, 'fine', 12);
  out += `<rect x="190" y="104" width="20" height="38" rx="9" fill="${pal.base}" stroke="${pal.dark}" stroke-width="3"/>`;
  const cy = 238;
  switch (p.style) {
    case 'coin':
      out += `<circle cx="200" cy="${cy}" r="92" fill="${pal.base}" stroke="${pal.dark}" stroke-width="4"/>`;
      out += `<circle cx="200" cy="${cy}" r="76" fill="none" stroke="${pal.dark}" stroke-width="2"/>`;
      for (const pt of ellipsePoints(200, cy, 84, 84, 33, 0, 2 * Math.PI).slice(1)) out += `<circle cx="${f(pt.x)}" cy="${f(pt.y)}" r="3" fill="${pal.light}"/>`;
      out += petals(200, cy, 8, 36, 26, { ...pal, base: pal.light }, rng.int(0, 20)) + bead(200, cy, 18, pal);
      break;
    case 'heart': {
      const pts = heartPoints(200, cy + 8, 5.4, 40);
      out += `<path d="${polyline(pts, true)}" fill="none" stroke="${pal.dark}" stroke-width="22" stroke-linejoin="round"/>`;
      out += `<path d="${polyline(pts, true)}" fill="none" stroke="${pal.base}" stroke-width="17" stroke-linejoin="round"/>`;
      pts.filter((_, i) => i % 2 === 0).forEach((pt) => (out += gem(stone ?? 'diamond', pt.x, pt.y, 6.5)));
      break;
    }
    case 'solitaire':
      out += `<path d="M186 142 L214 142 L212 168 L188 168Z" fill="${pal.base}" stroke="${pal.dark}" stroke-width="2"/>`;
      out += gem(stone ?? 'diamond', 200, 206, 42) + prongs(200, 206, 42, pal);
      break;
    case 'gem': {
      const shape = stone === 'emerald' ? 'pear' : 'oval';
      for (const pt of ellipsePoints(200, cy, 60, 74, 23, 0, 2 * Math.PI).slice(1)) out += gem(accent ?? 'diamond', pt.x, pt.y, 8);
      out += `<ellipse cx="200" cy="${cy}" rx="50" ry="64" fill="${pal.base}" stroke="${pal.dark}" stroke-width="3"/>`;
      out += gem(stone ?? 'ruby', 200, shape === 'pear' ? cy + 10 : cy, shape === 'pear' ? 40 : 54, shape);
      break;
    }
    case 'initial': {
      const letter = LETTERS[p.name.split(' ')[1] ?? ''] ?? LETTERS.A ?? '';
      out += `<g transform="translate(200 ${cy})"><path d="${letter}" fill="none" stroke="${pal.dark}" stroke-width="28" stroke-linecap="round" stroke-linejoin="round"/><path d="${letter}" fill="none" stroke="${pal.base}" stroke-width="21" stroke-linecap="round" stroke-linejoin="round"/></g>`;
      out += gem(stone ?? 'diamond', p.name.endsWith('R Initial Pendant') ? 166 : 200, cy - 70, 14);
      break;
    }
    default: {
      // Moon (crescent) or lotus in silver.
      if (p.name.startsWith('Lotus')) {
        out += petals(200, cy + 10, 7, 46, 40, pal, -90 + 360 / 14) + bead(200, cy + 10, 26, pal);
        out += gem(stone ?? 'cubic zirconia', 200, cy + 10, 16);
      } else {
        out += `<mask id="moon"><rect width="400" height="400" fill="#fff"/><circle cx="236" cy="${cy - 20}" r="76" fill="#000"/></mask>`;
        out += `<circle cx="200" cy="${cy}" r="90" fill="${pal.base}" stroke="${pal.dark}" stroke-width="4" mask="url(#moon)"/>`;
        for (const pt of ellipsePoints(182, cy + 14, 68, 68, 6, Math.PI * 0.55, Math.PI * 1.15)) out += gem(stone ?? 'cubic zirconia', pt.x, pt.y, 9);
      }
    }
  }
  return out + `<rect x="190" y="104" width="20" height="38" rx="9" fill="${pal.base}" stroke="${pal.dark}" stroke-width="3"/>`;
}

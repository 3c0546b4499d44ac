/** Drawings for necklaces, chains, bangles, bracelets, mangalsutras, anklets and sets. */
import type { StoneKind } from './catalog-types.js';
import {
  BLACK_BEAD,
  OXIDISED,
  bead,
  chainLinks,
  ellipsePoints,
  f,
  gem,
  ghungroo,
  heartPoints,
  petals,
  polyline,
  type CurvePoint,
  type LinkStyle,
  type Palette,
} from './draw-kit.js';
import { drawEarring, type DrawCtx } from './draw-small.js';

const strand = (pts: CurvePoint[], pal: Palette, w = 2): string =>
  `<path d="${polyline(pts, false)}" fill="none" stroke="${pal.dark}" stroke-width="${w}"/>`;

const coin = (x: number, y: number, r: number, pal: Palette, centre: StoneKind | null): string =>
  bead(x, y, r, pal) + `<circle cx="${f(x)}" cy="${f(y)}" r="${f(r * 0.68)}" fill="none" stroke="${pal.dark}" stroke-width="1.5"/>` + (centre ? gem(centre, x, y, r * 0.38) : '');

export function drawNecklace({ p, pal, stone, accent }: DrawCtx): string {
  let out = '';
  switch (p.style) {
    case 'rani haar': {
      [150, 196, 242].forEach((ry, layer) => {
        const pts = ellipsePoints(200, 30, 134, ry, 30 + layer * 6);
        out += strand(pts, pal, 1.5);
        pts.forEach((pt, i) => (out += i % 6 === 3 ? gem(stone ?? 'polki', pt.x, pt.y, 8, 'square') : gem('pearl', pt.x, pt.y, 5)));
      });
      out += `<circle cx="200" cy="276" r="32" fill="${pal.base}" stroke="${pal.dark}" stroke-width="3"/>` + gem(stone ?? 'polki', 200, 276, 22, 'square');
      out += gem(p.stones[1] ?? 'emerald', 200, 338, 17, 'pear');
      break;
    }
    case 'temple': {
      const pts = ellipsePoints(200, 36, 130, 200, 17);
      out += strand(pts, pal);
      pts.slice(1, -1).forEach((pt, i) => (out += coin(pt.x, pt.y, 15, pal, i % 2 ? null : stone)));
      out += `<ellipse cx="200" cy="266" rx="40" ry="48" fill="${pal.base}" stroke="${pal.dark}" stroke-width="3"/>`;
      out += petals(200, 262, 8, 20, 11, pal) + gem(stone ?? 'ruby', 200, 262, 13) + gem(accent ?? 'emerald', 200, 330, 13, 'pear');
      break;
    }
    case 'choker': {
      const pts = ellipsePoints(200, 50, 128, 150, 13);
      out += strand(ellipsePoints(200, 50, 128, 150, 40), pal, 3);
      pts.forEach((pt, i) => {
        const big = i === 6;
        const r = big ? 22 : 13;
        const drop = p.stones.includes('pearl') ? 'pearl' : (accent ?? 'pearl');
        out += `<line x1="${f(pt.x)}" y1="${f(pt.y)}" x2="${f(pt.x)}" y2="${f(pt.y + r + 14)}" stroke="${pal.dark}" stroke-width="1.5"/>` + gem(drop, pt.x, pt.y + r + 18, big ? 8 : 5);
        out += `<rect x="${f(pt.x - r - 4)}" y="${f(pt.y - r - 4)}" width="${f(2 * r + 8)}" height="${f(2 * r + 8)}" rx="5" fill="${pal.base}" stroke="${pal.dark}" stroke-width="2" transform="rotate(${f(pt.angle)} ${f(pt.x)} ${f(pt.y)})"/>`;
        out += gem(stone ?? 'kundan', pt.x, pt.y, r, stone === 'kundan' || stone === 'polki' ? 'square' : 'round');
      });
      break;
    }
    case 'diamond': {
      const pts = ellipsePoints(200, 34, 132, 200, 25);
      out += strand(pts, pal, 3);
      pts.forEach((pt, i) => {
        const r = 5 + 7 * Math.sin((Math.PI * i) / (pts.length - 1));
        out += `<circle cx="${f(pt.x)}" cy="${f(pt.y)}" r="${f(r + 2.5)}" fill="${pal.base}" stroke="${pal.dark}"/>` + gem(stone ?? 'diamond', pt.x, pt.y, r);
      });
      out += gem(stone ?? 'diamond', 200, 276, 22, 'pear');
      break;
    }
    case 'oxidised': {
      const pts = ellipsePoints(200, 36, 132, 196, 21);
      out += strand(pts, OXIDISED, 3);
      pts.forEach((pt, i) => (out += i % 2 ? gem(stone ?? 'coral', pt.x, pt.y, 6) : coin(pt.x, pt.y + 12, 16, OXIDISED, null)));
      out += coin(200, 268, 30, OXIDISED, stone);
      break;
    }
    default: {
      // Light gold: leaf links and a small drop.
      const pts = ellipsePoints(200, 36, 128, 200, 21);
      out += strand(pts, pal);
      for (const pt of pts) out += `<ellipse cx="${f(pt.x)}" cy="${f(pt.y)}" rx="13" ry="6.5" fill="${pal.base}" stroke="${pal.dark}" stroke-width="2" transform="rotate(${f(pt.angle + 25)} ${f(pt.x)} ${f(pt.y)})"/>`;
      out += petals(200, 262, 5, 14, 12, pal, -90) + bead(200, 262, 7, pal);
    }
  }
  return out;
}

function clasp(x: number, y: number, pal: Palette): string {
  return `<ellipse cx="${f(x)}" cy="${f(y + 14)}" rx="8" ry="14" fill="${pal.base}" stroke="${pal.dark}" stroke-width="2.5"/><circle cx="${f(x)}" cy="${f(y - 3)}" r="5" fill="none" stroke="${pal.dark}" stroke-width="2.5"/>`;
}

export function drawChain({ p, pal }: DrawCtx): string {
  const [style, size, count]: [LinkStyle, number, number] =
    p.style === 'rope' ? ['rope', 18, 70]
    : p.style === 'box' ? ['box', 11, 56]
    : p.style === 'curb' ? ['curb', 28, 34]
    : p.style === 'singapore' ? ['rope', 11, 80]
    : p.name.startsWith('Snake') ? ['rope', 10, 90]
    : ['cable', p.name.startsWith('Figaro') ? 20 : 16, 46];
  return chainLinks(ellipsePoints(200, 40, 122, 282, count, 0.05, Math.PI - 0.05), pal, style, size) + clasp(322, 40, pal);
}

/** A bangle seen from above at an angle: a stack of rings gives the wall, then the top rim. */
export function drawBangle({ p, pal, stone }: DrawCtx): string {
  const baby = p.style === 'nazariya';
  const heavy = p.style !== 'plain' && !baby;
  const [rx, ry] = baby ? [112, 66] : [142, 84];
  const h = p.style === 'kada' ? 46 : heavy ? 36 : 20;
  const t = p.style === 'kada' ? 16 : 10;
  const cy = 190 - h / 2;
  const ring = (y: number, fill: string, stroke: string) =>
    `<path d="M${200 - rx} ${f(y)} a${rx} ${ry} 0 1 0 ${2 * rx} 0 a${rx} ${ry} 0 1 0 ${-2 * rx} 0Z M${200 - rx + t} ${f(y)} a${rx - t} ${ry - t * 0.6} 0 1 0 ${2 * (rx - t)} 0 a${rx - t} ${ry - t * 0.6} 0 1 0 ${-2 * (rx - t)} 0Z" fill="${fill}" fill-rule="evenodd" stroke="${stroke}" stroke-width="2"/>`;
  let out = ring(cy + h, pal.base, pal.dark);
  for (let y = h - 2; y > 0; y -= 2) out += ring(cy + y, pal.base, 'none');
  out += `<path d="M${200 - rx} ${f(cy)} L${200 - rx} ${f(cy + h)} M${200 + rx} ${f(cy)} L${200 + rx} ${f(cy + h)}" stroke="${pal.dark}" stroke-width="2"/>`;
  out += ring(cy, pal.light, pal.dark);
  const front = (n: number, dy: number) => ellipsePoints(200, cy + dy, rx, ry, n, Math.PI * 0.1, Math.PI * 0.9);
  switch (p.style) {
    case 'kada':
      for (const dy of [h * 0.3, h * 0.7]) out += `<path d="${polyline(ellipsePoints(200, cy + dy, rx, ry, 40, 0.02, Math.PI - 0.02), false)}" fill="none" stroke="${pal.dark}" stroke-width="2"/>`;
      if (stone) front(9, h * 0.5).forEach((pt, i) => (out += gem(i % 2 ? (p.stones[1] ?? stone) : stone, pt.x, pt.y, i % 2 ? 6 : 9, i % 2 ? 'round' : 'square')));
      break;
    case 'antique':
      front(15, h * 0.5).forEach((pt, i) => (out += i % 2 ? `<circle cx="${f(pt.x)}" cy="${f(pt.y)}" r="4" fill="${pal.dark}"/>` : gem(stone ?? 'ruby', pt.x, pt.y, 7)));
      out += `<path d="${polyline(ellipsePoints(200, cy + h * 0.15, rx, ry, 40, 0.05, Math.PI - 0.05), false)}" fill="none" stroke="${pal.dark}" stroke-width="1.5" stroke-dasharray="3 4"/>`;
      break;
    case 'kundan':
      front(11, h * 0.5).forEach((pt) => (out += gem(stone ?? 'kundan', pt.x, pt.y, 9, 'square')));
      break;
    case 'diamond':
      front(19, h * 0.5).forEach((pt) => (out += gem(stone ?? 'diamond', pt.x, pt.y, 6)));
      break;
    case 'nazariya':
      front(13, h * 0.5).forEach((pt, i) => (out += bead(pt.x, pt.y, 5, i % 2 ? pal : BLACK_BEAD)));
      break;
    default:
      out += `<path d="${polyline(ellipsePoints(200, cy + h * 0.5, rx, ry, 40, 0.05, Math.PI - 0.05), false)}" fill="none" stroke="${pal.light}" stroke-width="3" stroke-dasharray="${p.name.startsWith('Hammered') || p.name.startsWith('Textured') ? '2 5' : '0'}"/>`;
  }
  return out;
}

export function drawBracelet({ p, pal, stone, accent }: DrawCtx): string {
  let out = '';
  const full = (rx: number, ry: number, n: number) => ellipsePoints(200, 196, rx, ry, n + 1, Math.PI * 1.04, Math.PI * 3.0).slice(0, n);
  switch (p.style) {
    case 'tennis':
      for (const pt of full(140, 88, 30)) out += `<circle cx="${f(pt.x)}" cy="${f(pt.y)}" r="12" fill="${pal.base}" stroke="${pal.dark}" stroke-width="2"/>` + gem(stone ?? 'diamond', pt.x, pt.y, 8.5);
      break;
    case 'charm': {
      out += chainLinks(full(130, 80, 56), pal, 'fine', 12);
      if (p.name.startsWith('Heart')) {
        const pts = heartPoints(200, 304, 2.2, 40);
        out += `<path d="${polyline(pts, true)}" fill="${pal.base}" stroke="${pal.dark}" stroke-width="3"/>` + gem(accent ?? 'diamond', 200, 300, 7);
      } else {
        out += `<circle cx="200" cy="304" r="26" fill="${pal.base}" stroke="${pal.dark}" stroke-width="3"/>` + gem(stone ?? 'sapphire', 200, 304, 19) + `<circle cx="200" cy="304" r="10" fill="#FFFFFF"/><circle cx="200" cy="304" r="5" fill="#1B1B2F"/>`;
      }
      break;
    }
    case 'nazariya':
      full(104, 64, 30).forEach((pt, i) => (out += bead(pt.x, pt.y, 7, i % 3 ? BLACK_BEAD : pal)));
      break;
    default:
      // Links, with stones on every third link in silver.
      full(140, 88, 24).forEach((pt, i) => {
        out += chainLinks([pt], pal, p.gender === 'men' ? 'curb' : 'cable', 30);
        if (stone && i % 3 === 0) out += gem(stone, pt.x, pt.y, 6);
      });
  }
  return out + clasp(60, 176, pal);
}

export function drawMangalsutra({ p, pal, stone }: DrawCtx): string {
  let out = '';
  const beads = (pts: CurvePoint[]) => pts.forEach((pt, i) => (out += bead(pt.x, pt.y, i % 8 === 0 ? 5.5 : 4.2, i % 8 === 0 ? pal : BLACK_BEAD)));
  if (p.style === 'bracelet') {
    beads(ellipsePoints(200, 190, 136, 84, 70, Math.PI * 0.62, Math.PI * 2.38));
    out += petals(200, 274, 6, 14, 12, pal, -90) + gem(stone ?? 'diamond', 200, 274, 10);
    return out + clasp(60, 170, pal);
  }
  const long = p.style === 'long';
  const depth = long ? 270 : p.style === 'diamond' ? 200 : 236;
  beads(ellipsePoints(200, 24, 128, depth, 62));
  if (p.style === 'vati') beads(ellipsePoints(200, 24, 116, depth - 26, 56));
  const y = 24 + depth;
  if (p.style === 'vati') {
    for (const x of [170, 230]) {
      out += `<path d="M${x - 28} ${y + 6} A28 28 0 0 0 ${x + 28} ${y + 6}Z" fill="${pal.base}" stroke="${pal.dark}" stroke-width="3"/>`;
      out += `<ellipse cx="${x}" cy="${y + 6}" rx="28" ry="6" fill="${pal.light}" stroke="${pal.dark}" stroke-width="2"/>`;
    }
    out += bead(200, y - 6, 8, pal);
  } else if (long) {
    out += `<ellipse cx="200" cy="${y + 28}" rx="36" ry="44" fill="${pal.base}" stroke="${pal.dark}" stroke-width="3"/>` + petals(200, y + 28, 8, 18, 11, { ...pal, base: pal.light }) + bead(200, y + 28, 8, pal);
  } else if (p.name.startsWith('Infinity')) {
    const pts = Array.from({ length: 40 }, (_, i) => {
      const a = (2 * Math.PI * i) / 40;
      const d = 1 + Math.sin(a) ** 2;
      return { x: 200 + (52 * Math.cos(a)) / d, y: y + 24 + (52 * Math.sin(a) * Math.cos(a)) / d, angle: 0 };
    });
    out += `<path d="${polyline(pts, true)}" fill="none" stroke="${pal.dark}" stroke-width="12"/><path d="${polyline(pts, true)}" fill="none" stroke="${pal.base}" stroke-width="8"/>`;
    pts.filter((_, i) => i % 5 === 0).forEach((pt) => (out += gem(stone ?? 'diamond', pt.x, pt.y, 5)));
  } else {
    out += petals(200, y + 22, 6, 22, 17, pal, -90);
    for (const pt of ellipsePoints(200, y + 22, 22, 22, 7, 0, 2 * Math.PI).slice(1)) out += gem(stone ?? 'diamond', pt.x, pt.y, 6);
    out += gem(stone ?? 'diamond', 200, y + 22, 10);
  }
  return out;
}

export function drawAnklet({ p, pal, stone }: DrawCtx): string {
  const sag = (y0: number, depth: number, n: number): CurvePoint[] =>
    Array.from({ length: n }, (_, i) => {
      const t = i / (n - 1);
      const slope = depth * Math.PI * Math.cos(Math.PI * t) / 320;
      return { x: 40 + 320 * t, y: y0 + depth * Math.sin(Math.PI * t), angle: (Math.atan(slope) * 180) / Math.PI };
    });
  let out = '';
  if (p.style === 'chain') {
    const pts = sag(150, 70, 30);
    out += chainLinks(pts, pal, 'cable', 14);
    pts.forEach((pt, i) => (out += i % 4 === 2 ? gem(stone ?? 'cubic zirconia', pt.x, pt.y + 10, 6) : ''));
    if (p.name.startsWith('Evil Eye')) out += `<circle cx="200" cy="246" r="18" fill="#2446B0" stroke="${pal.dark}" stroke-width="2"/><circle cx="200" cy="246" r="9" fill="#FFFFFF"/><circle cx="200" cy="246" r="4.5" fill="#1B1B2F"/>`;
    return out;
  }
  const kids = p.gender === 'kids';
  for (const y0 of [96, 216]) {
    const pts = sag(y0, 64, 30);
    out += chainLinks(pts, pal, 'cable', 14);
    pts.forEach((pt, i) => {
      if (i % 3 !== 1) return;
      out += ghungroo(pt.x, pt.y + 4, kids ? 5 : 7, pal);
      if (p.name.startsWith('Meenakari')) out += `<circle cx="${f(pt.x + 10)}" cy="${f(pt.y)}" r="4.5" fill="${i % 2 ? '#C8173F' : '#169160'}" stroke="${pal.dark}"/>`;
    });
  }
  return out;
}

export function drawSet(ctx: DrawCtx): string {
  const style = ctx.p.style;
  const neck = { ...ctx, p: { ...ctx.p, style: style === 'kundan' || style === 'polki' ? 'choker' : style } };
  const ear = { ...ctx, p: { ...ctx.p, style: style === 'polki' ? 'chandbali' : style === 'kundan' || style === 'temple' ? 'jhumka' : 'drop' } };
  const s = 0.42;
  const earring = (x: number) => `<g transform="translate(${f(x - 200 * s)} ${f(236 - 60 * s)}) scale(${s})">${drawEarring(ear, 200)}</g>`;
  return `<g transform="translate(44 6) scale(0.78)">${drawNecklace(neck)}</g>${earring(64)}${earring(336)}`;
}

/** Flat-colour SVG building blocks for the demo product pictures (400×400, no text, no fonts). */
import type { MetalName, StoneKind } from './catalog-types.js';

export const SIZE = 400;
export const BACKGROUND = '#F8F4ED';
const BACKDROP = '#F0E9DD';

export interface Palette {
  base: string;
  dark: string;
  light: string;
}

export const METAL_PALETTES: Record<MetalName, Palette> = {
  gold: { base: '#E2B33C', dark: '#9E6F16', light: '#F8E08C' },
  'rose gold': { base: '#E4A68D', dark: '#A8604B', light: '#F8D5C6' },
  'white gold': { base: '#D5D9E0', dark: '#858C97', light: '#F8F9FB' },
  silver: { base: '#C3C7CD', dark: '#767C85', light: '#EEF0F3' },
  platinum: { base: '#C9D0DA', dark: '#737D8B', light: '#EEF2F7' },
};
export const OXIDISED: Palette = { base: '#9A9EA4', dark: '#45494F', light: '#D4D7DB' };

export const STONE_PALETTES: Record<StoneKind, Palette> = {
  diamond: { base: '#E8F4FF', dark: '#7BA9CF', light: '#FFFFFF' },
  'cubic zirconia': { base: '#EEF6FD', dark: '#8DB3D3', light: '#FFFFFF' },
  ruby: { base: '#C8173F', dark: '#7A0A23', light: '#F27A93' },
  emerald: { base: '#169160', dark: '#0A5739', light: '#74D6A9' },
  sapphire: { base: '#2446B0', dark: '#13296C', light: '#83A0EC' },
  pearl: { base: '#FBF7EE', dark: '#C9BEA7', light: '#FFFFFF' },
  polki: { base: '#EEE8D0', dark: '#B09C6A', light: '#FFFDF2' },
  kundan: { base: '#F4EFE0', dark: '#C0922E', light: '#FFFFFF' },
  coral: { base: '#E35E3D', dark: '#9C3720', light: '#F7A58F' },
};
export const BLACK_BEAD: Palette = { base: '#25221F', dark: '#000000', light: '#6B6660' };

export const f = (n: number): string => (Math.round(n * 10) / 10).toString();

export function svgDocument(body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">` +
    `<rect width="${SIZE}" height="${SIZE}" fill="${BACKGROUND}"/>` +
    `<circle cx="200" cy="200" r="182" fill="${BACKDROP}"/>` +
    `${body}</svg>`
  );
}

/** A polished metal bead. */
export function bead(x: number, y: number, r: number, pal: Palette): string {
  return (
    `<circle cx="${f(x)}" cy="${f(y)}" r="${f(r)}" fill="${pal.base}" stroke="${pal.dark}" stroke-width="${f(Math.max(1, r / 6))}"/>` +
    `<circle cx="${f(x - r * 0.35)}" cy="${f(y - r * 0.35)}" r="${f(r * 0.3)}" fill="${pal.light}"/>`
  );
}

export type GemShape = 'round' | 'oval' | 'pear' | 'square';

/** A stone; kundan and polki sit in a gold foil rim, diamonds show a simple facet star. */
export function gem(kind: StoneKind, x: number, y: number, r: number, shape: GemShape = 'round'): string {
  const pal = STONE_PALETTES[kind];
  const sw = f(Math.max(1, r / 8));
  const paint = `fill="${pal.base}" stroke="${pal.dark}" stroke-width="${sw}"`;
  let body: string;
  if (shape === 'oval') body = `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(r * 0.78)}" ry="${f(r)}" ${paint}/>`;
  else if (shape === 'pear')
    body = `<path d="M${f(x)} ${f(y - r * 1.25)} C${f(x + r * 0.35)} ${f(y - r * 0.6)} ${f(x + r)} ${f(y - r * 0.1)} ${f(x + r)} ${f(y + r * 0.35)} A${f(r)} ${f(r)} 0 0 1 ${f(x - r)} ${f(y + r * 0.35)} C${f(x - r)} ${f(y - r * 0.1)} ${f(x - r * 0.35)} ${f(y - r * 0.6)} ${f(x)} ${f(y - r * 1.25)}Z" ${paint}/>`;
  else if (shape === 'square')
    body = `<rect x="${f(x - r)}" y="${f(y - r)}" width="${f(2 * r)}" height="${f(2 * r)}" rx="${f(r * 0.25)}" ${paint}/>`;
  else body = `<circle cx="${f(x)}" cy="${f(y)}" r="${f(r)}" ${paint}/>`;
  let extra = '';
  if ((kind === 'diamond' || kind === 'cubic zirconia') && r >= 7) {
    const k = r * 0.55;
    extra = `<path d="M${f(x - k)} ${f(y)} L${f(x)} ${f(y - k)} L${f(x + k)} ${f(y)} L${f(x)} ${f(y + k)}Z M${f(x - k)} ${f(y)} L${f(x + k)} ${f(y)} M${f(x)} ${f(y - k)} L${f(x)} ${f(y + k)}" fill="none" stroke="${pal.dark}" stroke-width="${f(Math.max(0.8, r / 14))}"/>`;
  }
  if ((kind === 'kundan' || kind === 'polki') && shape !== 'pear') {
    const k = r * 0.62;
    extra = `<rect x="${f(x - k)}" y="${f(y - k)}" width="${f(2 * k)}" height="${f(2 * k)}" rx="${f(k * 0.3)}" fill="none" stroke="${pal.dark}" stroke-width="${f(Math.max(0.8, r / 10))}" opacity="0.6"/>`;
  }
  const shine = `<circle cx="${f(x - r * 0.35)}" cy="${f(y - r * 0.38)}" r="${f(r * 0.22)}" fill="${pal.light}"/>`;
  return body + extra + shine;
}

export interface CurvePoint {
  x: number;
  y: number;
  /** Tangent direction in degrees. */
  angle: number;
}

/**
 * `n` points evenly spaced by arc length along part of an ellipse, from angle a0 to a1
 * (radians; 0 is right, π/2 is down), each with its tangent direction.
 */
export function ellipsePoints(
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  n: number,
  a0 = 0,
  a1 = Math.PI,
): CurvePoint[] {
  const steps = 600;
  const ts: number[] = [];
  const lens: number[] = [0];
  for (let i = 0; i <= steps; i++) ts.push(a0 + ((a1 - a0) * i) / steps);
  for (let i = 1; i <= steps; i++) {
    const [t0, t1] = [ts[i - 1] as number, ts[i] as number];
    const d = Math.hypot(rx * (Math.cos(t1) - Math.cos(t0)), ry * (Math.sin(t1) - Math.sin(t0)));
    lens.push((lens[i - 1] as number) + d);
  }
  const total = lens[steps] as number;
  const pts: CurvePoint[] = [];
  let j = 1;
  for (let i = 0; i < n; i++) {
    const target = n === 1 ? total / 2 : (total * i) / (n - 1);
    while (j < steps && (lens[j] as number) < target) j++;
    const l0 = lens[j - 1] as number;
    const l1 = lens[j] as number;
    const k = l1 > l0 ? (target - l0) / (l1 - l0) : 0;
    const t = (ts[j - 1] as number) + ((ts[j] as number) - (ts[j - 1] as number)) * k;
    const dx = -rx * Math.sin(t);
    const dy = ry * Math.cos(t);
    pts.push({ x: cx + rx * Math.cos(t), y: cy + ry * Math.sin(t), angle: (Math.atan2(dy, dx) * 180) / Math.PI });
  }
  return pts;
}

/** Points along a straight line (ends included). */
export function linePoints(x0: number, y0: number, x1: number, y1: number, n: number): CurvePoint[] {
  const angle = (Math.atan2(y1 - y0, x1 - x0) * 180) / Math.PI;
  return Array.from({ length: n }, (_, i) => {
    const t = n === 1 ? 0.5 : i / (n - 1);
    return { x: x0 + (x1 - x0) * t, y: y0 + (y1 - y0) * t, angle };
  });
}

export type LinkStyle = 'cable' | 'rope' | 'box' | 'curb' | 'fine';

/** Interlocking chain links along a curve. `size` is the link length. */
export function chainLinks(pts: CurvePoint[], pal: Palette, style: LinkStyle, size: number): string {
  return pts
    .map((p, i) => {
      const rot = `transform="rotate(${f(p.angle)} ${f(p.x)} ${f(p.y)})"`;
      if (style === 'rope')
        return `<ellipse cx="${f(p.x)}" cy="${f(p.y)}" rx="${f(size * 0.55)}" ry="${f(size * 0.3)}" fill="${i % 2 ? pal.base : pal.light}" stroke="${pal.dark}" stroke-width="1.2" transform="rotate(${f(p.angle + 40)} ${f(p.x)} ${f(p.y)})"/>`;
      if (style === 'box')
        return `<rect x="${f(p.x - size / 2)}" y="${f(p.y - size / 2)}" width="${f(size)}" height="${f(size)}" fill="${pal.base}" stroke="${pal.dark}" stroke-width="1.4" ${rot}/><rect x="${f(p.x - size / 5)}" y="${f(p.y - size / 5)}" width="${f(size / 2.5)}" height="${f(size / 2.5)}" fill="${pal.dark}" ${rot}/>`;
      const flat = i % 2 === 1;
      const w = style === 'curb' ? size * 0.22 : style === 'fine' ? size * 0.1 : size * 0.16;
      const ry = flat ? size * 0.14 : style === 'curb' ? size * 0.42 : size * 0.34;
      const outline = `<ellipse cx="${f(p.x)}" cy="${f(p.y)}" rx="${f(size * 0.6)}" ry="${f(ry)}" fill="none" stroke="${pal.dark}" stroke-width="${f(w + 2)}" ${rot}/>`;
      const metal = `<ellipse cx="${f(p.x)}" cy="${f(p.y)}" rx="${f(size * 0.6)}" ry="${f(ry)}" fill="none" stroke="${flat ? pal.base : pal.light}" stroke-width="${f(w)}" ${rot}/>`;
      return outline + metal;
    })
    .join('');
}

/** A filled ring between two circles. */
export function annulus(cx: number, cy: number, r1: number, r2: number, fill: string, stroke: string, sw = 2): string {
  const circle = (r: number) => `M${f(cx - r)} ${f(cy)} a${f(r)} ${f(r)} 0 1 0 ${f(2 * r)} 0 a${f(r)} ${f(r)} 0 1 0 ${f(-2 * r)} 0Z`;
  return `<path d="${circle(r1)} ${circle(r2)}" fill="${fill}" fill-rule="evenodd" stroke="${stroke}" stroke-width="${sw}"/>`;
}

/** Petals around a centre, as metal ellipses. */
export function petals(cx: number, cy: number, n: number, dist: number, len: number, pal: Palette, start = 0): string {
  let out = '';
  for (let i = 0; i < n; i++) {
    const a = start + (360 * i) / n;
    const rad = (a * Math.PI) / 180;
    const x = cx + dist * Math.cos(rad);
    const y = cy + dist * Math.sin(rad);
    out += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(len)}" ry="${f(len * 0.55)}" fill="${pal.base}" stroke="${pal.dark}" stroke-width="2" transform="rotate(${f(a)} ${f(x)} ${f(y)})"/>`;
  }
  return out;
}

/** A small ghungroo bell hanging from (x, y). */
export function ghungroo(x: number, y: number, r: number, pal: Palette): string {
  return (
    `<line x1="${f(x)}" y1="${f(y)}" x2="${f(x)}" y2="${f(y + r)}" stroke="${pal.dark}" stroke-width="1.5"/>` +
    bead(x, y + r * 1.9, r, pal) +
    `<line x1="${f(x - r * 0.6)}" y1="${f(y + r * 2.3)}" x2="${f(x + r * 0.6)}" y2="${f(y + r * 2.3)}" stroke="${pal.dark}" stroke-width="1.5"/>`
  );
}

/** Heart outline points (classic parametric heart), centred on (cx, cy). */
export function heartPoints(cx: number, cy: number, scale: number, n: number): CurvePoint[] {
  const pts: CurvePoint[] = [];
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    const x = 16 * Math.sin(t) ** 3;
    const y = -(13 * Math.cos(t) - 5 * Math.cos(2 * t) - 2 * Math.cos(3 * t) - Math.cos(4 * t));
    pts.push({ x: cx + x * scale, y: cy + y * scale, angle: 0 });
  }
  return pts;
}

export function polyline(pts: CurvePoint[], closed: boolean): string {
  const d = pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${f(p.x)} ${f(p.y)}`).join(' ');
  return closed ? `${d}Z` : d;
}

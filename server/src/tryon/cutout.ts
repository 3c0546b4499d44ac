/** Loaded on first use, not at every server start (~0.25 s). */
export async function loadSharp() {
  const { default: sharp } = await import('sharp');
  return sharp;
}

/** Colour distance (RGB, Euclidean) under which a pixel counts as the backdrop. */
export const BACKDROP_TOLERANCE = 42;
/** An enclosed backdrop-coloured region at least this share of the image is a hole, not part of the piece. */
export const HOLE_MIN_AREA = 0.01;
/** A cut-out of earrings this much wider than tall shows the pair. */
const PAIR_ASPECT = 1.5;
/** Corners this different from each other mean there is no plain backdrop to remove. */
const CORNER_SPREAD_MAX = 60;

export interface Cutout {
  /** PNG with alpha, trimmed to the piece. */
  png: Buffer;
  width: number;
  height: number;
  /** False when the photo had no plain backdrop (corners differ): the piece is placed uncut. */
  removed: boolean;
}

const dist = (d: Buffer, i: number, c: readonly number[]) => Math.hypot((d[i] ?? 0) - (c[0] ?? 0), (d[i + 1] ?? 0) - (c[1] ?? 0), (d[i + 2] ?? 0) - (c[2] ?? 0));

/**
 * The product photo with its plain backdrop made transparent. Method: the backdrop colour is the
 * mean of the four corner pixels (refused as "not plain" when the corners differ by more than
 * CORNER_SPREAD_MAX); a flood fill from every border pixel takes each connected pixel within
 * BACKDROP_TOLERANCE of it; enclosed regions of that colour (the inside of a bangle) go too when
 * they cover at least HOLE_MIN_AREA of the image, smaller ones (a white stone) stay; pixels of the
 * piece touching the backdrop get a soft edge, their alpha rising with their distance from the
 * backdrop colour (tolerance → 2 × tolerance); then the result is trimmed to the opaque pixels.
 */
export async function cutOut(image: Buffer): Promise<Cutout> {
  const sharp = await loadSharp();
  const { data, info } = await sharp(image).rotate().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const { width: w, height: h } = info;
  const px = (x: number, y: number) => (y * w + x) * 4;
  const corners = [px(0, 0), px(w - 1, 0), px(0, h - 1), px(w - 1, h - 1)];
  const bg = [0, 1, 2].map((k) => corners.reduce((n, i) => n + (data[i + k] ?? 0), 0) / 4);
  const spread = Math.max(...corners.map((i) => dist(data, i, bg)));
  const transparentCorners = corners.every((i) => (data[i + 3] ?? 255) < 16);
  let removed = false;
  if (!transparentCorners && spread <= CORNER_SPREAD_MAX) {
    removed = true;
    const isBg = new Uint8Array(w * h);
    const stack: number[] = [];
    const push = (x: number, y: number) => {
      const k = y * w + x;
      if (isBg[k] || dist(data, k * 4, bg) > BACKDROP_TOLERANCE) return;
      isBg[k] = 1;
      stack.push(k);
    };
    for (let x = 0; x < w; x++) {
      push(x, 0);
      push(x, h - 1);
    }
    for (let y = 0; y < h; y++) {
      push(0, y);
      push(w - 1, y);
    }
    while (stack.length) {
      const k = stack.pop() as number;
      const x = k % w;
      const y = (k - x) / w;
      if (x > 0) push(x - 1, y);
      if (x < w - 1) push(x + 1, y);
      if (y > 0) push(x, y - 1);
      if (y < h - 1) push(x, y + 1);
    }
    // Holes: backdrop-coloured regions the piece encloses (inside a bangle) go too when large
    // enough; small ones (a white stone, a highlight) are part of the piece.
    const minHole = Math.max(16, Math.round(w * h * HOLE_MIN_AREA));
    const seen = new Uint8Array(w * h);
    for (let s = 0; s < w * h; s++) {
      if (isBg[s] || seen[s] || dist(data, s * 4, bg) > BACKDROP_TOLERANCE) continue;
      const region: number[] = [s];
      seen[s] = 1;
      for (let i = 0; i < region.length; i++) {
        const k = region[i] as number;
        const x = k % w;
        for (const n of [x > 0 ? k - 1 : -1, x < w - 1 ? k + 1 : -1, k - w, k + w]) {
          if (n < 0 || n >= w * h || seen[n] || isBg[n] || dist(data, n * 4, bg) > BACKDROP_TOLERANCE) continue;
          seen[n] = 1;
          region.push(n);
        }
      }
      if (region.length >= minHole) for (const k of region) isBg[k] = 1;
    }
    for (let k = 0; k < w * h; k++) {
      const a = k * 4 + 3;
      if (isBg[k]) {
        data[a] = 0;
        continue;
      }
      const x = k % w;
      const y = (k - x) / w;
      const edge = (x > 0 && isBg[k - 1]) || (x < w - 1 && isBg[k + 1]) || (y > 0 && isBg[k - w]) || (y < h - 1 && isBg[k + w]);
      if (edge) {
        const t = Math.min(1, Math.max(0, (dist(data, k * 4, bg) - BACKDROP_TOLERANCE) / BACKDROP_TOLERANCE));
        data[a] = Math.round(Math.min(data[a] ?? 255, 96 + 159 * t));
      }
    }
  }
  const box = opaqueBox(data, w, h, 0, w);
  if (!box) return { png: await sharp(data, { raw: { width: w, height: h, channels: 4 } }).png().toBuffer(), width: w, height: h, removed };
  const png = await sharp(data, { raw: { width: w, height: h, channels: 4 } }).extract(box).png().toBuffer();
  return { png, width: box.width, height: box.height, removed };
}

/** The box around the pixels more than faintly opaque, between columns x0 and x1; null when none. sharp's trim() keys on colour, not alpha. */
function opaqueBox(data: Buffer, w: number, h: number, from: number, to: number): { left: number; top: number; width: number; height: number } | null {
  let x0 = to;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < h; y++) {
    for (let x = from; x < to; x++) {
      if ((data[(y * w + x) * 4 + 3] ?? 0) > 16) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return x1 < 0 ? null : { left: x0, top: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/**
 * One earring of a product photo that shows the pair side by side (much wider than tall): the
 * left one, trimmed. A photo of a single earring comes back unchanged.
 */
export async function oneOfPair(cut: Cutout): Promise<Cutout> {
  if (cut.width < cut.height * PAIR_ASPECT) return cut;
  const sharp = await loadSharp();
  const { data, info } = await sharp(cut.png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const box = opaqueBox(data, info.width, info.height, 0, Math.floor(info.width / 2));
  if (!box) return cut;
  const png = await sharp(cut.png).extract(box).png().toBuffer();
  return { ...cut, png, width: box.width, height: box.height };
}

/** Pictures for the try-on tests, drawn with sharp. */
import sharp from 'sharp';

/** A product shot: a red disc (a ring of metal, a hole of white inside) on a white backdrop; `hole` is the hole's radius over the image size. */
export async function productImage(size = 200, hole = 0.1): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><rect width="100%" height="100%" fill="#fdfdfd"/>
<circle cx="${size / 2}" cy="${size / 2}" r="${size * 0.3}" fill="#d01010"/><circle cx="${size / 2}" cy="${size / 2}" r="${size * hole}" fill="#ffffff"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** A shopper's "photo": flat blue, so any red pixel is the piece. */
export async function shopperPhoto(width = 800, height = 1000, format: 'jpeg' | 'png' | 'webp' = 'jpeg'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#2050c0' } })[format]().toBuffer();
}

import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTempServer, type TempServer } from '../../../test/helpers/temp-server.js';
import { publicMediaPath } from './index.js';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 2)]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x20, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(40, 3)]);

/** A raw request: the path goes out exactly as written (fetch would resolve "..", even encoded). */
function get(port: number, path: string, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('public media route', () => {
  let server: TempServer;
  let products: string;
  const at = (path: string, method?: string) => get(server.publicPort, path, method);

  beforeAll(async () => {
    server = await startTempServer();
    const media = join(server.dataDir, 'media');
    products = join(media, 'products');
    mkdirSync(join(products, 'SJ-RNG-0001'), { recursive: true });
    mkdirSync(join(products, 'folder.png'));
    mkdirSync(join(media, 'private'));
    writeFileSync(join(products, 'SJ-RNG-0001.png'), PNG);
    writeFileSync(join(products, 'SJ-RNG-0001', 'side view.jpg'), JPEG);
    writeFileSync(join(products, 'SJ-NCK-0002.webp'), WEBP);
    writeFileSync(join(products, 'renamed.png'), JPEG);
    writeFileSync(join(products, 'not-an-image.png'), '<svg onload="alert(1)"></svg>');
    writeFileSync(join(products, 'notes.txt'), 'hello');
    writeFileSync(join(products, '.hidden.png'), PNG);
    writeFileSync(join(media, 'private', 'secret.png'), PNG);
    writeFileSync(join(media, 'outside.png'), PNG);
    writeFileSync(join(server.dataDir, 'outside.png'), PNG);
    symlinkSync(join(media, 'private', 'secret.png'), join(products, 'link.png'));
    symlinkSync(join(media, 'private'), join(products, 'linked-dir'));
  });
  afterAll(() => server.stop());

  it('serves a product PNG with its type, length and a short public cache', async () => {
    const res = await at('/media/products/SJ-RNG-0001.png');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-length']).toBe(String(PNG.length));
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body.equals(PNG)).toBe(true);
  });

  it('serves JPEG and WebP, nested names with spaces, and HEAD; the type comes from the content', async () => {
    const jpg = await at(publicMediaPath('products/SJ-RNG-0001/side view.jpg'));
    expect(jpg.status).toBe(200);
    expect(jpg.headers['content-type']).toBe('image/jpeg');
    expect((await at('/media/products/SJ-NCK-0002.webp')).headers['content-type']).toBe('image/webp');
    expect((await at('/media/products/renamed.png')).headers['content-type']).toBe('image/jpeg');
    const head = await at('/media/products/SJ-RNG-0001.png', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(PNG.length));
    expect(head.body.length).toBe(0);
  });

  it.each([
    ['missing file', '/media/products/nope.png'],
    ['not an image by content', '/media/products/not-an-image.png'],
    ['not an image by extension', '/media/products/notes.txt'],
    ['hidden file', '/media/products/.hidden.png'],
    ['directory', '/media/products/SJ-RNG-0001'],
    ['directory with a slash', '/media/products/SJ-RNG-0001/'],
    ['directory named like an image', '/media/products/folder.png'],
    ['folder root', '/media/products/'],
    ['media root', '/media/'],
    ['folder not listed as public', '/media/private/secret.png'],
    ['file directly under media', '/media/outside.png'],
    ['symlink to a file outside the folder', '/media/products/link.png'],
    ['symlinked directory outside the folder', '/media/products/linked-dir/secret.png'],
    ['dot-dot', '/media/products/../private/secret.png'],
    ['dot-dot to the data dir', '/media/products/../../outside.png'],
    ['dot-dot above the folder name', '/media/../outside.png'],
    ['encoded dot-dot', '/media/products/%2e%2e/private/secret.png'],
    ['encoded dot-dot, capitals', '/media/products/%2E%2E/%2E%2E/outside.png'],
    ['encoded slashes', '/media/products/..%2f..%2foutside.png'],
    ['encoded backslashes', '/media/products/..%5c..%5coutside.png'],
    ['double-encoded dot-dot', '/media/products/%252e%252e/private/secret.png'],
    ['encoded absolute path', '/media/products/%2Fetc%2Fpasswd'],
    ['absolute path after the prefix', '/media//etc/passwd'],
    ['absolute path in the folder', '/media/products//etc/hostname'],
    ['NUL byte', '/media/products/SJ-RNG-0001.png%00.txt'],
    ['malformed escape', '/media/products/%E0%A4%A.png'],
    ['the database', '/media/products/../../revive.sqlite'],
  ])('404 for %s', async (_what, path) => {
    const res = await at(path);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers only GET and HEAD', async () => {
    expect((await at('/media/products/SJ-RNG-0001.png', 'POST')).status).toBe(404);
    expect((await at('/media/products/SJ-RNG-0001.png', 'DELETE')).status).toBe(404);
  });

  it('is not on the admin listener', async () => {
    expect((await server.api('/media/products/SJ-RNG-0001.png')).headers.get('content-type')).not.toBe('image/png');
  });
});

import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docx } from '../../../test/helpers/knowledge-docs.js';
import { startTempServer, type TempServer } from '../../../test/helpers/temp-server.js';
import { KnowledgeSourceListSchema, KnowledgeSourceSchema, knowledgeUploads } from '../contracts/index.js';

let server: TempServer;
beforeAll(async () => {
  server = await startTempServer();
}, 60_000);
afterAll(() => server?.stop());

const MB = 1024 * 1024;

/**
 * POSTs `total` bytes to the upload route in 1 MB pieces (never holding them all), with or without
 * a Content-Length, and resolves with the response as soon as it comes (the server may answer and
 * close before the body is all sent). `sent` is how many bytes were written by then.
 */
function bigUpload(total: number, withLength: boolean): Promise<{ status: number; body: unknown; sent: number }> {
  const piece = Buffer.alloc(MB, 0x61);
  return new Promise((resolve, reject) => {
    let sent = 0;
    const req = request(
      {
        host: '127.0.0.1',
        port: server.adminPort,
        method: 'POST',
        path: `${knowledgeUploads.uploadKnowledgeFile.path}?name=huge.txt`,
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/octet-stream', ...(withLength ? { 'content-length': String(total) } : {}) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown, sent }));
        res.on('error', reject);
      },
    );
    req.on('error', () => undefined); // the server closes the connection on a refused upload: writes after that fail, expectedly
    const write = () => {
      while (sent < total && !req.destroyed) {
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', write);
      }
      if (!req.destroyed) req.end();
    };
    write();
  });
}

describe('uploading a file too large', () => {
  it('refuses a 200 MB upload by its Content-Length with a 413 before reading it, and keeps serving', async () => {
    const r = await bigUpload(200 * MB, true);
    expect(r.status).toBe(413);
    expect(r.body).toEqual({ error: { code: 'payload_too_large', message: 'The file is 200 MB; the largest accepted is 25 MB' } });
    expect(r.sent).toBeLessThan(200 * MB);
    const health = await server.api('/api/health');
    expect(health.status).toBe(200);
  }, 120_000);

  it('refuses a 200 MB upload sent without a Content-Length once it passes 25 MB, and keeps serving', async () => {
    const r = await bigUpload(200 * MB, false);
    expect(r.status).toBe(413);
    expect(r.body).toEqual({ error: { code: 'payload_too_large', message: 'The file is larger than 25 MB, the largest accepted' } });
    expect(r.sent).toBeLessThan(200 * MB);
    expect((await server.api('/api/health')).status).toBe(200);
    const list = KnowledgeSourceListSchema.parse(await (await server.api('/api/knowledge/sources')).json());
    expect(list.sources).toEqual([]);
  }, 120_000);

  it('takes a real Word file sent as the body, and refuses a body that is not application/octet-stream', async () => {
    const body = await docx([{ heading: 1, text: 'Shipping' }, { para: 'Orders above ₹25,000 ship free, insured.' }]);
    const up = await server.api('/api/knowledge/sources/file?name=shipping.docx', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body });
    expect(up.status).toBe(200);
    expect(KnowledgeSourceSchema.parse(await up.json())).toMatchObject({ name: 'shipping.docx', status: 'ready', chunks: 1 });
    const form = await server.api('/api/knowledge/sources/file?name=x.txt', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(form.status).toBe(415);
    expect(await form.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
  }, 60_000);

  it('still takes a file under the limit and pasted text', async () => {
    const up = await server.api('/api/knowledge/sources/file?name=care.txt', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: 'Store silver in an airtight pouch to keep it from tarnishing.' });
    expect(KnowledgeSourceSchema.parse(await up.json())).toMatchObject({ name: 'care.txt', status: 'ready', chunks: 1 });
    const text = await server.api('/api/knowledge/sources/text', { method: 'POST', json: { name: 'Hours', text: 'We open at 10:30 every day except Tuesday.' } });
    expect(KnowledgeSourceSchema.parse(await text.json())).toMatchObject({ name: 'Hours', kind: 'text', status: 'ready' });
  }, 60_000);
});

import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli.js';
import { tempDir } from '../../../test/helpers/temp-server.js';

let root: string;
let data: string;

beforeAll(async () => {
  root = tempDir('revive-knowledge-cli-');
  data = join(root, 'store');
  const init = await runCli(['init', '--demo', '--data', data, '--json']);
  expect(init.code).toBe(0);
  expect(JSON.parse(init.stdout)).toMatchObject({ store: { policies: 6 } });
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const one = (stdout: string): Record<string, unknown> => {
  expect(stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(stdout) as Record<string, unknown>;
};

describe('revive ask', () => {
  it('answers from the demo policies loaded by init --demo, with source and location', async () => {
    const r = await runCli(['ask', 'do you ship outside India?', '--data', data, '--json']);
    expect(r.code).toBe(0);
    const out = one(r.stdout) as { answerable: boolean; passages: Record<string, unknown>[] };
    expect(Object.keys(out)).toEqual(['answerable', 'passages']);
    expect(out.answerable).toBe(true);
    expect(out.passages.length).toBeGreaterThan(0);
    for (const p of out.passages) expect(Object.keys(p)).toEqual(['text', 'source', 'location', 'score']);
    expect(out.passages[0]).toMatchObject({ source: 'shipping.md', location: 'Shipping and Delivery › Where we deliver', text: expect.stringContaining('We do not ship outside India') });
  }, 60_000);

  it('says answerable:false for a question the documents cannot answer', async () => {
    const r = await runCli(['ask', 'what is the capital of France?', '--data', data, '--json']);
    expect(r.code).toBe(0);
    expect(one(r.stdout)).toMatchObject({ answerable: false });
  }, 60_000);
});

describe('revive import knowledge', () => {
  it('imports a text file and returns once indexed; the same file again is the same source', async () => {
    const file = join(root, 'festive-faq.txt');
    writeFileSync(file, 'Gift wrapping is free on every order during Diwali.\n\nWe are closed on Holi.');
    const r = await runCli(['import', 'knowledge', file, '--data', data, '--json']);
    expect(r.code).toBe(0);
    const out = one(r.stdout) as { source: Record<string, unknown>; error: unknown };
    expect(Object.keys(out)).toEqual(['source', 'error']);
    expect(Object.keys(out.source)).toEqual(['id', 'name', 'kind', 'status', 'chunks']);
    expect(out).toMatchObject({ source: { name: 'festive-faq.txt', kind: 'file', status: 'ready', chunks: 1 }, error: null });
    const again = one((await runCli(['import', 'knowledge', file, '--data', data, '--json'])).stdout) as { source: { id: number } };
    expect(again.source.id).toBe((out.source as { id: number }).id);
    const asked = one((await runCli(['ask', 'is gift wrapping free?', '--data', data, '--json'])).stdout) as { answerable: boolean; passages: { source: string }[] };
    expect(asked.answerable).toBe(true);
    expect(asked.passages[0]?.source).toBe('festive-faq.txt');
  }, 60_000);

  it('prints a failed source with the reason and exits 1 for a PDF and for a website', async () => {
    const pdf = join(root, 'policy.pdf');
    writeFileSync(pdf, '%PDF-1.7\n%binary');
    const r = await runCli(['import', 'knowledge', pdf, '--data', data, '--json']);
    expect(r.code).toBe(1);
    expect(one(r.stdout)).toMatchObject({ source: { name: 'policy.pdf', status: 'failed', chunks: 0 }, error: 'PDF files are not supported yet' });
    const web = await runCli(['import', 'knowledge', 'https://shop.example/returns', '--data', data, '--json']);
    expect(web.code).toBe(1);
    expect(one(web.stdout)).toMatchObject({ source: { kind: 'url', status: 'failed' }, error: 'Website sources are not supported yet' });
  }, 60_000);

  it('a missing file is a not_found error', async () => {
    const r = await runCli(['import', 'knowledge', join(root, 'nope.md'), '--data', data, '--json']);
    expect(r.code).toBe(1);
    expect(one(r.stdout)).toMatchObject({ error: { code: 'not_found' } });
  }, 60_000);
});

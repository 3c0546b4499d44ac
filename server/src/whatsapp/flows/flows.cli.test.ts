import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../test/helpers/cli.js';
import { tempDir } from '../../../../test/helpers/temp-server.js';
import type { ChatResult } from '../../contracts/index.js';
import { openApp } from '../../main.js';

/** A Flow completion (`nfm_reply`) goes through `revive chat --payload` like any shopper message. */
let root: string;
let data: string;
const FROM = '+919812300077';

beforeAll(async () => {
  root = tempDir('revive-flows-cli-');
  data = join(root, 'store');
  expect((await runCli(['init', '--demo', '--data', data, '--json'])).code).toBe(0);
}, 90_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

function completion(name: string, response: Record<string, unknown>): string {
  const file = join(root, `${name}.json`);
  writeFileSync(file, JSON.stringify({ type: 'interactive', interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: JSON.stringify(response) } } }));
  return file;
}

describe('revive chat --payload with a Flow completion', () => {
  it('a booking form completed: the visit is booked for the chosen time and service, and listed', async () => {
    const app = openApp({ dataDir: data, logLevel: 'silent', backupsEnabled: false });
    const slot = app.services.appointments.freeSlots({ days: 14 }).flatMap((d) => d.slots)[0]!;
    app.close();
    const file = completion('booking', { flow_token: 'unknown-token', date: slot.start.slice(0, 10), start: slot.start, service: 'repair' });
    const r = await runCli(['chat', '--payload', file, '--data', data, '--from', FROM, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as ChatResult;
    expect(out.events.find((e) => e.type === 'TOOL' && (e.data as { name?: string }).name === 'flow_completion')?.detail).toContain('Visit booked for');

    const list = await runCli(['appointments', 'list', '--data', data, '--json']);
    const { appointments } = JSON.parse(list.stdout) as { appointments: { contact: string; start: string; service: string; status: string }[] };
    expect(appointments).toEqual([expect.objectContaining({ contact: FROM, start: slot.start, service: 'repair', status: 'booked' })]);
  }, 60_000);

  it('a feedback form completed: the rating is recorded for the shopper', async () => {
    const r = await runCli(['chat', '--payload', completion('feedback', { flow_token: 'fb-unknown', rating: '2', comment: 'The clasp was loose' }), '--data', data, '--from', FROM, '--json']);
    expect(r.code).toBe(0);
    const app = openApp({ dataDir: data, logLevel: 'silent', backupsEnabled: false });
    try {
      const rows = app.db.prepare('select rating, comment, source from feedback').all();
      expect(rows).toEqual([{ rating: 2, comment: 'The clasp was loose', source: 'flow' }]);
    } finally {
      app.close();
    }
  }, 60_000);
});

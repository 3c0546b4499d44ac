import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli.js';
import { tempDir } from '../../../test/helpers/temp-server.js';

const FILE = 'Sr,Customer Name,Phone No,Total Purchase,Karigar\n1,Asha,98765 43210,"2,50,000",Ramesh\n2,Ravi,919811122233,50k,\n3,Bad,abc,,\n4,Asha again,+91 98765 43210,,\n';

describe('revive import contacts / revive contacts list', () => {
  it('prints the documented report, changes nothing the second time, and lists contacts by segment', { timeout: 180_000 }, async () => {
    const data = join(tempDir(), 'store');
    expect((await runCli(['init', '--data', data, '--empty'])).code).toBe(0);
    const file = join(tempDir(), 'customers.csv');
    writeFileSync(file, FILE);

    const r = await runCli(['import', 'contacts', file, '--data', data, '--map', 'Karigar=custom:Karigar,Sr=', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out).slice(0, 5)).toEqual(['created', 'merged', 'unchanged', 'rejected', 'mapping']);
    expect(out).toMatchObject({
      created: 2, merged: 1, unchanged: 0,
      rejected: [{ row: 4, reason: 'Phone No: "abc" is not a phone number' }],
      mapping: { Sr: null, 'Customer Name': 'name', 'Phone No': 'phone', 'Total Purchase': 'totalSpend', Karigar: 'custom:Karigar' },
    });

    const again = JSON.parse((await runCli(['import', 'contacts', file, '--data', data, '--map', 'Karigar=custom:Karigar,Sr=', '--json'])).stdout) as Record<string, unknown>;
    expect(again).toMatchObject({ created: 0, merged: 0, unchanged: 3 });

    const list = await runCli(['contacts', 'list', '--data', data, '--segment', 'Big Spenders', '--json']);
    expect(list.code, list.stderr).toBe(0);
    const { contacts } = JSON.parse(list.stdout) as { contacts: { phone: string; name: string; tags: string[]; totalSpend: number; custom: Record<string, string> }[] };
    expect(contacts).toEqual([expect.objectContaining({ phone: '+919876543210', name: 'Asha again', tags: [], totalSpend: 250000, custom: { Karigar: 'Ramesh' } })]);

    const bad = await runCli(['contacts', 'list', '--data', data, '--segment', 'Nope', '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ error: { code: 'not_found' } });
    const badMap = await runCli(['import', 'contacts', file, '--data', data, '--map', 'Karigar=shoe', '--json']);
    expect(badMap.code).toBe(2);
  });
});

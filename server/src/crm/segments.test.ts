import { describe, expect, it } from 'vitest';
import type { SegmentRule } from '../contracts/index.js';
import { segmentSql } from './contact-query.js';
import { audienceKit } from './test-kit.js';

const NOW = new Date('2026-03-01T09:00:00.000Z');
const FILE = [
  'Name,Phone,Total Purchase,City,Birthday,Anniversary,Last Purchase,Tags,Opt-in',
  'Asha,9876500001,"1,50,000",Pune,05/03/1990,,20/02/2026,VIP,yes',
  'Bina,9876500002,0,,,,,,',
  'Chetan,9876500003,"50,000",Mumbai,,20 Mar,,,no',
].join('\n');

async function seeded() {
  const k = audienceKit({ now: NOW });
  await k.crm.imports.importFile(k.file('s.csv', FILE));
  const id = (name: string) => k.contacts.all().find((c) => c.name === name)?.id as number;
  for (let i = 0; i < 5; i += 1) k.contacts.recordInbound(id('Asha'), `2026-02-25T10:0${i}:00.000Z`);
  for (let i = 0; i < 6; i += 1) k.contacts.recordInbound(id('Bina'), `2026-01-01T10:0${i}:00.000Z`);
  // A simulator shopper: never counted, though "never messaged" would match Cold Leads.
  k.contacts.upsertFromWhatsApp({ waId: '919999900001', name: 'Test', isTest: true });
  const names = (rules: SegmentRule[], match: 'all' | 'any' = 'all') => k.contacts.all({ segment: segmentSql(match, rules, NOW), sort: 'name' }).map((c) => c.name);
  return { ...k, names };
}

describe('segments', () => {
  it('evaluates every operator in SQL', async () => {
    const { names } = await seeded();
    const cases: [SegmentRule, string[]][] = [
      [{ field: 'totalSpend', op: 'gte', value: 100000 }, ['Asha']],
      [{ field: 'totalSpend', op: 'lte', value: '₹50,000' }, ['Bina', 'Chetan']],
      [{ field: 'totalSpend', op: 'eq', value: 0 }, ['Bina']],
      [{ field: 'totalSpend', op: 'top', value: 1 }, ['Asha']],
      [{ field: 'totalSpend', op: 'isEmpty', value: null }, ['Bina']],
      [{ field: 'messageCount', op: 'gte', value: 5 }, ['Asha', 'Bina']],
      [{ field: 'lastMessageAt', op: 'withinDays', value: 30 }, ['Asha']],
      [{ field: 'lastMessageAt', op: 'olderThanDays', value: 30 }, ['Bina', 'Chetan']],
      [{ field: 'lastPurchaseAt', op: 'withinDays', value: 30 }, ['Asha']],
      [{ field: 'lastPurchaseAt', op: 'isEmpty', value: null }, ['Bina', 'Chetan']],
      [{ field: 'tags', op: 'has', value: '#vip' }, ['Asha']],
      [{ field: 'tags', op: 'notHas', value: 'VIP' }, ['Bina', 'Chetan']],
      [{ field: 'tags', op: 'contains', value: 'i' }, ['Asha']],
      [{ field: 'tags', op: 'isEmpty', value: null }, ['Bina', 'Chetan']],
      [{ field: 'city', op: 'eq', value: 'pune' }, ['Asha']],
      [{ field: 'city', op: 'contains', value: 'mum' }, ['Chetan']],
      [{ field: 'city', op: 'isEmpty', value: null }, ['Bina']],
      [{ field: 'birthday', op: 'inNextDays', value: 7 }, ['Asha']],
      [{ field: 'anniversary', op: 'inNextDays', value: 30 }, ['Chetan']],
      [{ field: 'anniversary', op: 'inNextDays', value: 7 }, []],
      [{ field: 'optIn', op: 'eq', value: 'opted_out' }, ['Chetan']],
      [{ field: 'source', op: 'eq', value: 'import' }, ['Asha', 'Bina', 'Chetan']],
    ];
    for (const [rule, expected] of cases) expect(names([rule]), `${rule.field} ${rule.op} ${String(rule.value)}`).toEqual(expected);
    expect(names([{ field: 'city', op: 'eq', value: 'Pune' }, { field: 'totalSpend', op: 'eq', value: 0 }], 'any')).toEqual(['Asha', 'Bina']);
    expect(names([{ field: 'city', op: 'eq', value: 'Pune' }, { field: 'totalSpend', op: 'eq', value: 0 }], 'all')).toEqual([]);
  });

  it('refuses a rule that does not fit its field', async () => {
    const { crm } = await seeded();
    expect(() => crm.segments.count({ name: 'x', rules: [{ field: 'tags', op: 'gte', value: 3 }] })).toThrow(/not a tag rule/);
    expect(() => crm.segments.count({ name: 'x', rules: [{ field: 'totalSpend', op: 'gte', value: 'lots' }] })).toThrow(/needs a number/);
  });

  it('comes with Big Spenders, Window Shoppers and Cold Leads, counted live without test shoppers; editable, not deletable', async () => {
    const { crm } = await seeded();
    const counts = Object.fromEntries(crm.segments.list().segments.map((s) => [s.name, [s.count, s.builtIn]]));
    expect(counts).toEqual({ 'Big Spenders': [1, true], 'Cold Leads': [2, true], 'Window Shoppers': [1, true] });
    const big = crm.segments.find('Big Spenders');
    expect(() => crm.segments.delete(big.id)).toThrow(/built in/);
    const edited = crm.segments.update(big.id, { ...big, rules: [{ field: 'totalSpend', op: 'gte', value: 40000 }] });
    expect(edited).toMatchObject({ count: 2, builtIn: true });
    expect(crm.segments.count({ name: 'draft', rules: [{ field: 'city', op: 'eq', value: 'Mumbai' }] })).toEqual({ count: 1 });
  });

  it('saves, renames and deletes the owner’s segments; names are unique', async () => {
    const { crm } = await seeded();
    const s = crm.segments.create({ name: 'Pune', rules: [{ field: 'city', op: 'eq', value: 'Pune' }] });
    expect(s).toMatchObject({ name: 'Pune', count: 1, builtIn: false, match: 'all', description: '' });
    expect(() => crm.segments.create({ name: 'pune', rules: [] })).toThrow(/already a segment/);
    expect(crm.segments.delete(s.id)).toEqual({ deleted: 1 });
    expect(() => crm.segments.get(s.id)).toThrow(/no segment/);
  });
});

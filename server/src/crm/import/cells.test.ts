import { describe, expect, it } from 'vitest';
import { dateOrderOf, readDay, readMoney, readOptIn, readPhone, readTags } from './cells.js';

const value = <T>(r: { ok: true; value: T } | { ok: false; reason: string }) => (r.ok ? r.value : `ERR ${r.reason}`);

describe('contact cells', () => {
  it('reads one number in every way a shop file holds it', () => {
    for (const cell of ['98765 43210', '+91-98765-43210', '098765 43210', '919876543210', "'+919876543210", 9876543210, 919876543210]) expect(value(readPhone(cell)), String(cell)).toBe('+919876543210');
    expect(readPhone('98765 43210 / 98111 22233')).toEqual({ ok: true, value: '+919876543210', note: 'several numbers in one cell; kept the first (+919876543210)' });
    expect(value(readPhone('022 2654 3210'))).toBe('+912226543210');
    expect(value(readPhone('9.19876E+11'))).toMatch(/^ERR .*Excel shortened/);
    expect(value(readPhone(98765.5))).toMatch(/^ERR/);
  });

  it('reads rupees as written, saying when a word was read as a number', () => {
    expect(value(readMoney('₹1,25,000'))).toBe(125000);
    expect(value(readMoney('1,25,000'))).toBe(125000);
    expect(value(readMoney(125000.4))).toBe(125000);
    expect(readMoney('1.2 lakh')).toEqual({ ok: true, value: 120000, note: '"1.2 lakh" read as ₹1,20,000' });
    expect(value(readMoney('2 Cr'))).toBe(20_000_000);
    expect(value(readMoney('50k'))).toBe(50000);
    expect(value(readMoney('Rs. 45,000/-'))).toBe(45000);
    expect(value(readMoney('lots'))).toMatch(/^ERR/);
  });

  it('reads dates day-first, month names, Excel serials, and no-year days as MM-DD', () => {
    expect(value(readDay('14/05/1990'))).toBe('1990-05-14');
    expect(value(readDay('14-May-1990'))).toBe('1990-05-14');
    expect(value(readDay('May 14, 1990'))).toBe('1990-05-14');
    expect(value(readDay('14th May'))).toBe('05-14');
    expect(value(readDay('14/05'))).toBe('05-14');
    expect(value(readDay(33007))).toBe('1990-05-14');
    expect(value(readDay(new Date(Date.UTC(1990, 4, 14))))).toBe('1990-05-14');
    expect(value(readDay('05/14/1990', 'mdy'))).toBe('1990-05-14');
    expect(value(readDay('29/02/2023'))).toMatch(/^ERR/);
    expect(value(readDay('29 Feb'))).toBe('02-29');
    expect(dateOrderOf(['05/25/1990', '12/01/1991'])).toBe('mdy');
    expect(dateOrderOf(['05/06/1990', '25/01/1991', '12/31/1990'])).toBe('dmy');
  });

  it('reads yes/no and tag lists', () => {
    expect(['Yes', 'Y', 'opted in', 'haan'].map((t) => value(readOptIn(t)))).toEqual(['opted_in', 'opted_in', 'opted_in', 'opted_in']);
    expect(['No', 'STOP', 'DND', 'unsubscribed'].map((t) => value(readOptIn(t)))).toEqual(['opted_out', 'opted_out', 'opted_out', 'opted_out']);
    expect(value(readTags('#VIP #Bridal shopper, gold;  '))).toEqual(['VIP', 'BridalShopper', 'gold']);
  });
});

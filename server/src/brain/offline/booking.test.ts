import { describe, expect, it } from 'vitest';
import { dateOfDayWord, DAY_WORD } from '../../contracts/index.js';
import { dayFrom, timeFrom, visitChangeFrom } from './booking.js';

describe('dayFrom: the day a shopper names, as the booking tools take it', () => {
  it.each([
    ['I want to book a visit tomorrow', 'tomorrow'],
    ['kal aana hai', 'tomorrow'],
    ['aaj shaam ko', 'today'],
    ['day after tomorrow is better', 'day_after_tomorrow'],
    ['parso aa sakte hai?', 'day_after_tomorrow'],
    ['परसों आ सकते हैं', 'day_after_tomorrow'],
    ['can I come on Saturday?', 'saturday'],
    ['Sat 4pm?', 'saturday'],
    ['shanivar ko aayenge', 'saturday'],
    ['रविवार को खुला है?', 'sunday'],
    ['next wed around 11', 'wednesday'],
    ['guruvar 5 baje', 'thursday'],
    ['5 Dec at 4 pm', '--12-05'],
    ['on the 5th of December', '--12-05'],
    ['December 25th please', '--12-25'],
    ['dec 5', '--12-05'],
    ['5 दिसंबर को', '--12-05'],
    ['14 फ़रवरी', '--02-14'],
    ['5/12 ko', '--12-05'],
    ['05/01/2027 at 11', '2027-01-05'],
    ['on the 7th', '---07'],
    ['7th ko aaunga', '---07'],
    ['7 tarikh ko', '---07'],
    ['7 तारीख को', '---07'],
    ['what about the 7th?', '---07'],
    ['the 21st', '---21'],
  ])('%s → %s', (text, word) => {
    expect(dayFrom(text)).toBe(word);
    expect(DAY_WORD.test(word)).toBe(true);
  });

  it.each([
    'I want to book a visit',
    'sun, 4 baje aa sakte hai?', // "sun" is "listen"
    '2-3 designs dikhao',
    '4-5 baje',
    'may I come at 5?',
    'show me the 2nd one',
    'the 7th ring in the list',
    '22k gold bangles under 50,000',
    '5 pm',
    'dec 5 pm',
    '13/13',
  ])('names no day: %s', (text) => {
    expect(dayFrom(text)).toBeUndefined();
  });
});

describe('timeFrom: the time a shopper types, in 24-hour store time', () => {
  it.each([
    ['11:30', '11:30'],
    ['11.30 am', '11:30'],
    ['4pm', '16:00'],
    ['kal 4 baje', '16:00'],
    ['4 बजे', '16:00'],
    ['can I come at 7?', '19:00'],
    ['Saturday at 11', '11:00'],
    ['@6 tomorrow', '18:00'],
    ['5 Dec at 4 pm', '16:00'],
    ['on the 5th at 3', '15:00'],
    ['5/12 at 12', '12:00'],
  ])('%s → %s', (text, time) => {
    expect(timeFrom(text)).toBe(time);
  });

  it.each(['bangles at 22k', 'ring at 5 grams', 'necklace at 2 lakh', 'available at 2 stores', 'on the 5th', 'at 15', 'I want to book a visit'])('reads no time: %s', (text) => {
    expect(timeFrom(text)).toBeNull();
  });
});

describe('dateOfDayWord: a day word counted from the store’s today', () => {
  // 2026-12-02 is a Wednesday.
  const today = '2026-12-02';
  it.each([
    ['today', '2026-12-02'],
    ['tomorrow', '2026-12-03'],
    ['day_after_tomorrow', '2026-12-04'],
    ['wednesday', '2026-12-02'],
    ['saturday', '2026-12-05'],
    ['tuesday', '2026-12-08'],
    ['--12-25', '2026-12-25'],
    ['--12-01', '2027-12-01'],
    ['--02-29', '2028-02-29'],
    ['---05', '2026-12-05'],
    ['---01', '2027-01-01'],
    ['---31', '2026-12-31'],
    ['2027-01-05', '2027-01-05'],
  ])('%s → %s', (word, date) => {
    expect(dateOfDayWord(word, today)).toBe(date);
  });

  it('skips months without the day, and names no impossible day', () => {
    expect(dateOfDayWord('---31', '2027-02-10')).toBe('2027-03-31');
    expect(dateOfDayWord('---30', '2027-01-31')).toBe('2027-03-30');
    expect(dateOfDayWord('--02-30', today)).toBeNull();
    expect(dateOfDayWord('---32', today)).toBeNull();
    expect(dateOfDayWord('2026-02-30', today)).toBeNull();
    expect(dateOfDayWord('someday', today)).toBeNull();
  });
});

describe('visitChangeFrom: a change to a visit already booked', () => {
  it.each([
    ['please cancel my appointment', 'cancel'],
    ['cancel the visit', 'cancel'],
    ['nahi aa paungi, appointment cancel kar do', 'cancel'],
    ['cancel kar dijiye', 'cancel'],
    ['मेरी विज़िट रद्द कर दीजिए', 'cancel'],
    ['I need to reschedule', 'move'],
    ['can I change my appointment to Saturday?', 'move'],
    ['move my visit to 5 pm', 'move'],
    ['appointment ka time badal do', 'move'],
    ['time change karna hai', 'move'],
    ['can we postpone?', 'move'],
    ['विज़िट का समय बदल दीजिए', 'move'],
  ])('%s → %s', (text, change) => {
    expect(visitChangeFrom(text)).toBe(change);
  });

  it.each(['I want to book a visit tomorrow', 'can I book an appointment to change my ring size?', 'what is your cancellation policy?', 'I had to cancel last time, can I come today?', 'change the design please'])('is not one: %s', (text) => {
    expect(visitChangeFrom(text)).toBeNull();
  });
});

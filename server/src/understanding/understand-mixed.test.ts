import { describe, expect, it } from 'vitest';
import { understand } from './index.js';
import { UnderstoodSchema, type Understood } from '../contracts/index.js';

type Filters = Omit<Understood, 'text'>;

/** Whole messages as shoppers type them on WhatsApp: English, Hinglish, mixes and typos. */
const CASES: ReadonlyArray<readonly [string, Filters, string]> = [
  ['Do you have gold bangles under 50k?', { category: 'bangle', metal: 'gold', priceMax: 50000 }, ''],
  ['Bhaiya 22 carat sone ki chain dikhao 2 lakh tak', { category: 'chain', metal: 'gold', purity: '22K', priceMax: 200000 }, ''],
  ['need a diamond engagement ring for my fiancee under 1.5 lakh', { category: 'ring', stones: ['diamond'], occasion: 'engagement', gender: 'women', priceMax: 150000 }, ''],
  ['wife ke liye halka mangalsutra 50k ke andar', { category: 'mangalsutra', gender: 'women', sort: 'weight_asc', priceMax: 50000 }, ''],
  ['kundan jhumki for shaadi', { category: 'earrings', style: 'Jhumka', stones: ['kundan'], occasion: 'bridal' }, 'jhumka'],
  ['silver payal for baby', { category: 'anklet', style: 'Payal', metal: 'silver', gender: 'kids' }, 'payal'],
  ['cheapest gold chain for men', { category: 'chain', metal: 'gold', gender: 'men', sort: 'price_asc' }, ''],
  ['latest polki chokar', { category: 'necklace', style: 'Choker', stones: ['polki'], sort: 'newest' }, 'choker'],
  ['heavy bridal necklace set around 5 lakh', { category: 'set', occasion: 'bridal', sort: 'weight_desc', priceAround: 500000 }, 'necklace'],
  ['office wear light weight gold earings under 25k', { category: 'earrings', metal: 'gold', occasion: 'office', sort: 'weight_asc', priceMax: 25000 }, ''],
  ['any ruby pendent below 40k?', { category: 'pendant', stones: ['ruby'], priceMax: 40000 }, ''],
  ['gents kada 50 gram ka', { category: 'bangle', style: 'Kada', gender: 'men', weightAroundGrams: 50 }, 'kada'],
  ['show me temple jewellery sets in 22kt', { category: 'set', purity: '22K' }, 'temple'],
  ['do u have emrald studs in white gold', { category: 'earrings', style: 'Studs', metal: 'white gold', stones: ['emerald'] }, 'studs'],
  ['AD wali earrings 2k tak', { category: 'earrings', stones: ['cz'], priceMax: 2000 }, ''],
  ['meenakari kada', { category: 'bangle', style: 'Kada', stones: ['meenakari'] }, 'kada'],
  ['mangalsutra with diamond pendant', { category: 'mangalsutra', stones: ['diamond'] }, 'pendant'],
  ['ear rings for daily use', { category: 'earrings', occasion: 'daily wear' }, ''],
  ['platinum couple bands', { category: 'ring', style: 'Band', metal: 'platinum', gender: 'unisex' }, 'band'],
  ['18kt rose gold bracelate for girlfriend', { category: 'bracelet', metal: 'rose gold', purity: '18K', gender: 'women' }, ''],
  ['moti mala', { category: 'necklace', stones: ['pearl'] }, ''],
  ['sabse mehenga diamond necklace', { category: 'necklace', stones: ['diamond'], sort: 'price_desc' }, ''],
  ['Hi, kya aapke paas 916 ke jhumke hain 30-35k mein?', { category: 'earrings', style: 'Jhumka', purity: '22K', priceMin: 30000, priceMax: 35000 }, 'jhumka'],
  ['looking for a lightweight gold chain around 10 grams for daily wear', { category: 'chain', metal: 'gold', sort: 'weight_asc', weightAroundGrams: 10, occasion: 'daily wear' }, ''],
  ['SJ-NCK-0042 abhi available hai?', { sku: 'SJ-NCK-0042', inStockOnly: true }, ''],
  ['bachon ke liye chandi ki nazariya', { category: 'bangle', style: 'Nazariya', metal: 'silver', gender: 'kids' }, 'nazariya'],
  ['Rose Gold Solitaire Pendant under 60,000', { category: 'pendant', style: 'Solitaire', metal: 'rose gold', priceMax: 60000 }, 'solitaire'],
  ['need peacock design kundan choker for sangeet, budget 1.2 lakh', { category: 'necklace', style: 'Choker', stones: ['kundan'], occasion: 'festive', priceMax: 120000 }, 'peacock choker'],
  ['heera ki anguthi 40 hazar ke aas paas', { category: 'ring', stones: ['diamond'], priceAround: 40000 }, ''],
  ['gold nahi chahiye, silver bracelet dikhao', { category: 'bracelet', metal: 'silver' }, ''],
  ['tennis bracelet in white gold', { category: 'bracelet', style: 'Tennis', metal: 'white gold' }, 'tennis'],
  ['rope chain 22k 20gm', { category: 'chain', style: 'Rope', purity: '22K', weightAroundGrams: 20 }, 'rope'],
  ['Diwali ke liye sone ke kangan, 3 lakh se upar', { category: 'bangle', metal: 'gold', occasion: 'festive', priceMin: 300000 }, ''],
  ['plz show sum nice neckless for my mom in 80k', { category: 'necklace', gender: 'women', priceAround: 80000 }, ''],
  ['मुझे सोने का हार चाहिए 50 हजार तक', { category: 'necklace', metal: 'gold', priceMax: 50000 }, ''],
  ['चांदी की पायल', { category: 'anklet', style: 'Payal', metal: 'silver' }, 'payal'],
  ['हीरे की अंगूठी 1 लाख से कम', { category: 'ring', stones: ['diamond'], priceMax: 100000 }, ''],
  ['sone ka हार 5 लाख से ऊपर', { category: 'necklace', metal: 'gold', priceMin: 500000 }, ''],
];

const NONSENSE = ['', '   ', '???', '!!!@@@###', 'hello', 'ok thanks', '₹', 'under', 'between and', '- - -', '1,2,3,4', '∞ 🙂 ✨', 'a'.repeat(5000)];

describe('understand: whole messages', () => {
  it.each(CASES)('%s', (phrase, filters, text) => {
    const { text: leftover, ...got } = understand(phrase);
    expect(got).toEqual(filters);
    expect(leftover).toBe(text);
  });

  it.each(NONSENSE)('reads %j as no filters at all', (phrase) => {
    const got = understand(phrase);
    expect(Object.keys(got)).toEqual(['text']);
    expect(got.text).toBe(phrase.startsWith('a') ? 'a'.repeat(2000) : '');
  });

  it('keeps unknown words as leftover text, lowercase', () => {
    expect(understand('Asdf QWERTY')).toEqual({ text: 'asdf qwerty' });
    expect(understand('Zoya Mehtab')).toEqual({ text: 'zoya mehtab' });
    expect(understand('null undefined')).toEqual({ text: 'null undefined' });
  });

  it('never throws and always satisfies the contract, even on odd input', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const alphabet = ['gold', '50k', '-', 'tak', '₹', 'under', 'ring', 'between', 'and', '1.5', 'l', 'se', 'k', '22', 'carat', '~', '+', 'nahi', 'SJ-RNG-0001', ',', '.', '0', 'lakh', 'gram', 'x'];
    for (let n = 0; n < 300; n += 1) {
      const words = Array.from({ length: 1 + (next() % 8) }, () => alphabet[next() % alphabet.length]);
      const query = words.join(next() % 2 ? ' ' : '');
      const got = understand(query);
      expect(UnderstoodSchema.safeParse(got).success, query).toBe(true);
      expect(got.text, query).toBe(got.text.toLowerCase());
    }
    expect(understand(undefined as unknown as string)).toEqual({ text: '' });
  });
});

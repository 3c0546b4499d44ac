/**
 * Numbers said in words before a unit: "dedh lakh" (1.5), "sawa do lakh" (2.25), "do lakh",
 * "fifty thousand", "paanch tola". Read only before a unit, so "do you have" stays words.
 */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  half: 0.5, aadha: 0.5, adha: 0.5,
  one: 1, a: 1, ek: 1, two: 2, do: 2, three: 3, teen: 3, four: 4, char: 4, chaar: 4, five: 5, paanch: 5, panch: 5,
  six: 6, chhe: 6, che: 6, seven: 7, saat: 7, eight: 8, aath: 8, nine: 9, nau: 9, ten: 10, das: 10,
  eleven: 11, twelve: 12, barah: 12, fifteen: 15, pandrah: 15, twenty: 20, bees: 20, twentyfive: 25, pachees: 25, pachchis: 25,
  thirty: 30, tees: 30, forty: 40, chalees: 40, chalis: 40, fifty: 50, pachaas: 50, pachas: 50, sixty: 60,
  seventy: 70, sattar: 70, seventyfive: 75, pachattar: 75, eighty: 80, assi: 80, ninety: 90, nabbe: 90, hundred: 100, sau: 100,
  dedh: 1.5, derh: 1.5, dhai: 2.5, dhaai: 2.5, adhai: 2.5, arhai: 2.5, dhaee: 2.5,
};

/** "sawa X" is X + ¼, "saade X" is X + ½, "paune X" is X − ¼. */
export const NUMBER_MODIFIERS: Readonly<Record<string, number>> = {
  sawa: 0.25, sava: 0.25, saade: 0.5, sade: 0.5, saadhe: 0.5, sadhe: 0.5, paune: -0.25, pone: -0.25,
};

/** Units a spoken number may stand before. */
export const SPOKEN_UNITS = 'lakh|lakhs|lac|lacs|laakh|hazar|hazaar|hajar|hajaar|thousand|crore|crores|karod|cr|grams?|gms?|gm|tola|tolas|tole';

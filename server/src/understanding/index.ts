/**
 * understanding — jewellery-aware reading of shop data and shopper queries. The catalog importer
 * uses the cell parsers; search uses `understand`. Pure functions over a lexicon: no I/O, no state.
 */
export { parseRupees } from './rupees.js';
export { parsePurity, parseMetal } from './metal.js';
export { inferCategory, styleKey } from './category.js';
export { parseStones } from './stones.js';
export { understand } from './understand.js';
export { aroundBand, AROUND_TOLERANCE } from './around.js';
export { scoreSentiment, type Sentiment } from './sentiment.js';

import { describe, expect, it } from 'vitest';
import { classifyIntent, readIntent, type Intent } from './intent.js';
import { memory } from './test-kit.js';
import { BUTTON } from './voice.js';

const shown = memory({ lastQuery: 'gold bangles under 50k', shownSkus: ['SJ-BNG-001', 'SJ-BNG-002', 'SJ-BNG-004'] });

const CASES: Record<Intent, string[]> = {
  greeting: ['hi', 'Hello!', 'hii', 'hlo', 'hey there', 'Good morning', 'namaste', 'Namaskar ji', 'नमस्ते', 'Jai shree krishna', 'helo', 'who are you?', 'are you a bot?', 'are you a human?'],
  product_search: [
    'do you have gold bangles under 50k?', 'sone ki chain 1 lakh tak', 'neckless for my wife', 'braclet', 'mujhe jhumka chahiye',
    'diamond earrings between 20k and 50k', 'mangalsutra dikhao', 'hallmarked gold chain', 'Gold bangles', 'Bridal sets',
    'peacock design', 'सोने की चूड़ियाँ', 'kuch silver payal dikhao', 'ring for engagement', 'temple jewellery',
    "I am looking for a necklace for my sister's wedding", 'do u have earings',
  ],
  price_stock: [
    'the second one', 'dusra wala kitne ka hai', 'How much is the first one?', 'pric?', 'is it availble', 'stock me hai?',
    'kitne ka hai', 'SJ-BNG-002 price', 'no 3 ka weight?', 'कितने का है', 'is this available?', 'what is the price', 'kimat batao',
  ],
  more: ['show more', 'See more', 'cheaper ones', 'in 18k', 'aur dikhao', 'Aur dikhao', 'something else', 'any other options', 'silver instead', 'gold nahi, silver', 'yes please', 'haan', 'mere liye kuch dikhao', 'anything cheaper?'],
  policy: [
    'return policy?', 'can I return it', 'do you deliver to pune', 'is your gold hallmarked', 'HUID milega?', 'certificate milega?',
    'what about warranty', 'old gold exchange', 'purana sona badal sakte ho?', 'making charges kitna hai', 'EMI available?',
    'do you accept credit card', 'buyback policy', 'exhange policy', 'retrun policy', 'shiping charges', 'aaj ka gold rate',
  ],
  store_info: [
    'what are your timings', 'Store timings', 'kab khulta hai', 'are you open on sunday', 'where is your shop', 'address bhejo',
    'location please', 'your phone number', 'adress', 'timimg?', 'दुकान कब खुलती है', 'shop kahan hai',
  ],
  book_visit: [
    'can I come tomorrow', 'Book a visit', 'Visit book karein', 'I want to book an appointment', 'kal aana hai', 'tommorow aa sakta hu?',
    'we will come in the evening', 'can i visit today', 'appointment chahiye', 'kal repair ke liye aana hai', 'can I come tomorrow to exchange my old gold?',
  ],
  catalog: ['show me your full catalog', 'send me your catalogue', 'show me everything', 'pura catalog bhejo', 'sab dikhao'],
  discount: ['any discount?', 'any discount on SJ-BNG-002?', 'best price batao', 'kuch kam karo', 'koi offer hai?', 'discont milega?', 'last price?', 'is the price negotiable'],
  human: [
    'talk to a person', 'I want to speak to the manager', 'call me', 'insaan se baat karao', 'Talk to us', 'Baat karein',
    'manager se baat karni hai', 'connect me to customer care', 'real person please', 'Ask the manager',
  ],
  complaint: [
    'worst service ever', 'you cheated me', 'my chain is broken', 'bakwas', 'the colour faded in a week', 'pathetic experience',
    'this is a fraud', 'very disappointed', 'ghatiya quality', 'dhokha diya aapne',
    'the ring I bought is turning black', 'aapka saman ekdum bekar hai',
  ],
  thanks_bye: ['thanks', 'Thank you so much', 'ok bye', 'bye', 'thnks', 'shukriya', 'dhanyavad', 'धन्यवाद', 'ok', 'good night', '👍'],
  price_breakup: ['why is it so expensive?', 'iska breakup bhejo', 'second one ka breakup', 'SJ-BNG-002 price breakup', 'itna mehenga kyun hai'],
  stop: ['stop', 'STOP', 'no', 'not interested', 'mat bhejo', 'nahi chahiye', 'please stop messaging me', 'unsubscribe', 'no thanks', 'मत भेजो', 'dont message me again', 'mujhe nahi chahiye, band karo'],
  unknown: ['asdfgh', 'what is the meaning of life', 'qwerty uiop', 'hmm'],
};

describe('classifyIntent', () => {
  for (const [intent, phrasings] of Object.entries(CASES) as [Intent, string[]][]) {
    it.each(phrasings)(`reads "%s" as ${intent}`, (text) => {
      expect(classifyIntent(text, { memory: shown })).toBe(intent);
    });
  }

  it('reads every reply button the brain offers, in every language, as the intent it stands for', () => {
    const meant: Record<keyof typeof BUTTON, Intent> = {
      seeMore: 'more', visit: 'book_visit', talk: 'human', timings: 'store_info', goldBangles: 'product_search',
      bridal: 'product_search', gold: 'product_search', silver: 'product_search', manager: 'human',
    };
    for (const [key, titles] of Object.entries(BUTTON) as [keyof typeof BUTTON, { en: string; hinglish: string; hindi: string }][]) {
      for (const title of [titles.en, titles.hinglish, titles.hindi]) {
        expect(classifyIntent(title, { memory: memory({ lastQuery: key === 'seeMore' ? 'gold chains' : null }) }), title).toBe(meant[key]);
      }
    }
  });

  it('knows a negated filter from a no said to the conversation', () => {
    expect(classifyIntent('gold nahi, silver chahiye')).toBe('product_search');
    expect(classifyIntent('nahi chahiye')).toBe('stop');
    expect(classifyIntent('no, show me silver chains')).toBe('product_search');
  });

  it('refines the last search only when there is one', () => {
    expect(classifyIntent('in 18k', { memory: memory() })).toBe('product_search');
    expect(classifyIntent('in 18k', { memory: shown })).toBe('more');
    // A new category is a new search even with a last query.
    expect(classifyIntent('show me gold chains', { memory: shown })).toBe('product_search');
  });

  it('resolves "the second one" against the products shown, newest first', () => {
    expect(readIntent('the second one', { memory: shown })).toMatchObject({ intent: 'price_stock', sku: 'SJ-BNG-002', ordinal: 2 });
    expect(readIntent('teesra wala kitne ka hai', { memory: shown })).toMatchObject({ intent: 'price_stock', sku: 'SJ-BNG-004', ordinal: 3 });
    expect(readIntent('the fifth one', { memory: shown })).toMatchObject({ intent: 'price_stock', sku: null, ordinal: 5 });
  });

  it('asks about the product in focus or the one the message replies to', () => {
    expect(readIntent('price?', { memory: memory({ focusSku: 'SJ-CHN-001', shownSkus: ['SJ-CHN-001'] }) })).toMatchObject({ intent: 'price_stock', sku: 'SJ-CHN-001' });
    expect(readIntent('is this available?', { referredSku: 'SJ-ERG-002' })).toMatchObject({ intent: 'price_stock', sku: 'SJ-ERG-002' });
    expect(readIntent('SJ-RNG-001 kitne ka hai')).toMatchObject({ intent: 'price_stock', sku: 'SJ-RNG-001' });
  });

  it('names the policy topic and the store topic', () => {
    expect(readIntent('old gold exchange').topic).toBe('old gold');
    expect(readIntent('retrun policy').topic).toBe('returns');
    expect(readIntent('do you deliver to pune').topic).toBe('shipping');
    expect(readIntent('kab khulta hai').storeTopic).toBe('hours');
    expect(readIntent('where is your shop').storeTopic).toBe('address');
    expect(readIntent('timings and address please').storeTopic).toBe('all');
  });

  it('tells English, Hinglish and Hindi apart', () => {
    expect(readIntent('do you have gold bangles under 50k?').language).toBe('english');
    expect(readIntent('sone ki chain 1 lakh tak dikhao').language).toBe('hinglish');
    expect(readIntent('kitne ka hai').language).toBe('hinglish');
    expect(readIntent('मुझे सोने का हार चाहिए').language).toBe('hindi');
  });

  it('does not repair jewellery words into its own key words', () => {
    // "payal" is one edit from nothing of ours, "stone" is not "store", "locket" is not "location".
    expect(classifyIntent('silver payal')).toBe('product_search');
    expect(classifyIntent('gold locket')).toBe('product_search');
    expect(classifyIntent('ruby stone ring')).toBe('product_search');
  });
});

import { order, type Script } from './harness.js';

/** Personas that show, and messages without words: orders, pictures, voice notes, locations, list taps. */
const SEARCH = ['search_products', 'send_products', 'suggest_replies'];
const NO_EMOJI = /\p{Extended_Pictographic}/u;

export const SPECIAL: Script[] = [
  {
    name: 'persona: strict, Zen, concise, no emoji (Meera)',
    agent: 'meera',
    turns: [
      { send: 'hi', expect: { says: [/^Namaste Asha\. I am Meera, from Shringar Jewellers\. How may I assist you\?$/], saysNot: [NO_EMOJI, '!'] } },
      {
        send: 'gold bangles under 50k',
        expect: {
          skus: ['SJ-BNG-0002', 'SJ-BNG-0004', 'SJ-BNG-0005'],
          says: [/^I found 7 designs for gold, bangle, up to ₹50,000; here are 3, priced ₹31,250 – ₹40,875\.$/m],
          saysNot: [NO_EMOJI, /visit us today|reserve/i],
        },
      },
    ],
  },
  {
    name: 'persona: casual, Shark, detailed, many emoji (Vikram)',
    agent: 'vikram',
    turns: [
      {
        send: 'gold bangles under 50k',
        expect: {
          skus: ['SJ-BNG-0002', 'SJ-BNG-0004', 'SJ-BNG-0005', 'SJ-BNG-0018', 'SJ-BNG-0019', 'SJ-BNG-0003', 'SJ-BNG-0001'],
          says: ['1. Textured 22K Gold Bangle — 22K gold, 4.86 g — ₹39,754', '7. Sleek 22K Gold Bangle — 22K gold, 5.31 g — ₹43,829', 'Tip: every gold piece should carry a BIS hallmark', /Visit us today to see them in person — I can keep your favourites ready\.$/, /✨[\s\S]*💍/u],
        },
      },
      { send: 'the first one', expect: { says: ['Textured 22K Gold Bangle is ₹39,754 (22K gold, 4.86 g), in stock.', 'A slim bangle in 22K hallmarked gold', /Shall I reserve it for you\? Visit us today and see it in person\./] } },
    ],
  },
  {
    name: 'persona: Devanagari answered in Hindi (Kavya)',
    agent: 'kavya',
    turns: [
      {
        send: 'मुझे सोने की चूड़ियाँ चाहिए',
        expect: { tools: SEARCH, says: [/डिज़ाइन मिले/], saysNot: [NO_EMOJI], buttons: ['और दिखाएं', 'विज़िट करें', 'बात करें'] },
      },
      { send: { tap: 'विज़िट करें' }, expect: { tools: ['store_info', 'suggest_replies'], says: ['ज़रूर आइए!', 'Johari Bazaar'] } },
    ],
  },
  {
    name: 'an order is confirmed line by line with the total from our catalog, and the next steps offered',
    turns: [
      {
        send: order([['SJ-BNG-0005', 1, 31250], ['SJ-EAR-0005', 2, 23190]]),
        expect: { kinds: ['button'], says: ['Thank you for your order #1!', '2 × Lotus 22K Gold Studs (SJ-EAR-0005): ₹46,380', 'Total: ₹77,630 for 3 pieces'], buttons: ['Visit to try', 'Pay at store'] },
      },
      // The next steps are about that order, not a payment policy question.
      { send: { tap: 'Pay at store' }, expect: { says: ['Of course: you can pay at the store. Your order #1 (₹77,630) is kept aside for you.'], saysNot: [/HUID|Play Store/], buttons: ['Book a visit', 'Store timings'] } },
      { send: { tap: 'Book a visit' }, expect: { tools: ['store_info', 'suggest_replies'] } },
    ],
  },
  {
    name: 'asked for the phone number: the number in words and the store\'s contact card to tap',
    turns: [{ send: 'what is your phone number?', expect: { tools: ['store_info', 'share_store_contact', 'suggest_replies'], kinds: ['contacts', 'button'], says: ['You can call us on'] } }],
  },
  {
    name: 'asked for the whole catalog: the catalog message, then a word on how to order from it',
    turns: [{ send: 'show me your full catalog', expect: { tools: ['send_catalog'], says: ['Here is our whole collection: tap "View catalog"'] } }],
  },
  {
    name: 'a discount asked about a named product is a discount question (the skill is off: the manager is offered)',
    turns: [{ send: 'any discount on SJ-BNG-0005?', expect: { says: ['ask the manager'], saysNot: [/₹|%/] } }],
  },
  {
    name: 'a picture without a caption gets an honest answer',
    turns: [{ send: { raw: { type: 'image', image: { id: 'media-1', mime_type: 'image/jpeg', sha256: 'x' } } }, expect: { says: ['Thank you for the picture!', 'cannot see images yet'] } }],
  },
  {
    name: 'a picture with a question as caption is answered as words',
    turns: [{ send: { raw: { type: 'image', image: { id: 'media-2', mime_type: 'image/jpeg', sha256: 'y', caption: 'do you have gold chains like this?' } } }, expect: { tools: SEARCH } }],
  },
  {
    name: 'a voice note is asked to be typed',
    turns: [{ send: { raw: { type: 'audio', audio: { id: 'media-3', mime_type: 'audio/ogg', voice: true } } }, expect: { kinds: ['text'], says: ['cannot listen to voice notes yet'] } }],
  },
  {
    name: 'a shared location gets the store address',
    turns: [{ send: { raw: { type: 'location', location: { latitude: 26.92, longitude: 75.82 } } }, expect: { tools: ['store_info'], says: ['Thank you for sharing your location.', 'Johari Bazaar'] } }],
  },
  {
    name: 'a tapped list row naming a shown product is about that product',
    turns: [
      { send: 'gold pendants under 30k', expect: { tools: SEARCH } },
      {
        send: { raw: { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'SJ-PND-0001', title: 'Divine Om Pendant', description: '' } } } },
        expect: { tools: ['get_product', 'suggest_replies'], says: ['Divine Om Pendant is ₹27,458'] },
      },
    ],
  },
];

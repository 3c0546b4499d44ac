import type { Script } from './harness.js';

/** English shoppers, typos included. Hours depend on the weekday, so they are asserted by the weekly line. */
const WEEK = 'Mon 10:30–20:30; Tue closed; Wed–Fri 10:30–20:30; Sat 10:30–21:00; Sun 11:00–19:00';
const SEARCH = ['search_products', 'send_products', 'suggest_replies'];

export const ENGLISH: Script[] = [
  {
    name: 'greets with its name, the store and three starting buttons',
    turns: [
      {
        send: 'hi',
        expect: {
          kinds: ['button'],
          says: ['Hey Asha!', 'Aarav', 'Shringar Jewellers', 'check prices and stock'],
          buttons: ['Gold bangles', 'Bridal sets', 'Store timings'],
          tools: ['suggest_replies'],
        },
      },
    ],
  },
  {
    name: 'a greeting, then a tap on "Gold bangles" shows gold bangles',
    turns: [
      { send: 'Hello!', expect: { buttons: ['Gold bangles', 'Bridal sets', 'Store timings'] } },
      {
        send: { tap: 'Gold bangles' },
        expect: { kinds: ['product_list', 'button'], tools: SEARCH, says: [/I found \d+ designs for gold, bangle/], buttons: ['See more', 'Book a visit', 'Talk to us'] },
      },
    ],
  },
  {
    name: 'bangles under a budget, see more, then the second one',
    turns: [
      {
        send: 'do you have gold bangles under 50k?',
        expect: {
          kinds: ['product_list', 'button'],
          header: 'Gold · bangle · up to ₹50,000',
          sections: ['22K Bangles'],
          skus: ['SJ-BNG-0002', 'SJ-BNG-0005', 'SJ-BNG-0004', 'SJ-BNG-0001', 'SJ-BNG-0003'],
          says: ['I found 7 designs for gold, bangle, up to ₹50,000; here are 5, priced ₹31,250 – ₹43,829.', 'Top pick: Textured 22K Gold Bangle (22K gold, 4.86 g, ₹39,754).'],
          buttons: ['See more', 'Book a visit', 'Talk to us'],
        },
      },
      {
        send: { tap: 'See more' },
        expect: { skus: ['SJ-BNG-0018', 'SJ-BNG-0019'], says: ['Here are 2 more, priced ₹29,797 – ₹31,422.'], buttons: ['Store timings', 'Book a visit', 'Talk to us'] },
      },
      {
        send: 'the second one',
        expect: { kinds: ['button'], tools: ['get_product', 'suggest_replies'], says: ['Nanhi Nazariya Baby Bangle is ₹29,797 (22K gold, 3.54 g), in stock.'] },
      },
    ],
  },
  {
    name: 'a misspelt "neckless" under a budget finds necklaces',
    turns: [{ send: 'neckless under 1.5 lakh', expect: { tools: SEARCH, says: [/for necklace, up to ₹1,50,000/] } }],
  },
  {
    name: 'a misspelt "braclet" for a wife finds bracelets',
    turns: [{ send: 'braclet for my wife', expect: { tools: SEARCH, says: [/designs for bracelet/] } }],
  },
  {
    name: 'pendants in a price band',
    turns: [
      {
        send: 'pendants between 40k and 50k',
        expect: {
          header: 'Pendant · ₹40,000–₹50,000',
          sections: ['18K Pendants', '22K Pendants'],
          skus: ['SJ-PND-0009', 'SJ-PND-0010', 'SJ-PND-0004', 'SJ-PND-0003'],
          says: ['I found 4 designs for pendant, ₹40,000–₹50,000, priced ₹41,357 – ₹48,073.'],
          buttons: ['Store timings', 'Book a visit', 'Talk to us'],
        },
      },
    ],
  },
  {
    name: 'silver payal, then cheaper ones skip what was shown',
    turns: [
      { send: 'silver payal', expect: { skus: ['SJ-ANK-0005', 'SJ-ANK-0001', 'SJ-ANK-0006', 'SJ-ANK-0002', 'SJ-ANK-0004'], says: ['I found 8 designs for silver, Payal, anklet; here are 5'] } },
      { send: 'cheaper ones', expect: { kinds: ['product', 'button'], skus: ['SJ-ANK-0003'], says: ['Here is 1 more, priced ₹6,066.'] } },
    ],
  },
  {
    name: 'nothing under the budget: says so and sends the nearest',
    turns: [
      {
        send: 'gold chain under 5000',
        expect: {
          kinds: ['product_list', 'button'],
          skus: ['SJ-CHN-0009', 'SJ-CHN-0004', 'SJ-CHN-0003'],
          says: ['Sorry, I have nothing for “up to ₹5,000” right now.', 'Here are the closest (₹46,186, ₹63,647, ₹86,569).'],
        },
      },
    ],
  },
  {
    name: 'a metal the piece is not made in: says so and shows the nearest',
    turns: [{ send: 'platinum payal', expect: { kinds: ['product_list', 'button'], says: ['Sorry, I have nothing for “platinum” right now.', 'Here are the closest (silver).'] } }],
  },
  {
    name: 'rings, then "in 18k" refines the same search',
    turns: [
      { send: 'show me gold rings', expect: { tools: SEARCH, says: ['I found 10 designs for gold, ring; here are 5'] } },
      { send: 'in 18k', expect: { header: '18K · gold · ring', skus: ['SJ-RNG-0002', 'SJ-RNG-0008', 'SJ-RNG-0012', 'SJ-RNG-0013'], says: ['I found 4 designs for 18K, gold, ring'] } },
    ],
  },
  {
    name: 'jhumkas in gold, then silver instead',
    turns: [
      { send: 'gold jhumka', expect: { tools: SEARCH, skus: ['SJ-EAR-0010', 'SJ-EAR-0012', 'SJ-EAR-0013', 'SJ-EAR-0016', 'SJ-EAR-0015'], says: ['I found 6 designs for gold, Jhumka, earrings; here are 5'] } },
      { send: 'silver instead', expect: { header: 'Silver · Jhumka · earrings', skus: ['SJ-EAR-0018', 'SJ-EAR-0017'], says: ['I found 2 designs for silver, Jhumka, earrings, priced ₹1,997 – ₹3,103.'] } },
    ],
  },
  {
    name: 'a question in reply to a product card is about that product',
    turns: [
      { send: { refer: 'SJ-EAR-0014', text: 'is this available?' }, expect: { tools: ['get_product', 'suggest_replies'], says: ['Mayur Kundan Jhumka is ₹1,21,098 (22K gold, 12.8 g), out of stock at the moment.'] } },
    ],
  },
  {
    name: 'a price asked by SKU',
    turns: [{ send: 'SJ-RNG-0006 price?', expect: { tools: ['get_product', 'suggest_replies'], says: ['Brushed Platinum Band is ₹13,675 (950 platinum'] } }],
  },
  {
    name: 'an SKU that does not exist is said so',
    turns: [{ send: 'SJ-XYZ-9999 price', expect: { says: ['I could not find SJ-XYZ-9999 in our collection.'], buttons: ['See more', 'Talk to us'] } }],
  },
  {
    name: 'store timings from the store profile',
    turns: [{ send: 'what are your timings?', expect: { tools: ['store_info', 'suggest_replies'], says: [WEEK, /We are closed today|Today we are open/] } }],
  },
  {
    name: 'where the shop is',
    turns: [{ send: 'where is your shop?', expect: { tools: ['store_info', 'suggest_replies'], kinds: ['cta_url', 'button'], says: ['Get directions'], saysNot: [/maps/] } }],
  },
  {
    name: 'a visit tomorrow is welcomed with hours and address',
    turns: [{ send: 'can I come tomorrow?', expect: { tools: ['store_info', 'suggest_replies'], says: ['Yes, come over anytime!', WEEK, 'Johari Bazaar'] } }],
  },
  {
    name: 'a search, then a tap on "Book a visit"',
    turns: [
      { send: 'mangalsutra', expect: { tools: SEARCH, buttons: ['See more', 'Book a visit', 'Talk to us'] } },
      { send: { tap: 'Book a visit' }, expect: { tools: ['store_info', 'suggest_replies'], says: [WEEK] } },
    ],
  },
  {
    name: "a return policy question is answered from the store's returns policy, citing it",
    turns: [
      {
        send: 'what is your return policy?',
        expect: { tools: ['search_knowledge', 'suggest_replies'], says: ['As per our Returns and Exchange: “', 'This policy covers returns for a refund'], saysNot: ['I will check'] },
      },
    ],
  },
  {
    name: 'a policy question the store documents do not answer: will check, never invents',
    turns: [
      {
        send: 'what is the warranty on watches?',
        expect: { tools: ['search_knowledge', 'store_info', 'suggest_replies'], says: ['I will check with our team and get back to you', '+911412345678'], saysNot: [/\d+ days/, /₹/, 'As per our'] },
      },
    ],
  },
  {
    name: 'a hallmark question is answered from the BIS hallmark policy',
    turns: [{ send: 'is your gold hallmarked?', expect: { tools: ['search_knowledge', 'suggest_replies'], says: ['As per our BIS Hallmark and HUID: “', 'must carry the new hallmark with a HUID'] } }],
  },
  {
    name: 'a discount ask, then a tap to ask the manager hands off',
    turns: [
      { send: 'any discount?', expect: { tools: ['suggest_replies'], says: ["day's gold rate", 'ask the manager'], saysNot: [/₹|%/], buttons: ['Ask the manager', 'Book a visit'] } },
      { send: { tap: 'Ask the manager' }, expect: { tools: ['handoff_to_human'], handoff: true, says: ['A member of our team will reply to you here soon.'] } },
    ],
  },
  {
    name: 'asking for a person hands off, and the agent then stays quiet',
    turns: [
      { send: 'I want to talk to a person', expect: { kinds: ['text'], handoff: true, says: ['A member of our team will reply to you here soon.'] } },
      { send: 'hello?', expect: { quiet: true } },
    ],
  },
  {
    name: 'a complaint gets an apology and a person',
    turns: [{ send: 'worst service, my chain broke in a week', expect: { handoff: true, says: ['So sorry about this!', 'team will reply'] } }],
  },
  {
    name: 'thanks after a search closes warmly without selling more',
    turns: [
      { send: 'gold pendants', expect: { tools: SEARCH } },
      { send: 'thanks, bye', expect: { kinds: ['text'], tools: [], says: ['Anytime!'], saysNot: [/₹/] } },
    ],
  },
  {
    name: 'stop is acknowledged and nothing is sold',
    turns: [{ send: 'stop messaging me', expect: { kinds: ['text'], tools: [], says: ['Understood, I will not message you further.'] } }],
  },
  {
    name: 'a plain no after a search is a stop',
    turns: [
      { send: 'nose pins', expect: { tools: SEARCH } },
      { send: 'no', expect: { kinds: ['text'], tools: [], says: ['I will not message you further'] } },
    ],
  },
  {
    name: 'typos in a price question about the product in focus',
    turns: [
      { send: { refer: 'SJ-PND-0001', text: 'availble?' }, expect: { says: ['Divine Om Pendant is ₹27,458', 'only 2 left'] } },
      { send: 'pric?', expect: { tools: ['get_product', 'suggest_replies'], says: ['Divine Om Pendant is ₹27,458'] } },
    ],
  },
  {
    name: 'a tap on "Talk to us" hands off',
    turns: [
      { send: 'gold nose pin under 10k', expect: { skus: ['SJ-NSP-0005', 'SJ-NSP-0004', 'SJ-NSP-0001'], buttons: ['Store timings', 'Book a visit', 'Talk to us'] } },
      { send: { tap: 'Talk to us' }, expect: { handoff: true } },
    ],
  },
  {
    name: 'a "yes" to "see it in the store?" is a visit; a "yes" to "see more?" is more',
    turns: [
      { send: { refer: 'SJ-PND-0003', text: 'price?' }, expect: { says: ['Vinayak Ganesha Pendant is ₹44,705', 'Would you like to see it in the store?'] } },
      { send: 'yes', expect: { tools: ['store_info', 'suggest_replies'], says: ['Johari Bazaar'] } },
      { send: 'gold rings', expect: { says: ['Would you like to see more?'] } },
      { send: 'yes please', expect: { tools: SEARCH, says: [/Here are \d+ more/] } },
    ],
  },
  {
    name: 'asked whether it is a bot, it says so and offers a person',
    turns: [{ send: 'are you a bot?', expect: { says: ["I am the store's digital assistant; a person from our team can join anytime."], buttons: ['Gold bangles', 'Bridal sets', 'Talk to us'], handoff: false } }],
  },
  {
    name: 'words it does not understand get help and buttons',
    turns: [{ send: 'asdfgh', expect: { says: ['Sorry, I did not quite understand.'], buttons: ['Gold bangles', 'Store timings', 'Talk to us'] } }],
  },
];


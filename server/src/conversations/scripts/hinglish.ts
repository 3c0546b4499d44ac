import type { Script } from './harness.js';

/** Hinglish shoppers: the demo agent allows Hinglish, so it answers in Hinglish. */
const SEARCH = ['search_products', 'send_products', 'suggest_replies'];

export const HINGLISH: Script[] = [
  {
    name: 'Hinglish: sone ki chain under a lakh, in Hinglish words',
    turns: [
      {
        send: 'sone ki chain 1 lakh tak dikhao',
        expect: { kinds: ['product_list', 'button'], tools: SEARCH, header: 'Gold · chain · up to ₹1,00,000', skus: ['SJ-CHN-0004', 'SJ-CHN-0009', 'SJ-CHN-0003'], says: ['gold, chain, up to ₹1,00,000 mein 3 design mile, daam ₹46,186 – ₹86,569.'], buttons: ['Store timings', 'Visit book karein', 'Baat karein'] },
      },
    ],
  },
  {
    name: 'Hinglish: jhumka for a wedding',
    turns: [{ send: 'mujhe shaadi ke liye jhumka chahiye', expect: { tools: SEARCH, header: 'Jhumka · earrings · bridal', says: ['Jhumka, earrings, bridal mein 6 design mile; yeh rahe 5'], buttons: ['Aur dikhao', 'Visit book karein', 'Baat karein'] } }],
  },
  {
    name: 'Hinglish: a search, then "dusra wala kitne ka hai"',
    turns: [
      { send: 'gold bangles 50k tak dikhao', expect: { skus: ['SJ-BNG-0002', 'SJ-BNG-0018', 'SJ-BNG-0004', 'SJ-BNG-0019', 'SJ-BNG-0001'] } },
      { send: 'dusra wala kitne ka hai', expect: { tools: ['get_product', 'suggest_replies'], says: ['Chhoti Nazariya Baby Bangle ₹31,422 ka hai', 'stock mein hai'] } },
    ],
  },
  {
    name: 'Hinglish: a search, then "aur dikhao"',
    turns: [
      { send: 'kuch gold earrings dikhao', expect: { tools: SEARCH } },
      { send: { tap: 'Aur dikhao' }, expect: { tools: SEARCH, says: [/Yeh rahe \d+ aur designs/] } },
    ],
  },
  {
    name: 'Hinglish: kab khulta hai',
    turns: [{ send: 'store kab khulta hai?', expect: { tools: ['store_info', 'suggest_replies'], says: [/Aaj store band hai|Aaj hum .* khule hain/, 'Timings: Mon 10:30–20:30'] } }],
  },
  {
    name: 'Hinglish: kuch kam karo',
    turns: [{ send: 'bhaiya kuch kam karo na', expect: { says: ['aaj ke gold rate', 'manager se pooch sakte hain'], saysNot: [/₹|%/], buttons: ['Manager se poochho', 'Visit book karein'] } }],
  },
  {
    name: 'Hinglish: insaan se baat karao',
    turns: [{ send: 'kisi insaan se baat karao', expect: { handoff: true, says: ['Hamari team ka koi member jaldi yahin reply karega.'] } }],
  },
  {
    name: 'Hinglish: nahi chahiye ends it politely',
    turns: [
      { send: 'silver kada dikhao', expect: { tools: SEARCH } },
      { send: 'nahi chahiye', expect: { tools: [], says: ['Theek hai, aage message nahi karenge.'] } },
    ],
  },
  {
    name: 'Hinglish: gold nahi, silver refines the bangles',
    turns: [
      { send: 'gold bangles dikhao', expect: { tools: SEARCH } },
      { send: 'gold nahi, silver dikhao', expect: { tools: SEARCH, skus: ['SJ-BNG-0021', 'SJ-BNG-0020'] } },
    ],
  },
  {
    name: 'Hinglish: bakwas service is a complaint',
    turns: [{ send: 'bakwas service hai aapki, payal toot gayi', expect: { handoff: true, says: ['Sorry, yeh bilkul theek nahi hua!'] } }],
  },
  {
    name: 'Hinglish: visit kal',
    turns: [{ send: 'kal aa sakte hain kya showroom?', expect: { tools: ['store_info', 'suggest_replies'], says: ['Haan, bilkul aa jaiye!', 'Johari Bazaar'] } }],
  },
  {
    name: 'Hinglish: making charges is answered from the making charges policy',
    turns: [{ send: 'making charges kitna lagta hai?', expect: { tools: ['search_knowledge', 'suggest_replies'], says: ['Hamari Making Charges and How Our Prices Are Calculated ke hisaab se: “', 'making charge'] } }],
  },
];

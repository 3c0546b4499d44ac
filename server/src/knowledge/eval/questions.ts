/**
 * The knowledge evaluation set over the demo store's policies (resources/demo/policies): each
 * question with the document that answers it and a phrase of the answering passage (as chunked:
 * Markdown emphasis removed). Phrased as shoppers write on WhatsApp, in English and Hinglish.
 */
export interface EvalQuestion {
  question: string;
  source: string;
  /** A phrase of the answering passage; several when more than one passage answers. */
  phrase: string | string[];
}

export const ANSWERABLE: EvalQuestion[] = [
  { question: 'what is your return policy?', source: 'returns-and-exchange.md', phrase: 'This policy covers returns for a refund' },
  { question: 'can I return a necklace for a refund?', source: 'returns-and-exchange.md', phrase: 'within 7 days of delivery' },
  { question: 'how long does the refund take?', source: 'returns-and-exchange.md', phrase: 'within 7 working days' },
  { question: 'can I return engraved or customised jewellery?', source: 'returns-and-exchange.md', phrase: 'Made-to-order, customised or engraved pieces' },
  { question: 'my ring does not fit, can I change the size?', source: 'returns-and-exchange.md', phrase: 'free of charge within 30 days' },
  { question: 'do you have lifetime exchange?', source: 'returns-and-exchange.md', phrase: 'exchanged for a new piece at any time' },
  { question: 'the clasp broke after two months, will you repair it free?', source: 'returns-and-exchange.md', phrase: 'within 12 months of purchase' },
  { question: 'is your gold hallmarked?', source: 'bis-hallmark-huid.md', phrase: 'must carry the new hallmark with a HUID' },
  { question: 'what is HUID?', source: 'bis-hallmark-huid.md', phrase: 'HUID stands for Hallmark Unique Identification' },
  { question: 'how can I verify the HUID of my jewellery?', source: 'bis-hallmark-huid.md', phrase: 'BIS Care app' },
  { question: 'what does 22K916 mean?', source: 'bis-hallmark-huid.md', phrase: '91.6% pure gold' },
  { question: 'is silver jewellery hallmarked?', source: 'bis-hallmark-huid.md', phrase: 'BIS hallmarking of silver jewellery is voluntary' },
  { question: 'do diamonds come with a certificate?', source: 'bis-hallmark-huid.md', phrase: 'solitaires of 0.20 ct and above come with a certificate' },
  { question: 'how are making charges calculated?', source: 'making-charges.md', phrase: ['Making charge is a percentage of the metal value', 'Plain chains: rope, box', 'Within a band, the exact figure'] },
  { question: 'making charges kitna lagta hai?', source: 'making-charges.md', phrase: ['Plain chains: rope, box', 'Within a band, the exact figure'] },
  { question: 'what is the making charge on plain gold chains?', source: 'making-charges.md', phrase: 'Plain chains: rope, box, curb and Singapore chains' },
  { question: 'what is the minimum making charge?', source: 'making-charges.md', phrase: 'The minimum making charge is ₹500' },
  { question: 'is GST included in the price?', source: 'making-charges.md', phrase: 'GST at 3% is added on the total' },
  { question: 'when do you publish the gold board rate?', source: 'making-charges.md', phrase: 'We publish our board rate every morning at 10:30 am' },
  { question: 'do you add wastage charges?', source: 'making-charges.md', phrase: 'never add hidden wastage charges' },
  { question: 'can I exchange old gold from another jeweller?', source: 'old-gold-exchange.md', phrase: 'bought from us or from any other jeweller' },
  { question: 'how do you test the purity of my old gold?', source: 'old-gold-exchange.md', phrase: 'XRF karat meter' },
  { question: 'purana sona exchange karne par kitna value milega?', source: 'old-gold-exchange.md', phrase: 'Exchange value (against a new purchase)' },
  { question: 'what documents do I need to sell old gold?', source: 'old-gold-exchange.md', phrase: 'A photo ID (Aadhaar, passport, voter ID or driving licence)' },
  { question: 'do you buy gold plated jewellery?', source: 'old-gold-exchange.md', phrase: 'We do not accept gold-plated or gold-filled items' },
  { question: 'do you ship outside India?', source: 'shipping.md', phrase: 'We do not ship outside India at present' },
  { question: 'how much is shipping?', source: 'shipping.md', phrase: 'free insured shipping' },
  { question: 'how many days for delivery to Mumbai?', source: 'shipping.md', phrase: '3 to 5 working days' },
  { question: 'do you have cash on delivery?', source: 'shipping.md', phrase: 'We do not offer cash on delivery' },
  { question: 'what should I do if my parcel arrives damaged?', source: 'shipping.md', phrase: 'within 48 hours of delivery with the opening video' },
  { question: 'how long for a made to order bridal set?', source: 'shipping.md', phrase: '15 to 30 days depending on the design' },
  { question: 'how do I clean kundan jewellery?', source: 'jewellery-care.md', phrase: 'Never wash kundan or polki jewellery' },
  { question: 'how should I store pearls?', source: 'jewellery-care.md', phrase: 'Never hang a pearl strand to store it' },
  { question: 'my silver payal has gone black, how do I clean it?', source: 'jewellery-care.md', phrase: 'Silver tarnishes naturally' },
  { question: 'do you polish jewellery for free?', source: 'jewellery-care.md', phrase: 'Free cleaning and polishing of any Shringar piece' },
];

/** Questions the demo documents cannot answer: `ask` must say so rather than offer a guess. */
export const UNANSWERABLE: string[] = [
  'do you sell cars?',
  'what is the capital of France?',
  'who won the cricket match yesterday?',
  'can you recommend a good restaurant?',
  'do you repair mobile phones?',
  'what is the price of bitcoin today?',
  'how do I apply for a passport?',
  'tell me a joke',
];

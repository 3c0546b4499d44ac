/**
 * The phrase tables the offline brain's intent reading matches against (English, Hinglish and
 * basic Devanagari). Phrases are matched as whole words after typo repair; `|` separates phrases.
 */

const list = (s: string): string[] =>
  s
    .split('|')
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

/** Said to the conversation itself: always a stop. */
export const STOP_STRONG = list(`stop|stop it|stop messaging|stop sending|stop texting|unsubscribe|unsub|dont message|do not message|
  dont text|do not text|dont send|do not send|no more messages|leave me alone|spam|block|blocked|mat bhejo|mat bhejiye|message mat karo|
  msg mat karo|message mat bhejo|msg mat bhejo|messages band karo|band karo|mat karo message|pareshan mat karo|
  बंद करो|मत भेजो|मैसेज मत|परेशान मत`);

/** A no that ends the conversation when nothing else is said ("no thanks", "nahi chahiye"). */
export const STOP_WEAK = list(`no|nope|nah|no thanks|no thank you|not interested|no interest|not now|dont want|i dont want|do not want|
  no need|not required|not needed|nahi|nahin|nhi|nahi chahiye|nahin chahiye|nhi chahiye|nahi chaiye|nhi chaiye|zarurat nahi|
  jarurat nahi|rehne do|rahne do|interest nahi|interested nahi|नहीं|नहीं चाहिए|नही|रहने दो`);

export const COMPLAINT = list(`worst|worse|cheated|cheat|cheating|cheater|fraud|fraudster|pathetic|bakwas|bakwaas|bekar|bekaar|broken|
  not happy|unhappy|disappointed|disappointing|bad service|bad experience|very bad|terrible|horrible|awful|useless|complaint|complain|
  ghatiya|ghatia|dhokha|dhoka|dhokebaaz|loot|looted|loot liya|scam|scammer|rude|toot gaya|toot gayi|tut gaya|tut gayi|toota|tooti|
  kharab|kharaab|defective|damaged|black ho gaya|kala ho gaya|kala pad gaya|turning black|turned black|gone black|became black|
  tarnish|tarnished|tarnishing|rang utar|colour faded|color faded|fading|never again|not working|
  ठगा|धोखा|बकवास|खराब|शिकायत|टूट`);

export const HUMAN = list(`human|a human|real person|a person|actual person|live agent|an agent|agent|manager|owner|malik|seth|
  call me|call back|callback|give me a call|phone karo|phone kijiye|call karo|call kijiye|call kar do|call karna|insaan|insan|
  kisi se baat|baat karni|baat karna|baat karao|baat karwao|baat kara do|speak to|speak with|talk to a|talk to someone|talk to somebody|
  talk to human|talk to manager|talk to owner|talk to staff|talk to us|talk to your|connect me|customer care|customer service|
  support team|executive|salesperson|sales person|staff|baat karein|बात करें|इंसान|मैनेजर|कॉल करो|कॉल करें`);

export const DISCOUNT = list(`discount|discounts|disc|offer|offers|best price|best rate|last price|final price|kam karo|kam kar do|
  kam kijiye|kuch kam|thoda kam|price kam|rate kam|daam kam|negotiable|negotiate|bargain|deal|deals|sale|cashback|cash back|coupon|
  promo|promo code|koi offer|less price|reduce|reduction|concession|chhoot|chhut|छूट|डिस्काउंट|ऑफर|कम करो`);

/** Policy questions, by topic: `search_knowledge` answers them from the store's documents. */
export const POLICY: Readonly<Record<string, string[]>> = {
  'old gold': list(`old gold|purana sona|purane sone|purana gold|old jewellery|old jewelry|purane gehne|पुराना सोना`),
  returns: list(`return|returns|return policy|returnable|refund|refunds|money back|wapas|vapas|wapis|vapis|wapas karna|वापस|रिफंड`),
  exchange: list(`exchange|exchanges|exchange policy|badal|badalna|badal sakte|replace|replacement|एक्सचेंज|बदल`),
  shipping: list(`shipping|ship|ships|delivery|deliver|delivered|courier|home delivery|cod|cash on delivery|ghar pe|ghar par|
    bhej sakte|bhejoge|bhejenge|pincode|pin code|dispatch|डिलीवरी`),
  hallmark: list(`hallmark|hallmarked|hallmarking|bis|huid|asli|genuine|authentic|purity guarantee|हॉलमार्क`),
  certificate: list(`certificate|certificates|certified|certification|igi|gia|sgl|invoice|bill|gst bill|सर्टिफिकेट`),
  warranty: list(`warranty|guarantee|guaranty|lifetime|maintenance|repair|repairing|polish|polishing|cleaning|resize|resizing|वारंटी`),
  'making charges': list(`making charge|making charges|making cost|wastage|labour charge|labour charges|majduri|mazdoori|banwai|
    banwaai|ghadai|gadhai|बनवाई`),
  payment: list(`payment|payments|pay|emi|emis|upi|credit card|debit card|card|gpay|google pay|paytm|phonepe|cash|installment|
    installments|instalment|kist|kisht|finance|no cost emi|बैंक|ईएमआई|पेमेंट`),
  buyback: list(`buyback|buy back|resale|sell back|sell my|bechna|bech|bechna hai|becho|बेचना`),
  'gold rate': list(`gold rate|todays rate|today rate|aaj ka rate|aaj ka bhav|bhav|gold price today|rate today|sone ka rate|सोने का भाव`),
};

export const BOOK_VISIT = list(`visit|visiting|book a visit|visit book karein|book visit|book an appointment|appointment|book|booking|
  slot|can i come|could i come|can we come|i will come|ill come|we will come|well come|i am coming|im coming|coming tomorrow|
  coming today|come tomorrow|come today|come tonight|come over|come to the store|come to the shop|come to your|come and see|drop by|
  stop by|walk in|in person|aana hai|aana tha|aana chahta|aana chahti|aaunga|aaungi|aaenge|aayenge|aa sakta|aa sakti|aa sakte|
  aa jaun|aa jaye|aa jaaye|aate hai|aate hain|dekhne aana|showroom aana|milne aana|विज़िट|विजिट|आना|आ सकते|आऊंगा|आऊंगी`);

export const STORE_HOURS = list(`timing|timings|store timings|shop timings|hours|opening hours|business hours|working hours|open|opening|
  opens|close|closing|closes|closed|what time|kab khulta|kab khulti|kab khulega|khulta|khulti|khulega|khula|kab band|band kab|
  open today|open tomorrow|sunday|holiday|chutti|timing kya|समय|टाइमिंग|टाइम|कब खुल|खुला|खुलती|खुलता|खुलेगी|खुलेगा|बंद होती|बंद होता`);
export const STORE_ADDRESS = list(`address|location|located|where are you|where is your|where is the|wheres your|kahan hai|kaha hai|
  kahan|kidhar|direction|directions|map|maps|google map|how to reach|how do i reach|kaise aaye|kaise aaun|pata|landmark|पता|कहाँ|कहां`);
export const STORE_CONTACT = list(`phone number|contact number|mobile number|whatsapp number|your number|number do|number dijiye|contact|
  contact details|website|email|नंबर`);

export const MORE = list(`more|show more|see more|aur dikhao|aur dikhaiye|aur|next|others|other|any other|anything else|something else|
  different|similar|more options|more designs|aur design|aur options|dusre|doosre|baaki|baki|remaining|more please|aur batao|
  और दिखाएं|और दिखाओ|और`);

export const PRICE_STOCK = list(`price|prices|pric|cost|rate|how much|kitna|kitne|kitni|kitne ka|kitne ki|kitne ke|daam|dam|kimat|keemat|
  available|availability|in stock|stock|stock me|stock mein|milega|milegi|weight|wajan|vajan|details|detail|more about|tell me about|
  size|sizes|purity|karat|carat|this one|that one|ye wala|yeh wala|wo wala|woh wala|is wala|iska|uska|isko|कितने|कितना|कीमत|दाम|
  उपलब्ध|स्टॉक|वजन`);

export const THANKS_BYE = list(`thanks|thank|thank you|thankyou|thanku|thnx|thx|ty|tysm|thanks a lot|shukriya|dhanyavad|dhanyawad|
  dhanyavaad|bye|byee|bye bye|goodbye|good bye|good night|gn|see you|see ya|talk later|talk to you later|ttyl|later|ok|okay|okk|
  ok thanks|cool|great|done|alright|got it|theek hai|thik hai|theek|thik|acha|accha|achha|fine|sure|perfect|nice|
  धन्यवाद|शुक्रिया|ठीक है|अलविदा`);

export const GREETING = list(`hi|hii|hiii|hiiii|hello|helo|hlo|hellooo|hey|heya|hey there|hola|namaste|namaskar|namastey|pranam|
  good morning|good afternoon|good evening|gm|salaam|salam|assalamualaikum|sat sri akal|jai shree krishna|jai shri krishna|ram ram|
  radhe radhe|jai jinendra|start|menu|help|kem cho|नमस्ते|नमस्कार|प्रणाम|हेलो|हाय`);

/** Design words that make a message a product search even without a category ("peacock design"). */
export const DESIGN_WORDS = list(`temple|antique|peacock|floral|flower|heart|butterfly|minimal|minimalist|traditional|modern|designer|
  handmade|contemporary|classic|ethnic|oxidised|oxidized|filigree|jadau|nakshi|rajwadi|victorian|geometric|infinity|evil eye|
  initial|name|alphabet|om|ganesh|lakshmi|laxmi|coin|coins|gift|gifts|bridal`);

/** Ordinals in English, Hinglish and Devanagari: "the second one", "dusra wala", "no 2". */
export const ORDINALS: ReadonlyArray<readonly [number, string[]]> = [
  [1, list('first|1st|pehla|pehle|pahla|pahle|pehli|pahli|पहला|पहले|पहली')],
  [2, list('second|2nd|dusra|doosra|dusri|doosri|dusre wala|doosre wala|दूसरा|दूसरी')],
  [3, list('third|3rd|teesra|tisra|teesri|tisri|तीसरा|तीसरी')],
  [4, list('fourth|4th|chautha|chauthi|चौथा|चौथी')],
  [5, list('fifth|5th|paanchva|panchva|paanchvi|पांचवां|पाँचवा')],
  [6, list('sixth|6th')],
  [7, list('seventh|7th')],
  [8, list('eighth|8th')],
  [9, list('ninth|9th')],
  [10, list('tenth|10th')],
];

/** "Who are you?", "are you a bot?": answered by introducing the agent. */
export const WHO_ARE_YOU = list(`who are you|who is this|whos this|are you a bot|are you bot|are you a robot|are you human|are you a human|
  are you real|are you a real person|is this a bot|your name|whats your name|what is your name|aap kaun|kaun ho|kon ho|aap kon|
  tum kaun|bot ho|aapka naam|आप कौन`);

/** A yes: more of the last search when there is one. */
export const YES = list(`yes|yes please|yeah|yep|yup|haan|haan ji|han|ha|ji haan|bilkul|please|go ahead|हाँ|हां|जी`);

/** "Show me something": a search with nothing to search for yet. */
export const SHOW = list(`show|show me|show something|dikhao|dikhaiye|dikha do|dikhado|kuch dikhao|send|send me|bhejo|दिखाओ|दिखाइए`);

/** Common words never "repaired" into one of the brain's key words. */
export const KNOWN_WORDS = list(`stone|stones|store|stores|shop|shops|where|there|these|those|other|older|order|orders|think|thinks|taking|
  chose|choose|prize|pride|prince|stack|stick|often|worse|wrist|close|women|woman|chain|chains|bangle|bangles|price|timing|ring|rings|
  hours|house|visa|vista|month|months|water|match|watch|sales|money|phone|photo|photos|nahin|coming|combo|about|above|again|
  dollar|dollars|delhi|dubai|should|would|could|shall|shake|shape|share|sharp|short|shorts|shorter|every|other|wears|waist|
  second|seconds|third|first|last|best|rest|test|text|texts|next|need|needs|want|wants|wanted|month|model|models|moment|
  looking|look|looks|cooking|locking|hooking|booked`);

/** Asking how a price is made up (the Price breakup skill): "why is it so expensive", "making charge kitna", "iska breakup". */
export const PRICE_BREAKUP = list(`breakup|break up|price breakup|price break up|price breakdown|breakdown|making charge|making charges|
  making kitna|making kitni|making kya hai|making cost|how is the price calculated|how is it priced|how did you calculate|price calculation|
  why so expensive|why is it so expensive|why so costly|why is it so costly|why this price|why is the price|why the price|why expensive|
  itna mehenga|itna mehnga|itna mahenga|itna mehanga|itna costly|itna price kyun|itna kyun|kyun mehenga|mehenga kyun|mehnga kyun|
  gst kitna|gst kitni|wastage|बनवाई|मेकिंग चार्ज|इतना महंगा|ब्रेकअप`);

/** Asking to see everything: the WhatsApp catalog, not a search. */
export const CATALOG = list(`full catalog|whole catalog|your catalog|complete catalog|catalogue|show me everything|show everything|everything you have|all products|all your products|all designs|all your designs|
  poora catalog|pura catalog|sab dikhao|sab kuch dikhao|saare designs|sare designs|पूरा कैटलॉग|सब दिखाओ`);


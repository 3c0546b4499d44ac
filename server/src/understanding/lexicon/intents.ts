import type { Gender, Sort } from '../../contracts/index.js';
import { entry, type Entry } from './types.js';

const gender = (g: Gender, phrases: string): Entry => entry(phrases, { kind: 'gender', gender: g });
const occasion = (name: string, phrases: string): Entry => entry(`${name}|${phrases}`, { kind: 'occasion', occasion: name });
/** Superlatives ("cheapest") are strong; adjectives ("sasta", "heavy") give way to them. */
const sort = (s: Sort, strong: boolean, phrases: string): Entry => entry(phrases, { kind: 'sort', sort: s, strong });

/** Who the piece is for. Family words say who will wear it ("for my wife" → women). */
export const GENDER_ENTRIES: readonly Entry[] = [
  gender('men', 'men|man|mens|male|males|gents|gent|gentleman|gentlemen|for him|husband|hubby|pati|father|dad|papa|brother|groom|dulha|boyfriend|mard|aadmi|purush'),
  gender('women', 'women|woman|womens|ladies|lady|female|females|for her|wife|biwi|patni|mother|mom|mummy|mum|maa|sister|behen|bahen|girlfriend|gf|fiancee|bahu|bhabhi|aurat|mahila|mahilaon'),
  gender('kids', 'kids|kid|child|children|childrens|baby|babies|infant|newborn|toddler|bachche|bacche|bachcha|bachha|bacha|bachon|bacchon|bachchon|bachi|bacchi|bachchi|chhote bachche|little one'),
  gender('unisex', 'unisex|couple|couples|for both'),
];

export const OCCASION_ENTRIES: readonly Entry[] = [
  occasion('bridal', 'bride|brides|bridle|wedding|weddings|shaadi|shadi|shaadi ke liye|marriage|vivah|vivaah|byah|biyah|dulhan|dulhaniya|lagan|nikah|trousseau'),
  occasion('engagement', 'engagment|engagemnt|sagai|sagaai|roka|ring ceremony|proposal|propose|proposing'),
  occasion('festive', 'festival|festivals|festive wear|diwali|divali|deepawali|dhanteras|navratri|durga puja|puja|pooja|eid|karwa chauth|karva chauth|teej|onam|pongal|akshaya tritiya|akshay tritiya|tyohar|tyohaar|party|party wear|function|sangeet|mehendi|mehndi|haldi'),
  occasion('daily wear', 'daily|daily use|everyday|every day|everyday wear|regular|regular wear|regular use|casual|roz|rozana|roj|dainik|har din'),
  occasion('office', 'office wear|officewear|work|work wear|workwear|corporate|formal|formals'),
  occasion('gift', 'wedding anniversary|marriage anniversary|shaadi ki saalgirah|saalgirah|salgirah|gifts|gifting|present|tohfa|tohfe|birthday|bday|anniversary|valentine|valentines|rakhi|raksha bandhan|surprise'),
];

export const SORT_ENTRIES: readonly Entry[] = [
  sort('price_asc', true, 'cheapest|cheapest one|sabse sasta|sabse sasti|sabse saste|sabse kam price|sabse kam daam|sabse kam rate|lowest price|lowest priced|least expensive|price low to high|low to high|lowest cost|minimum price'),
  sort('price_asc', false, 'cheap|cheaper|sasta|sasti|saste|affordable|budget friendly|low price|low budget|kam price|kam daam|economical|inexpensive|not too expensive|not expensive|sort by price|by price'),
  sort('price_desc', true, 'most expensive|costliest|sabse mehenga|sabse mehnga|sabse mehngi|sabse mehenge|sabse mehangi|highest price|highest priced|price high to low|high to low'),
  sort('price_desc', false, 'expensive|costly|mehenga|mehnga|mehngi|mehenge|mehanga|premium|luxury|high end|high price'),
  sort('weight_desc', true, 'heaviest|sabse bhari|sabse bhaari|sabse heavy|sabse wazandar|most weight|weight high to low'),
  sort('weight_desc', false, 'zyada weight|jyada weight|high weight|more weight|heavy|heavier|heavyweight|heavy weight|bhari|bhaari|vajandar|wazandar|vazandar|bulky'),
  sort('weight_asc', true, 'lightest|sabse halka|sabse halki|sabse halke|sabse light|least weight|weight low to high'),
  sort('weight_asc', false, 'kam weight|kam wajan|kam vajan|low weight|less weight|sort by weight|light|lighter|lightweight|light weight|halka|halki|halke'),
  sort('newest', true, 'latest|newest|new arrival|new arrivals|just arrived|new collection|latest collection|latest design|latest designs|naya|naye|nayi|nai|navin|recent|recently added'),
  sort('newest', false, 'new'),
];

export const STOCK_ENTRIES: readonly Entry[] = [
  entry('in stock|instock|available|availability|avail|ready stock|readystock|ready to ship|ready|readymade|ready made|stock mein|stock me|stock pe|stock par|abhi milega|abhi milegi|turant|immediate delivery|in store|in the store|on hand|available now|available hai', { kind: 'stock' }),
  entry('out of stock|not available|unavailable|sold out', { kind: 'keep' }),
];

/** The filter word after (or, for Hindi, before) one of these is not applied: "without diamond", "gold nahi". */
export const NEGATION_ENTRIES: readonly Entry[] = [
  entry('not|no|without|bina|except|excluding|non|avoid|dont want|do not want|other than|instead of', { kind: 'negation', postfix: false }),
  entry('nahi|nahin|nahi chahiye|nahin chahiye|mat dikhao|nahi dikhao|not needed|not wanted', { kind: 'negation', postfix: true }),
];

import type { Category } from '../../contracts/index.js';
import { entry, type CategoryRole, type Entry } from './types.js';

/**
 * Names of pieces in English, Hindi/Hinglish and a few regional words, with the misspellings
 * shoppers really type. Plurals ending in -s/-es/-ies are found by the matcher, so only the
 * irregular ones (kade, jhumke, chudiyan) are listed.
 */

/** When a text names pieces of two categories, the more specific one wins ("chain pendant" is a pendant). */
export const CATEGORY_PRIORITY: readonly Category[] = [
  'set', 'mangalsutra', 'nose pin', 'earrings', 'anklet', 'pendant', 'bracelet', 'bangle', 'ring', 'other', 'necklace', 'chain',
];

const noun = (category: Category, phrases: string, style?: string): Entry =>
  entry(phrases, style ? { kind: 'category', category, role: 'noun', style } : { kind: 'category', category, role: 'noun' });
const weak = (role: CategoryRole, category: Category, phrases: string, style: string, anyCategory = false): Entry =>
  entry(phrases, { kind: 'category', category, role, style, anyCategory });

export const CATEGORY_ENTRIES: readonly Entry[] = [
  // earrings
  noun('earrings', 'earring|earing|earings|earrring|earrng|ear ring|eaaring|eearring|kundal|kaan ki bali|jhumar'),
  noun('earrings', 'jhumka|jhumki|jhumke|jhumkey|jhumaka|jhumkaa|jumka|jumki|jhoomka|jhoomki|zhumka', 'Jhumka'),
  noun('earrings', 'chandbali|chand bali|chandbaali|chaandbali|chandbalis|chandbaliyan', 'Chandbali'),
  noun('earrings', 'studs|stud|tops|ear tops|eartops|ear stud', 'Studs'),
  noun('earrings', 'bali|baali|baliyan|baaliyan', 'Bali'),
  noun('earrings', 'hoops|hoop|huggies|huggie', 'Bali'),
  noun('earrings', 'drop earring|dangler|danglers|ear drop', 'Drop'),
  noun('earrings', 'ear cuff|earcuff', 'Ear Cuff'),
  noun('earrings', 'sui dhaga', 'Sui Dhaga'),
  weak('modifier', 'earrings', 'drop|drops', 'Drop'),
  // bangles and kadas
  noun('bangle', 'bangle|bangel|bangal|bengal bangle|kangan|kangana|kangna|churi|chudi|choodi|chooriyan|chudiyan|churiyan|chudiya|bangdi|bangadi|bangdiyan|pola|shakha pola'),
  noun('bangle', 'kada|kade|kadaa|kadey|karha|kara|karra', 'Kada'),
  weak('implies', 'bangle', 'nazariya|nazaria|nazariyaa|najariya', 'Nazariya', true),
  // bracelets
  noun('bracelet', 'bracelet|braclet|bracelate|braclate|bracelette|brasslet|breslet|braslet|brasslate|bracelat|brcelet|hand chain'),
  noun('bracelet', 'hathphool|hath phool|haathphool|haath phool', 'Hathphool'),
  noun('bracelet', 'cuff bracelet', 'Cuff'),
  weak('modifier', 'bracelet', 'tennis', 'Tennis'),
  weak('modifier', 'bracelet', 'charm', 'Charm'),
  weak('modifier', 'bracelet', 'link', 'Link'),
  weak('modifier', 'bracelet', 'cuff', 'Cuff'),
  // rings
  noun('ring', 'ring|rng|finger ring|anguthi|angoothi|anguthee|angothi|angutthi|anguthiyan|mundri|mudrika'),
  noun('ring', 'toe ring|bichiya|bichhiya|bichiye|bichhiye|bichua|bichhua|bichwa|metti|mettelu', 'Toe Ring'),
  weak('implies', 'ring', 'band', 'Band'),
  weak('implies', 'ring', 'solitaire|solitair|soliter|solitare', 'Solitaire', true),
  weak('modifier', 'ring', 'cocktail', 'Cocktail'),
  weak('implies', 'ring', 'navratna|navaratna|navratan|navrattan|navarathna', 'Navratna', true),
  // necklaces
  noun('necklace', 'necklace|neckless|necklase|neklace|nekles|neckles|necklas|necles|necklece|necklac|neclace|neck lace|neckpiece|neck piece|haar|haram|mala|hasli|hansli|thushi|guttapusalu'),
  noun('necklace', 'rani haar|ranihaar|rani har|rani haram', 'Rani Haar'),
  noun('necklace', 'choker|chokar|choaker|chocker|choker necklace|galobandh|gulobandh', 'Choker'),
  noun('necklace', 'long necklace|long haar|sita haar|satlada', 'Long'),
  // chains
  noun('chain', 'chain|chen|chian|chane|chaine|chayn|zanjeer|zanjir|neck chain'),
  weak('modifier', 'chain', 'rope', 'Rope'),
  weak('modifier', 'chain', 'box', 'Box'),
  weak('modifier', 'chain', 'curb|cuban', 'Curb'),
  weak('modifier', 'chain', 'figaro', 'Figaro'),
  weak('modifier', 'chain', 'singapore', 'Singapore'),
  weak('modifier', 'chain', 'snake', 'Snake'),
  weak('modifier', 'chain', 'cable', 'Cable'),
  // pendants
  noun('pendant', 'pendant|pendent|pendal|pandent|pandant'),
  noun('pendant', 'locket|lockit|lacket|loket', 'Locket'),
  // mangalsutra
  noun('mangalsutra', 'mangalsutra|mangal sutra|mangalsootra|mangal sootra|mangalsutr|mangalsutram|mangalsuthra|mangalsutra chain'),
  noun('mangalsutra', 'mangalsutra bracelet|mangal sutra bracelet', 'Bracelet'),
  noun('mangalsutra', 'thali|thaali|thali chain|tali', 'Thali'),
  weak('modifier', 'mangalsutra', 'vati|wati', 'Vati'),
  // anklets
  noun('anklet', 'anklet|anklet chain|ankle chain|ankle bracelet|ankle|anklat|ankelet'),
  noun('anklet', 'payal|paayal|payel|pajeb|pazeb|paijeb|painjan|jhanjhar|jhanjar|payalein|payalen', 'Payal'),
  // nose pins
  noun('nose pin', 'nose pin|nosepin|nose stud|nose ring|nosering|nose top|nakphool|nak phool|koka|mookuthi|laung|phuli'),
  noun('nose pin', 'nath|nathni|nathiya|nath nose ring', 'Nath'),
  // sets
  noun('set', 'set|jewellery set|jewelry set|combo set|parure'),
  // pieces outside the main categories
  noun('other', 'maang tikka|mang tikka|maangtikka|mangtikka|maang teeka|tikka|teeka', 'Maang Tikka'),
  noun('other', 'matha patti|maatha patti|mathapatti', 'Matha Patti'),
  noun('other', 'brooch|broach|saree pin', 'Brooch'),
  noun('other', 'cufflink|cufflinks|cuff link|cuff links', 'Cufflinks'),
  noun('other', 'kamarbandh|kamarband|kamarpatta|waist belt|waist chain|vaddanam|oddiyanam', 'Kamarbandh'),
  noun('other', 'bajuband|baajuband|armlet|vanki|arm band', 'Armlet'),
  noun('other', 'tie pin', 'Tie Pin'),
  // phrases that look like a piece but are not one
  entry('set of|pair of', { kind: 'filler' }),
  entry('hair band|hairband|head band|headband|watch band|rubber band|hair pin|safety pin', { kind: 'keep' }),
];

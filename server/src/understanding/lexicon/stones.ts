import { entry, type Entry } from './types.js';

const stone = (name: string, phrases: string): Entry => entry(`${name}|${phrases}`, { kind: 'stone', stone: name });

/** Stones and stone-work by their canonical lowercase name, then the names shoppers use. */
export const STONE_ENTRIES: readonly Entry[] = [
  stone('diamond', 'diamonds|dimond|daimond|diamand|diamon|heera|hira|heere|heeray|heeron|real diamond|natural diamond|lab grown diamond|lab diamond'),
  stone('cz', 'american diamond|cubic zirconia|zirconia|zircon|ad|a d|cz stone|cz diamond|swarovski'),
  stone('pearl', 'pearls|moti|mothi|motiyon|motiyan|freshwater pearl|perl'),
  stone('emerald', 'emeralds|panna|pachu|emrald|emarald'),
  stone('ruby', 'rubies|rubi|manik|manek|manikya|maanik|chuni'),
  stone('sapphire', 'sapphires|saphire|safire|neelam|nilam|pukhraj|yellow sapphire|blue sapphire'),
  stone('polki', 'polkis|polky|uncut diamond|uncut'),
  stone('kundan', 'kundans|kundun'),
  stone('jadau', 'jadaoo|jadav|jadtar'),
  stone('meenakari', 'meenakari work|minakari|meenakri|meena kari|enamel|enamelled'),
  stone('coral', 'moonga|munga|corals'),
  stone('turquoise', 'firoza|feroza|firozi'),
  stone("cat's eye", 'cats eye|lehsunia'),
  stone('hessonite', 'gomed|gomedh'),
  stone('garnet', 'garnets'),
  stone('amethyst', 'amethysts'),
  stone('topaz', 'topazes'),
  stone('opal', 'opals'),
  stone('onyx', 'black onyx'),
  stone('moissanite', 'moissanites'),
  stone('tanzanite', 'tanzanites'),
  stone('aquamarine', 'aquamarines'),
  stone('citrine', 'citrines'),
  stone('peridot', 'peridots'),
  stone('spinel', 'spinels'),
  stone('tourmaline', 'tourmalines'),
  stone('jade', 'jades'),
  stone('lapis', 'lapis lazuli'),
  // Words that contain a stone's name but are not the stone.
  entry('diamond cut|diamond cutting|diamond finish', { kind: 'keep' }),
];

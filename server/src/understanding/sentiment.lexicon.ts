/**
 * The mood lexicon: words and phrases a jewellery shopper uses when pleased or upset, in English,
 * Hinglish (Roman Hindi) and common Devanagari, each with a weight from −1 (furious) to 1 (delighted).
 * Phrases are matched before single words and their words are not scored again.
 */

/** Single words (lower case). */
export const WORDS: Record<string, number> = {
  // English: anger and disappointment
  worst: -0.9, pathetic: -0.9, horrible: -0.9, terrible: -0.85, disgusting: -0.9, awful: -0.8, useless: -0.75, rubbish: -0.8, nonsense: -0.6,
  bad: -0.5, poor: -0.45, angry: -0.7, furious: -0.9, upset: -0.55, annoyed: -0.55, irritated: -0.55, frustrated: -0.6, disappointed: -0.6, disappointing: -0.6,
  rude: -0.65, cheat: -0.85, cheated: -0.9, cheating: -0.85, cheaters: -0.9, fraud: -0.9, scam: -0.9, fake: -0.8, duplicate: -0.5, liar: -0.85, liars: -0.85, lied: -0.8,
  broke: -0.6, broken: -0.6, tarnished: -0.6, faded: -0.5, damaged: -0.6, defective: -0.7, complaint: -0.5, unacceptable: -0.8, ridiculous: -0.7, shameful: -0.8, shame: -0.6,
  hate: -0.8, waste: -0.6, problem: -0.35, issue: -0.25, late: -0.3, delayed: -0.4, ignored: -0.6, mad: -0.6,
  // Hinglish
  bakwas: -0.85, bakwaas: -0.85, dhokha: -0.9, dhoka: -0.9, dhokebaaz: -0.95, dhokebaz: -0.95, ghatiya: -0.85, bekar: -0.7, bekaar: -0.7, bekār: -0.7, bura: -0.55, buri: -0.55,
  kharab: -0.6, kharaab: -0.6, gussa: -0.7, naraz: -0.6, naraaz: -0.6, nakli: -0.85, chor: -0.85, chori: -0.7, barbaad: -0.75, barbad: -0.75, faltu: -0.6, toot: -0.55, tooti: -0.55, tuta: -0.55, tut: -0.5,
  // Devanagari
  'खराब': -0.6, 'ख़राब': -0.6, 'धोखा': -0.9, 'बकवास': -0.85, 'घटिया': -0.85, 'बेकार': -0.7, 'गुस्सा': -0.7, 'नकली': -0.85, 'बुरा': -0.55, 'टूट': -0.55, 'नाराज़': -0.6, 'नाराज': -0.6,
  // pleased
  good: 0.5, great: 0.7, nice: 0.5, beautiful: 0.7, lovely: 0.7, love: 0.7, loved: 0.7, awesome: 0.8, amazing: 0.8, excellent: 0.8, perfect: 0.7, happy: 0.6, thanks: 0.4, thank: 0.4, pretty: 0.5, fine: 0.2, ok: 0.1, okay: 0.1,
  sundar: 0.7, achha: 0.5, accha: 0.5, acha: 0.5, achchha: 0.5, badhiya: 0.7, badiya: 0.7, mast: 0.6, shandaar: 0.8, shukriya: 0.5, dhanyavad: 0.5, dhanyawad: 0.5, theek: 0.3, thik: 0.3, khush: 0.6, pyara: 0.6, pyari: 0.6,
  'सुंदर': 0.7, 'अच्छा': 0.5, 'अच्छी': 0.5, 'बढ़िया': 0.7, 'धन्यवाद': 0.5, 'शुक्रिया': 0.5, 'ठीक': 0.3,
};

/** Phrases (lower case, words separated by one space) that mean more together than apart. */
export const PHRASES: Record<string, number> = {
  'money back': -0.6, 'paisa wapas': -0.6, 'paise wapas': -0.6, 'paisa vapas': -0.6, 'refund nahi': -0.75, 'no refund': -0.7, 'never again': -0.75, 'waste of money': -0.85,
  'kala pad gaya': -0.75, 'kala pad gayi': -0.75, 'kaala pad gaya': -0.75, 'kali pad gayi': -0.75, 'turned black': -0.7, 'rang utar gaya': -0.7, 'colour faded': -0.6, 'color faded': -0.6,
  'not happy': -0.6, 'not satisfied': -0.65, 'khush nahi': -0.6, 'koi jawab nahi': -0.55, 'no one is answering': -0.55, 'nobody is answering': -0.55, 'no reply': -0.45,
  'paisa barbaad': -0.8, 'paise barbaad': -0.8, 'time waste': -0.6, 'ullu bana': -0.85, 'ullu banaya': -0.85, 'consumer court': -0.8, 'police complaint': -0.85,
  'no problem': 0.2, 'koi baat nahi': 0.2, 'not bad': 0.3, 'no issue': 0.2, 'koi dikkat nahi': 0.2,
};

/** Words that flip the next sentiment word (English: before it, within three words). */
export const NEGATORS_BEFORE = new Set(['not', 'no', 'never', "don't", 'dont', "didn't", 'didnt', "isn't", 'isnt', "wasn't", 'wasnt', "aren't", 'arent', 'nor', 'without', "i'm not", 'hardly', 'mat', 'न', 'मत']);
/** Hindi negators follow the word they flip ("achha nahi", "theek nahi hai"), within two words. */
export const NEGATORS_AFTER = new Set(['nahi', 'nahin', 'nai', 'nhi', 'नहीं', 'नही']);

/** Words that make the next sentiment word stronger. */
export const INTENSIFIERS: Record<string, number> = {
  very: 1.5, really: 1.4, so: 1.3, too: 1.3, extremely: 1.7, totally: 1.5, absolutely: 1.6, completely: 1.5, most: 1.4, super: 1.4, highly: 1.4, such: 1.3, utterly: 1.6, total: 1.4,
  bahut: 1.5, bohot: 1.5, bahot: 1.5, bhot: 1.5, bohat: 1.5, ekdum: 1.6, ekdam: 1.6, bilkul: 1.5, itna: 1.4, itni: 1.4, sabse: 1.6, kaafi: 1.3, kafi: 1.3, bada: 1.2, badi: 1.2,
  'बहुत': 1.5, 'एकदम': 1.6, 'बिल्कुल': 1.5, 'सबसे': 1.6, 'इतना': 1.4,
};

/** Emoji weights (compared after dropping variation selectors). */
export const EMOJI: Record<string, number> = {
  '😡': -0.9, '🤬': -1, '👎': -0.7, '😠': -0.8, '😤': -0.6, '😒': -0.4, '😞': -0.4, '😢': -0.35, '😭': -0.45, '💔': -0.5, '🙄': -0.35, '😑': -0.3,
  '😍': 0.8, '❤': 0.7, '😊': 0.6, '🥰': 0.8, '👍': 0.5, '👌': 0.5, '😀': 0.5, '😃': 0.5, '🙂': 0.3, '🤩': 0.8, '💯': 0.5, '🙏': 0.2,
};

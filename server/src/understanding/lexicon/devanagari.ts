import { entry, type Entry } from './types.js';

/**
 * The commonest words in Devanagari, for shoppers who type Hindi script. Each entry starts with its
 * Latin canonical word, which is what the leftover text shows. Phrases are NFKC-normalised like input.
 */
export const DEVANAGARI_ENTRIES: readonly Entry[] = [
  entry('necklace|हार|नेकलेस|गले का हार', { kind: 'category', category: 'necklace', role: 'noun' }),
  entry('ring|अंगूठी|अँगूठी|रिंग', { kind: 'category', category: 'ring', role: 'noun' }),
  entry('earring|कान की बाली|इयररिंग|कुंडल', { kind: 'category', category: 'earrings', role: 'noun' }),
  entry('jhumka|झुमका|झुमके|झुमकी', { kind: 'category', category: 'earrings', role: 'noun', style: 'Jhumka' }),
  entry('bali|बाली|बालियां|बालियाँ', { kind: 'category', category: 'earrings', role: 'noun', style: 'Bali' }),
  entry('bangle|कंगन|चूड़ी|चूड़ियां|चूड़ियाँ|चूडी', { kind: 'category', category: 'bangle', role: 'noun' }),
  entry('kada|कड़ा|कड़े|कडा', { kind: 'category', category: 'bangle', role: 'noun', style: 'Kada' }),
  entry('payal|पायल|पाजेब', { kind: 'category', category: 'anklet', role: 'noun', style: 'Payal' }),
  entry('mangalsutra|मंगलसूत्र|मंगल सूत्र', { kind: 'category', category: 'mangalsutra', role: 'noun' }),
  entry('chain|चेन|चैन|ज़ंजीर', { kind: 'category', category: 'chain', role: 'noun' }),
  entry('nath|नथ|नथनी', { kind: 'category', category: 'nose pin', role: 'noun', style: 'Nath' }),
  entry('nose pin|लौंग|नोज़ पिन|नाक की कील', { kind: 'category', category: 'nose pin', role: 'noun' }),
  entry('locket|लॉकेट|लाकेट', { kind: 'category', category: 'pendant', role: 'noun', style: 'Locket' }),
  entry('pendant|पेंडेंट', { kind: 'category', category: 'pendant', role: 'noun' }),
  entry('set|सेट', { kind: 'category', category: 'set', role: 'noun' }),
  entry('gold|सोना|सोने|सोनें|स्वर्ण|गोल्ड', { kind: 'metal', metal: 'gold' }),
  entry('silver|चांदी|चाँदी|सिल्वर', { kind: 'metal', metal: 'silver' }),
  entry('platinum|प्लैटिनम', { kind: 'metal', metal: 'platinum' }),
  entry('diamond|हीरा|हीरे|हीरों|डायमंड', { kind: 'stone', stone: 'diamond' }),
  entry('pearl|मोती', { kind: 'stone', stone: 'pearl' }),
  entry('emerald|पन्ना', { kind: 'stone', stone: 'emerald' }),
  entry('ruby|माणिक|माणिक्य', { kind: 'stone', stone: 'ruby' }),
  entry('sapphire|नीलम|पुखराज', { kind: 'stone', stone: 'sapphire' }),
  entry('kundan|कुंदन', { kind: 'stone', stone: 'kundan' }),
  entry('polki|पोल्की', { kind: 'stone', stone: 'polki' }),
  entry('bridal|शादी|दुल्हन|विवाह', { kind: 'occasion', occasion: 'bridal' }),
  entry('men|पुरुष|आदमी', { kind: 'gender', gender: 'men' }),
  entry('women|महिला|महिलाओं|पत्नी|बीवी', { kind: 'gender', gender: 'women' }),
  entry('kids|बच्चे|बच्चों|बच्चा', { kind: 'gender', gender: 'kids' }),
  entry('मुझे|चाहिए|दिखाओ|दिखाइए|क्या|है|हैं|का|की|के|में|लिए|कोई|आपके|पास|और', { kind: 'filler' }),
];

/** Money units and price operators in Devanagari, merged into the quantity tables. */
export const DEVANAGARI_MONEY: Readonly<Record<string, number>> = { लाख: 5, हजार: 3, हज़ार: 3, करोड़: 7 };
export const DEVANAGARI_POSTFIX = 'तक|से कम|के अंदर|से नीचे';
export const DEVANAGARI_POSTFIX_MIN = 'से ऊपर|से ज्यादा|से ज़्यादा|से अधिक';

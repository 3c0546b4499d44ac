import type { Design } from './catalog-types.js';

/** Bangles, bracelets, pendants, mangalsutras, anklets, nose pins and sets. */
export const DESIGNS_B: Design[] = [
  // ---- bangles and kadas ----
  {
    // Light bangles: net weight kept low so each stays under ₹50,000.
    cat: 'bangle', style: 'plain', label: '{metal} Bangle',
    prefixes: ['Sleek', 'Textured', 'Filigree', 'Hammered', 'Daily'], metals: ['Y22'], net: [3.8, 5.6],
    gender: 'women', occasions: ['daily wear', 'office'], band: 'plain',
    desc: [
      'A slim bangle in {metal} sold as a single piece. Stack it with glass bangles or wear a pair.',
      'A light everyday bangle in {metal} in size 2.4 and 2.6. Sold singly.',
    ],
  },
  {
    cat: 'bangle', style: 'antique', label: 'Antique Gold Bangle',
    prefixes: ['Rajwadi', 'Nakshi', 'Peacock'], metals: ['Y22'], net: [18, 30],
    stones: [{ kind: 'ruby', ct: [0.5, 1.5] }],
    gender: 'women', occasions: ['festive', 'bridal'], band: 'heritage',
    desc: ['A broad antique-finish bangle in {metal} with nakshi carving and small rubies. Sold singly.'],
  },
  {
    cat: 'bangle', style: 'kundan', label: 'Kundan Bangle',
    prefixes: ['Jaipuri', 'Meenakari'], metals: ['Y22'], net: [20, 32],
    stones: [{ kind: 'kundan', ct: [5, 12] }],
    gender: 'women', occasions: ['bridal', 'festive'], band: 'heritage',
    desc: ['A kundan bangle in {metal} with a screw opening and meenakari on the inside. A Jaipur bridal staple.'],
  },
  {
    cat: 'bangle', style: 'diamond', label: 'Diamond Bangle',
    prefixes: ['Eternity', 'Vine'], metals: ['Y18', 'W18'], net: [10, 16],
    stones: [{ kind: 'diamond', ct: [0.8, 2] }],
    gender: 'women', occasions: ['engagement', 'festive'], band: 'crafted',
    desc: ['A sleek bangle in {metal} set all round with diamonds. Opens with a hinge and safety catch.'],
  },
  {
    cat: 'bangle', style: 'kada', label: '{metal} Kada',
    prefixes: ['Classic', 'Bold', 'Rudra'], metals: ['Y22'], net: [25, 45],
    gender: 'men', occasions: ['festive', 'gift'], band: 'plain',
    desc: [
      'A solid kada for men in {metal} with a polished finish. Made in Jaipur and sized to order.',
      'A heavy round kada in {metal}. The classic gift for a groom or on a milestone birthday.',
    ],
  },
  {
    cat: 'bangle', style: 'kada', label: 'Polki Kada',
    prefixes: ['Mughal', 'Sheesh'], metals: ['Y22'], net: [30, 40],
    stones: [{ kind: 'polki', ct: [3, 6] }, { kind: 'emerald', ct: [0.5, 1.5] }],
    gender: 'women', occasions: ['bridal'], band: 'heritage',
    desc: ['An openable kada in {metal} set with uncut polki and emerald beads. Worn at the wedding and every festival after.'],
  },
  {
    cat: 'bangle', style: 'nazariya', label: 'Nazariya Baby Bangle',
    prefixes: ['Chhoti', 'Nanhi'], metals: ['Y22'], net: [3, 5],
    gender: 'kids', occasions: ['gift'], band: 'light',
    desc: ['A pair-ready baby bangle in {metal} with black nazariya beads to ward off the evil eye.'],
  },
  {
    cat: 'bangle', style: 'kada', label: 'Sterling Silver Kada',
    prefixes: ['Oxidised', 'Hammered'], metals: ['S925'], net: [30, 50],
    gender: 'men', occasions: ['daily wear', 'gift'], band: 'silver',
    desc: ['A heavy kada in {metal}. Wears well every day and can be polished back to new in store.'],
  },
  // ---- bracelets ----
  {
    cat: 'bracelet', style: 'tennis', label: 'Diamond Tennis Bracelet',
    prefixes: ['Classic', 'Riviera', 'Starlight'], metals: ['W18', 'Y18', 'PT950'], net: [8, 12],
    stones: [{ kind: 'diamond', ct: [1.5, 3] }],
    gender: 'women', occasions: ['engagement', 'gift'], band: 'crafted',
    desc: ['A single line of matched diamonds in {metal} with a double safety clasp.'],
  },
  {
    cat: 'bracelet', style: 'link', label: '{metal} Link Bracelet',
    prefixes: ['Curb', 'Figaro'], metals: ['Y22'], net: [15, 25],
    gender: 'men', occasions: ['festive', 'gift'], band: 'chain',
    desc: ['A solid link bracelet for men in {metal} with a box clasp. 8 inches long.'],
  },
  {
    cat: 'bracelet', style: 'charm', label: 'Charm Bracelet',
    prefixes: ['Evil Eye', 'Heart'], metals: ['R14', 'Y14'], net: [4, 7],
    stones: [{ kind: 'sapphire', ct: [0.1, 0.3] }, { kind: 'diamond', ct: [0.05, 0.12] }],
    gender: 'women', occasions: ['gift', 'daily wear'], band: 'crafted',
    desc: ['A dainty chain bracelet in {metal} with a little charm set with a sapphire. A favourite birthday gift.'],
  },
  {
    cat: 'bracelet', style: 'link', label: 'Sterling Silver Bracelet',
    prefixes: ['Infinity', 'Chain'], metals: ['S925'], net: [6, 12],
    stones: [{ kind: 'cubic zirconia', ct: [0.5, 1.5] }],
    gender: 'women', occasions: ['daily wear', 'gift'], band: 'silver',
    desc: ['A {metal} bracelet with sparkling cubic zirconia. Rhodium plated to resist tarnish.'],
  },
  {
    cat: 'bracelet', style: 'link', label: 'Platinum Bracelet',
    prefixes: ['Gents Link', 'Bold'], metals: ['PT950'], net: [20, 30],
    gender: 'men', occasions: ['gift', 'festive'], band: 'platinum',
    desc: ['A solid {metal} bracelet for men with a brushed and polished finish.'],
  },
  {
    cat: 'bracelet', style: 'nazariya', label: 'Nazariya Bracelet',
    prefixes: ['Baby'], metals: ['Y22'], net: [2, 3.5],
    gender: 'kids', occasions: ['gift'], band: 'light',
    desc: ['A tiny adjustable bracelet in {metal} with black beads for a newborn. A traditional gift for the naamkaran.'],
  },
  // ---- pendants ----
  {
    cat: 'pendant', style: 'coin', label: 'Om Pendant',
    prefixes: ['Divine', 'Shubh'], metals: ['Y22'], net: [2, 5],
    gender: 'unisex', occasions: ['festive', 'gift'], band: 'light',
    desc: ['An Om pendant in {metal} with a polished border. Chain sold separately.'],
  },
  {
    cat: 'pendant', style: 'coin', label: 'Ganesha Pendant',
    prefixes: ['Vinayak', 'Siddhi'], metals: ['Y22'], net: [3, 6],
    gender: 'unisex', occasions: ['festive', 'gift'], band: 'heritage',
    desc: ['A Ganesha pendant in {metal} for new beginnings. Often gifted at a griha pravesh.'],
  },
  {
    cat: 'pendant', style: 'heart', label: 'Diamond Heart Pendant',
    prefixes: ['Forever', 'Sweetheart'], metals: ['R18', 'W18'], net: [1.5, 3],
    stones: [{ kind: 'diamond', ct: [0.1, 0.3] }],
    gender: 'women', occasions: ['gift', 'engagement'], band: 'crafted',
    desc: ['An open heart outlined with diamonds in {metal}. Comes on an 18 inch chain.'],
  },
  {
    cat: 'pendant', style: 'solitaire', label: 'Solitaire Pendant',
    prefixes: ['Tara', 'Dewdrop'], metals: ['W18', 'PT950'], net: [1.5, 2.5],
    stones: [{ kind: 'diamond', ct: [0.2, 0.5], rate: 110000 }],
    gender: 'women', occasions: ['gift', 'office'], band: 'crafted',
    desc: ['A single diamond in a four-prong setting of {metal}. Chain included.'],
  },
  {
    cat: 'pendant', style: 'gem', label: 'Ruby Pendant',
    prefixes: ['Manik', 'Gulab'], metals: ['Y18'], net: [2, 4],
    stones: [{ kind: 'ruby', ct: [0.8, 2] }, { kind: 'diamond', ct: [0.05, 0.15] }],
    gender: 'women', occasions: ['gift', 'festive'], band: 'crafted',
    desc: ['An oval ruby with a diamond halo in {metal}. The July birthstone.'],
  },
  {
    cat: 'pendant', style: 'gem', label: 'Emerald Pendant',
    prefixes: ['Panna', 'Hara'], metals: ['Y18'], net: [2, 4],
    stones: [{ kind: 'emerald', ct: [0.8, 2] }, { kind: 'diamond', ct: [0.05, 0.15] }],
    gender: 'women', occasions: ['gift', 'festive'], band: 'crafted',
    desc: ['A pear-shaped emerald in {metal} with a small diamond bail. The May birthstone.'],
  },
  {
    cat: 'pendant', style: 'initial', label: 'Initial Pendant',
    prefixes: ['Letter A', 'Letter R'], metals: ['Y14', 'R14'], net: [1.2, 2.2],
    stones: [{ kind: 'diamond', ct: [0.04, 0.1] }],
    gender: 'women', occasions: ['gift', 'daily wear'], band: 'crafted',
    desc: ['A small initial pendant in {metal} with a diamond accent. Other letters can be made in ten days.'],
  },
  {
    cat: 'pendant', style: 'moon', label: 'Sterling Silver Pendant',
    prefixes: ['Moon', 'Lotus'], metals: ['S925'], net: [3, 6],
    stones: [{ kind: 'cubic zirconia', ct: [0.3, 0.8] }],
    gender: 'women', occasions: ['daily wear', 'gift'], band: 'silver',
    desc: ['A {metal} pendant with cubic zirconia on a matching chain.'],
  },
  // ---- mangalsutras ----
  {
    cat: 'mangalsutra', style: 'vati', label: 'Vati Mangalsutra',
    prefixes: ['Puneri', 'Saubhagya', 'Sakhi'], metals: ['Y22'], net: [10, 18],
    gender: 'women', occasions: ['bridal', 'daily wear'], band: 'light',
    desc: ['A Maharashtrian mangalsutra with twin vati bowls on two strands of black beads in {metal}.'],
  },
  {
    cat: 'mangalsutra', style: 'diamond', label: 'Diamond Mangalsutra',
    prefixes: ['Minimal', 'Infinity', 'Petal'], metals: ['Y18', 'W18', 'R18'], net: [4, 8],
    stones: [{ kind: 'diamond', ct: [0.15, 0.5] }],
    gender: 'women', occasions: ['daily wear', 'office'], band: 'crafted',
    desc: ['A short modern mangalsutra in {metal} with a diamond pendant on a single line of black beads. Made for office wear.'],
  },
  {
    cat: 'mangalsutra', style: 'long', label: 'Long Mangalsutra',
    prefixes: ['Traditional', 'Temple'], metals: ['Y22'], net: [18, 30],
    gender: 'women', occasions: ['bridal', 'festive'], band: 'heritage',
    desc: ['A long mangalsutra of about 30 inches in {metal} with a traditional pendant. Worn for pujas and family functions.'],
  },
  {
    cat: 'mangalsutra', style: 'bracelet', label: 'Mangalsutra Bracelet',
    prefixes: ['Nazuk', 'Modern'], metals: ['Y18'], net: [3, 5],
    stones: [{ kind: 'diamond', ct: [0.05, 0.15] }],
    gender: 'women', occasions: ['daily wear', 'office'], band: 'crafted',
    desc: ['A mangalsutra worn on the wrist in {metal} with black beads and a small diamond motif.'],
  },
  // ---- anklets ----
  {
    cat: 'anklet', style: 'payal', label: 'Silver Payal',
    prefixes: ['Ghungroo', 'Meenakari', 'Zanjeer', 'Bridal'], metals: ['S925'], net: [30, 80],
    gender: 'women', occasions: ['bridal', 'festive'], band: 'silver',
    desc: ['A pair of payal in {metal} with ghungroo that chime softly as you walk. Priced per pair.'],
  },
  {
    cat: 'anklet', style: 'payal', label: 'Kids Silver Payal',
    prefixes: ['Baby Ghungroo', 'Tiny Star'], metals: ['S925'], net: [10, 18],
    gender: 'kids', occasions: ['gift'], band: 'silver',
    desc: ['A pair of small payal in {metal} for babies and toddlers. Adjustable with an S-hook.'],
  },
  {
    cat: 'anklet', style: 'chain', label: 'Sterling Silver Anklet',
    prefixes: ['Delicate', 'Evil Eye'], metals: ['S925'], net: [5, 10],
    stones: [{ kind: 'cubic zirconia', ct: [0.2, 0.6] }],
    gender: 'women', occasions: ['daily wear', 'gift'], band: 'silver',
    desc: ['A single fine anklet in {metal} for everyday wear. Sold as one piece.'],
  },
  // ---- nose pins ----
  {
    cat: 'nose pin', style: 'stud', label: 'Diamond Nose Pin',
    prefixes: ['Solitaire', 'Flower', 'Star'], metals: ['Y18', 'W18', 'R18'], net: [0.3, 0.6],
    stones: [{ kind: 'diamond', ct: [0.03, 0.12] }],
    gender: 'women', occasions: ['daily wear', 'gift'], band: 'crafted',
    desc: ['A tiny diamond nose pin in {metal} with a screw back. Also available as a press-fit.'],
  },
  {
    cat: 'nose pin', style: 'stud', label: '{metal} Nose Pin',
    prefixes: ['Leaf', 'Bud'], metals: ['Y22'], net: [0.4, 0.8],
    gender: 'women', occasions: ['daily wear'], band: 'light',
    desc: ['A plain nose pin in {metal}. Small and comfortable to wear day and night.'],
  },
  {
    cat: 'nose pin', style: 'nath', label: 'Bridal Nath',
    prefixes: ['Marathi', 'Rajputi'], metals: ['Y22'], net: [3, 8],
    stones: [{ kind: 'pearl', ct: [3, 8] }, { kind: 'ruby', ct: [0.3, 0.8] }],
    gender: 'women', occasions: ['bridal'], band: 'heritage',
    desc: ['A bridal nath in {metal} with pearls and a ruby centre and a chain that hooks into the hair.'],
  },
  {
    cat: 'nose pin', style: 'stud', label: 'Silver Nose Pin',
    prefixes: ['Oxidised'], metals: ['S925'], net: [0.5, 1],
    gender: 'women', occasions: ['daily wear'], band: 'silver',
    desc: ['An oxidised nose pin in {metal} in a small flower shape.'],
  },
  // ---- sets ----
  {
    cat: 'set', style: 'kundan', label: 'Bridal Kundan Set',
    prefixes: ['Shahi', 'Rajkumari'], metals: ['Y22'], net: [90, 140],
    stones: [{ kind: 'kundan', ct: [25, 50] }, { kind: 'emerald', ct: [4, 10] }, { kind: 'pearl', ct: [20, 40] }],
    gender: 'women', occasions: ['bridal'], band: 'heritage',
    desc: ['A full bridal set in {metal} with kundan necklace and earrings and maang tikka. Each piece is finished by hand over several weeks.'],
  },
  {
    cat: 'set', style: 'polki', label: 'Polki Bridal Set',
    prefixes: ['Mehrunisa', 'Amber'], metals: ['Y22'], net: [110, 150],
    stones: [{ kind: 'polki', ct: [10, 20] }, { kind: 'ruby', ct: [3, 8] }],
    gender: 'women', occasions: ['bridal'], band: 'heritage',
    desc: ['A polki choker with matching chandbalis and maang tikka in {metal}. Our signature bridal set from Johari Bazaar.'],
  },
  {
    cat: 'set', style: 'temple', label: 'Temple Set',
    prefixes: ['Lakshmi', 'Kanchi'], metals: ['Y22'], net: [60, 90],
    stones: [{ kind: 'ruby', ct: [3, 6] }, { kind: 'pearl', ct: [8, 15] }],
    gender: 'women', occasions: ['bridal', 'festive'], band: 'heritage',
    desc: ['A temple necklace and jhumka set in {metal} with rubies and pearls. Made for the muhurtham.'],
  },
  {
    cat: 'set', style: 'diamond', label: 'Diamond Necklace Set',
    prefixes: ['Aurora', 'Chandni'], metals: ['W18', 'Y18'], net: [25, 40],
    stones: [{ kind: 'diamond', ct: [3, 6] }],
    gender: 'women', occasions: ['engagement', 'festive'], band: 'crafted',
    desc: ['A diamond necklace with matching drop earrings in {metal}. Comes with an IGI certificate.'],
  },
  {
    cat: 'set', style: 'light', label: '{metal} Necklace Set',
    prefixes: ['Petal', 'Office'], metals: ['Y22'], net: [15, 25],
    gender: 'women', occasions: ['office', 'festive'], band: 'light',
    desc: ['A light necklace and earring set in {metal} that is easy to carry from work to a function.'],
  },
];

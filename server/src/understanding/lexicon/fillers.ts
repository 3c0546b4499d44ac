import { entry, type Entry } from './types.js';

/**
 * Words that carry no meaning for ranking once the filters are read: greetings, requests, English
 * and Hindi function words, "jewellery" itself. Multi-word fillers ("do you have") are matched as
 * phrases so that the single words inside them need not all be fillers.
 */
const ENGLISH = `a an the and or of to in on at by for from with within into about as is are am was were be been
  do does did you your yours u ur i me my mine we us our it its this that these those there here what which who whom
  any some something anything one ones few more most other another such very really just only also too so please pls plz
  plss kindly can could would will shall should may might must have has had having get got give send share show showing
  see look looking find search want wanted wants need needs needed like love prefer buy buying purchase order
  tell know let lets check suggest recommend recommendation options option range variety collection collections
  design designs designed piece pieces item items product products thing things stuff type types kind kinds model models
  jewellery jewelry jewelery jewellry jwellery jewel jewels ornament ornaments accessory accessories
  price prices priced cost costs costing rate rates value amount rupees rupee rs inr mrp budget weight weighing weighs grams
  hi hello hey hii namaste namaskar sir madam maam mam dear ji bhaiya bhai didi thanks thank thankyou ok okay yes yeah
  good nice beautiful pretty lovely best great cute awesome nicer better fine matching match something
  photo photos pic pics picture pictures image images video videos catalogue catalog today now size sizes
  wear wearing worn use using made make hallmark hallmarked bis huid certified genuine original real`;

const HINDI = `mujhe muje mujhko mereko mere meri mera hume humein hamein hamko humko hum main mai aap aapke aapki apke apki
  tum tumhare tera teri chahiye chaiye chahie chahiyee chaahiye chiye chahiya dikhao dikhaiye dikhana dikhado dikha
  dikhaye dikhaaiye dekhna dekhne dekhiye dekho batao bataiye bataye kya kia kyaa hai hain h he hei ha hay tha thi the
  ka ki ke ko se me mein mai pe par liye lie liya keliye wala wali wale vala vali vale waala waali koi kuch kuchh aur
  or bhi ya ek do teen kaun kaunsa kaunsi konsa konsi kitna kitne kitni kaisa kaise kaisi acha achha accha acchi achhi
  sundar badhiya mast dena de dedo milega milegi milenge mil sakta sakti sakte hoga hogi honge ho raha rahi rahe tha
  jo jaisa jaise yeh ye woh wo vo iss is us uska uski abhi sirf bas bahut bohot zyada jyada thoda thodi gehna gehne
  zevar zewar jewar aabhushan paas pass bani bana bane banaya sum som saath sath`;

const PHRASES = `do you have|have you got|is there|are there|show me|can you show|could you show|can i see|let me see
  i want|i need|i am looking for|im looking for|looking for|i would like|id like|what do you have|what about|how about
  aapke paas|apke paas|aap ke paas|hai kya|h kya|kya hai|dikha do|dikha dijiye|bata do|ke liye|ke liya|mil jayega|mil jaega`;

const words = (list: string): string[] => list.split(/\s+/).filter(Boolean);

export const FILLER_WORDS: ReadonlySet<string> = new Set([...words(ENGLISH), ...words(HINDI)]);

export const FILLER_ENTRIES: readonly Entry[] = [entry(PHRASES.replace(/\s*\n\s*/g, ''), { kind: 'filler' })];

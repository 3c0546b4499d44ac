import type { InboundMessage } from '../../contracts/index.js';
import type { StoreInfoResult } from './tools.js';
import { TOOL } from './tools.js';
import { checkWithTeam, finalize, suggest, type Ctx } from './ctx.js';
import { call, say, type Step } from './turn.js';
import { BUTTON } from './voice.js';
import { tryOnImageStep } from './tryon.js';
import { orderConfirmStep } from './order.js';

/** Greeting: the agent's and the store's names, what it can do, three starting buttons. */
export function greetingStep(c: Ctx): Step {
  const { v, tc } = c;
  const agent = tc.agentName;
  const store = tc.store.name;
  // Asked "are you a bot?": say plainly what it is, and that a person can join.
  const who = c.reading.topic === 'who';
  return finalize(c, [suggest(c, [BUTTON.goldBangles, BUTTON.bridal, who ? BUTTON.talk : BUTTON.timings])], () =>
    v.finish(
      [
        `${v.hello(tc.shopperName)}!`,
        v.byTone(
          {
            en: `I am ${agent}, from ${store}. How may I assist you?`,
            hinglish: `Main ${agent}, ${store} se. Bataiye, aapki kya seva karein?`,
            hindi: `मैं ${agent}, ${store} से। बताइए, आपकी क्या सेवा करें?`,
          },
          {
            en: `I'm ${agent} from ${store}.`,
            hinglish: `Main ${agent}, ${store} se.`,
            hindi: `मैं ${agent}, ${store} से।`,
          },
          {
            en: `${agent} here, from ${store}!`,
            hinglish: `${agent} here, ${store} se!`,
            hindi: `मैं ${agent}, ${store} से!`,
          },
        ),
        who
          ? v.t({
              en: "I am the store's digital assistant; a person from our team can join anytime.",
              hinglish: 'Main store ka digital assistant hoon; team ka koi bhi member kabhi bhi jud sakta hai.',
              hindi: 'मैं दुकान का डिजिटल सहायक हूँ; टीम का कोई भी सदस्य कभी भी जुड़ सकता है।',
            })
          : null,
        v.t({
          en: 'I can show you our jewellery, check prices and stock, or share our timings.',
          hinglish: 'Jewellery dikhani ho, price ya stock check karna ho, ya store timings — bataiye.',
          hindi: 'गहने देखने हों, दाम या स्टॉक जानना हो, या दुकान का समय — बताइए।',
        }),
      ],
      { topic: 'welcome', keep: who ? 3 : 2 },
    ),
  );
}

export function thanksStep(c: Ctx): Step {
  const { v } = c;
  return say(
    v.finish(
      [
        v.byTone(
          { en: 'Thank you for contacting us.', hinglish: 'Sampark karne ke liye dhanyavaad.', hindi: 'संपर्क करने के लिए धन्यवाद।' },
          { en: 'Thank you!', hinglish: 'Shukriya!', hindi: 'धन्यवाद!' },
          { en: 'Anytime!', hinglish: 'Koi baat nahi!', hindi: 'कोई बात नहीं!' },
        ),
        v.t({ en: 'Write to us whenever you need anything.', hinglish: 'Jab bhi zaroorat ho, message kijiye.', hindi: 'जब भी ज़रूरत हो, संदेश भेजिए।' }),
      ],
      { topic: 'thanks', cta: 'visit' },
    ),
  );
}

/** Stop: acknowledge, promise silence, sell nothing. */
export function stopStep(c: Ctx): Step {
  const { v } = c;
  const text = [
    v.t({ en: 'Understood, I will not message you further.', hinglish: 'Theek hai, aage message nahi karenge.', hindi: 'ठीक है, आगे संदेश नहीं भेजेंगे।' }),
    v.t({ en: 'If you need anything, just write to us.', hinglish: 'Kabhi zaroorat ho to likhiye.', hindi: 'कभी ज़रूरत हो तो लिखिए।' }),
  ].join(' ');
  return say(v.tone === 'strict' ? text.replace(/!/g, '.') : text);
}

export function unknownStep(c: Ctx): Step {
  const { v } = c;
  return finalize(c, [suggest(c, [BUTTON.goldBangles, BUTTON.timings, BUTTON.talk])], () =>
    v.finish(
      [
        v.t({ en: 'Sorry, I did not quite understand.', hinglish: 'Maaf kijiye, samajh nahi aaya.', hindi: 'माफ़ कीजिए, समझ नहीं आया।' }),
        v.t({
          en: 'You can ask me for designs (for example "gold jhumkas for a wedding"), prices, stock or our timings.',
          hinglish: 'Aap designs (jaise "shaadi ke liye sone ke jhumke"), price, stock ya timings pooch sakte hain.',
          hindi: 'आप डिज़ाइन (जैसे "शादी के लिए सोने के झुमके"), दाम, स्टॉक या दुकान का समय पूछ सकते हैं।',
        }),
      ],
      { topic: 'info', keep: 2 },
    ),
  );
}

/** Messages without words to read: one sensible answer for each kind. */
export function nonTextStep(c: Ctx, m: InboundMessage): Step | null {
  const { v, turn } = c;
  const kind = m.type === 'interactive' && m.flow ? 'flow' : m.type;
  switch (kind) {
    case 'image':
    case 'video':
      if (kind === 'image') {
        const tryOn = tryOnImageStep(c, m);
        if (tryOn) return tryOn;
      }
      return finalize(c, [suggest(c, [BUTTON.goldBangles, BUTTON.talk])], () =>
        v.finish(
          [
            v.t({ en: 'Thank you for the picture!', hinglish: 'Photo ke liye shukriya!', hindi: 'फ़ोटो के लिए धन्यवाद!' }),
            v.t({
              en: 'I cannot see images yet: tell me the piece, metal and budget and I will find similar designs, or our team can take a look.',
              hinglish: 'Photo abhi dekh nahi sakte: piece, metal aur budget bataiye, milte-julte designs dikhayenge, ya team dekh legi.',
              hindi: 'फ़ोटो अभी देख नहीं सकते: गहना, धातु और बजट बताइए, मिलते-जुलते डिज़ाइन दिखाएँगे, या टीम देख लेगी।',
            }),
          ],
          { topic: 'jewel', keep: 2 },
        ),
      );
    case 'audio':
      return say(
        v.finish([
          v.t({
            en: 'I cannot listen to voice notes yet. Could you type your question, please?',
            hinglish: 'Voice note abhi sun nahi sakte. Kripya apna sawaal type kijiye.',
            hindi: 'वॉइस नोट अभी सुन नहीं सकते। कृपया अपना सवाल लिखिए।',
          }),
        ]),
      );
    case 'document':
      return say(
        v.finish([
          v.t({
            en: 'Thank you, we have received your document. Our team will take a look.',
            hinglish: 'Shukriya, aapka document mil gaya. Hamari team dekh legi.',
            hindi: 'धन्यवाद, आपका दस्तावेज़ मिल गया। हमारी टीम देख लेगी।',
          }),
        ]),
      );
    case 'sticker':
    case 'reaction':
      if (kind === 'reaction' && !m.reaction?.emoji) return say(v.finish([v.t({ en: 'No problem.', hinglish: 'Koi baat nahi.', hindi: 'कोई बात नहीं।' })]));
      if (kind === 'reaction') {
        return say(v.finish([v.t({ en: 'Glad you liked it! Anything else I can show you?', hinglish: 'Khushi hui ki pasand aaya! Aur kuch dikhaun?', hindi: 'ख़ुशी हुई कि पसंद आया! और कुछ दिखाऊँ?' })], { topic: 'jewel' }));
      }
      return say(
        v.finish(
          [v.t({ en: 'Glad to hear from you! Anything I can show you?', hinglish: 'Shukriya! Kuch dikhaun?', hindi: 'धन्यवाद! कुछ दिखाऊँ?' })],
          { topic: 'welcome' },
        ),
      );
    case 'location': {
      if (!turn.called(TOOL.storeInfo)) return call(TOOL.storeInfo, { topic: 'address' });
      const s = turn.result<StoreInfoResult>(TOOL.storeInfo);
      if (!s) return say(checkWithTeam(c));
      return say(
        v.finish(
          [
            v.t({ en: 'Thank you for sharing your location.', hinglish: 'Location bhejne ke liye shukriya.', hindi: 'लोकेशन भेजने के लिए धन्यवाद।' }),
            v.t({ en: `Our store: ${s.address}.`, hinglish: `Hamara store: ${s.address}.`, hindi: `हमारी दुकान: ${s.address}।` }),
            s.mapsUrl,
          ],
          { topic: 'store', cta: 'visit', keep: 3 },
        ),
      );
    }
    case 'contacts':
      return say(
        v.finish([
          v.t({
            en: 'Thank you for sharing the contact. How can I help you today?',
            hinglish: 'Contact bhejne ke liye shukriya. Bataiye, kya madad karein?',
            hindi: 'संपर्क भेजने के लिए धन्यवाद। बताइए, क्या मदद करें?',
          }),
        ]),
      );
    case 'order':
      return orderStep(c, m);
    case 'flow':
      return say(
        v.finish(
          [
            v.t({
              en: 'Thank you, we have received your details. Our team will get back to you shortly.',
              hinglish: 'Shukriya, aapki details mil gayi. Hamari team jaldi sampark karegi.',
              hindi: 'धन्यवाद, आपकी जानकारी मिल गई। हमारी टीम जल्द संपर्क करेगी।',
            }),
          ],
          { topic: 'thanks' },
        ),
      );
    case 'unsupported':
    case 'system':
    case 'revoke':
      return say(
        v.finish([
          v.t({
            en: 'Sorry, I cannot open this kind of message. Could you type your question?',
            hinglish: 'Maaf kijiye, yeh message khul nahi raha. Apna sawaal type kar denge?',
            hindi: 'माफ़ कीजिए, यह संदेश खुल नहीं रहा। अपना सवाल लिख देंगे?',
          }),
        ]),
      );
    default:
      return null;
  }
}

/** An order from the catalog: the confirmation from the commerce hook's facts (brain/offline/order.ts). */
function orderStep(c: Ctx, m: InboundMessage): Step {
  return orderConfirmStep(c, m);
}

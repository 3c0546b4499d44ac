import type { HandoffResult, SearchKnowledgeResult, StoreInfoResult } from './tools.js';
import { TOOL } from './tools.js';
import { bookingStep } from './booking.js';
import { checkWithTeam, finalize, suggest, type Ctx } from './ctx.js';
import { call, say, type Step } from './turn.js';
import { BUTTON, type Voice } from './voice.js';
import { discountOfferStep } from './discount.js';

/** Today's hours, the week, address, phone: only what store_info returned. */
function hoursWords(v: Voice, s: StoreInfoResult): string {
  if (s.today === 'closed') {
    return v.t({ en: `We are closed today. Our hours: ${s.hours}.`, hinglish: `Aaj store band hai. Timings: ${s.hours}.`, hindi: `आज दुकान बंद है। समय: ${s.hours}।` });
  }
  const now = s.openNow
    ? v.t({ en: ' (open now)', hinglish: ' (abhi khula hai)', hindi: ' (अभी खुली है)' })
    : v.t({ en: ' (closed right now)', hinglish: ' (abhi band hai)', hindi: ' (अभी बंद है)' });
  return v.t({
    en: `Today we are open ${s.today}${now}. Our hours: ${s.hours}.`,
    hinglish: `Aaj hum ${s.today} khule hain${now}. Timings: ${s.hours}.`,
    hindi: `आज हम ${s.today} खुले हैं${now}। समय: ${s.hours}।`,
  });
}

function addressWords(v: Voice, s: StoreInfoResult): string[] {
  // The address went with a "Get directions" button just before these words: point to it, do not repeat it.
  if (s.directionsSent) return [v.t({ en: 'Tap *Get directions* above to find us on the map.', hinglish: 'Map par raasta dekhne ke liye upar *Get directions* dabaiye.', hindi: 'नक्शे पर रास्ते के लिए ऊपर *Get directions* दबाइए।' })];
  return [
    v.t({ en: `${s.name}, ${s.address}.`, hinglish: `${s.name}, ${s.address}.`, hindi: `${s.name}, ${s.address}।` }),
    s.mapsUrl ?? '',
  ];
}

function contactWords(v: Voice, s: StoreInfoResult): string {
  const site = s.website ? v.t({ en: `, or see ${s.website}`, hinglish: `, website: ${s.website}`, hindi: `, वेबसाइट: ${s.website}` }) : '';
  return v.t({ en: `You can call us on ${s.phone}${site}.`, hinglish: `Humein ${s.phone} par call kijiye${site}.`, hindi: `हमें ${s.phone} पर कॉल कीजिए${site}।` });
}

export function storeInfoStep(c: Ctx): Step {
  const { turn, v } = c;
  const topic = c.reading.storeTopic ?? 'all';
  if (!turn.called(TOOL.storeInfo)) return call(TOOL.storeInfo, { topic });
  const s = turn.result<StoreInfoResult>(TOOL.storeInfo);
  if (!s) return say(checkWithTeam(c));
  // "Can I call you?": the number in words, and the store's contact card to tap.
  if (topic === 'contact' && turn.has(TOOL.shareContact) && !turn.called(TOOL.shareContact)) return call(TOOL.shareContact);
  return finalize(c, [suggest(c, [BUTTON.visit, BUTTON.goldBangles, BUTTON.talk])], () => {
    const parts =
      topic === 'hours'
        ? [hoursWords(v, s), v.detailed ? addressWords(v, s)[0] : null]
        : topic === 'address'
          ? [...addressWords(v, s), v.detailed ? hoursWords(v, s) : null]
          : topic === 'contact'
            ? [contactWords(v, s)]
            : [hoursWords(v, s), ...addressWords(v, s), contactWords(v, s)];
    return v.finish(parts, { topic: 'store', cta: 'visit', keep: topic === 'all' ? 3 : 2 });
  });
}

export function bookVisitStep(c: Ctx): Step {
  const { turn, v } = c;
  // With the Appointment booking skill: free slots to tap, a tapped slot booked (./booking.ts); otherwise hours and address.
  const booking = bookingStep(c);
  if (booking) return booking;
  if (!turn.called(TOOL.storeInfo)) return call(TOOL.storeInfo, { topic: 'all' });
  const s = turn.result<StoreInfoResult>(TOOL.storeInfo);
  if (!s) return say(checkWithTeam(c));
  return finalize(c, [suggest(c, [BUTTON.goldBangles, BUTTON.bridal, BUTTON.talk])], () =>
    v.finish(
      [
        v.byTone(
          { en: 'You are most welcome to visit us.', hinglish: 'Aapka store mein swagat hai.', hindi: 'आपका दुकान में स्वागत है।' },
          { en: 'We would love to see you!', hinglish: 'Zaroor aaiye!', hindi: 'ज़रूर आइए!' },
          { en: 'Yes, come over anytime!', hinglish: 'Haan, bilkul aa jaiye!', hindi: 'हाँ, बिल्कुल आ जाइए!' },
        ),
        hoursWords(v, s),
        ...addressWords(v, s),
        v.detailed
          ? v.t({
              en: 'Tell me what you would like to see and we will keep it ready.',
              hinglish: 'Bataiye kya dekhna hai, hum ready rakhenge.',
              hindi: 'बताइए क्या देखना है, हम तैयार रखेंगे।',
            })
          : null,
      ],
      { topic: 'store', cta: v.push === 'shark' ? 'visit' : null, keep: 3 },
    ),
  );
}

/**
 * The passage's document title ("Returns and Exchange": the first heading of its location); for a
 * location without headings ("page 1") the file name: "returns-policy.pdf" → "returns policy".
 */
function sourceName(passage: { source: string; location: string }): string {
  const title = passage.location.split(' › ')[0]?.trim() ?? '';
  if (title && !/^(page|paragraph|section|slide|row)\s+\d+/i.test(title)) return title;
  return passage.source.replace(/\.[a-z0-9]{2,5}$/i, '').replace(/[-_]+/g, ' ').trim() || passage.source;
}

function quote(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('। '));
  return end > max / 3 ? cut.slice(0, end + 1) : `${cut.slice(0, max - 1)}…`;
}

/** Policy questions: the store's documents when the agent can search them; otherwise an honest "we will check". */
export function policyStep(c: Ctx): Step {
  const { turn, v } = c;
  if (turn.has(TOOL.searchKnowledge)) {
    if (!turn.called(TOOL.searchKnowledge)) return call(TOOL.searchKnowledge, { question: c.text });
    const k = turn.result<SearchKnowledgeResult>(TOOL.searchKnowledge);
    const best = k?.answerable ? k.passages[0] : undefined;
    if (best) {
      return finalize(c, [suggest(c, [BUTTON.talk, BUTTON.visit])], () =>
        v.finish(
          [
            v.t({
              en: `As per our ${sourceName(best)}: “${quote(best.text, v.detailed ? 700 : 300)}”`,
              hinglish: `Hamari ${sourceName(best)} ke hisaab se: “${quote(best.text, v.detailed ? 700 : 300)}”`,
              hindi: `हमारी ${sourceName(best)} के अनुसार: “${quote(best.text, v.detailed ? 700 : 300)}”`,
            }),
          ],
          { topic: 'info', keep: 1 },
        ),
      );
    }
  }
  if (!turn.called(TOOL.storeInfo)) return call(TOOL.storeInfo, { topic: 'contact' });
  const s = turn.result<StoreInfoResult>(TOOL.storeInfo);
  const topic = c.reading.topic ?? v.t({ en: 'this', hinglish: 'yeh', hindi: 'यह' });
  return finalize(c, [suggest(c, [BUTTON.talk, BUTTON.visit])], () =>
    v.finish(
      [
        v.t({
          en: `Good question about ${topic}. I will check with our team and get back to you.`,
          hinglish: `${topic} ke baare mein team se confirm karke aapko batayenge.`,
          hindi: `${topic} के बारे में टीम से पूछकर आपको बताएँगे।`,
        }),
        s ? contactWords(v, s) : null,
      ],
      { topic: 'info', keep: 2 },
    ),
  );
}

/** A discount ask: Discount authority's offer when the agent has it (see ./discount.ts), else no amount and the manager. */
export function discountStep(c: Ctx): Step {
  return discountOfferStep(c);
}

/** human and complaint: apologise for a complaint, hand the thread to a person, say so. */
export function handoffStep(c: Ctx, complaint: boolean): Step {
  const { turn, v } = c;
  const reason = complaint ? `Complaint: ${c.text}`.slice(0, 300) : `Asked for a person: ${c.text}`.slice(0, 300);
  if (turn.has(TOOL.handoff) && !turn.called(TOOL.handoff)) return call(TOOL.handoff, { reason });
  const handedOff = turn.result<HandoffResult>(TOOL.handoff)?.handedOff === true;
  if (!handedOff && turn.has(TOOL.storeInfo) && !turn.called(TOOL.storeInfo)) return call(TOOL.storeInfo, { topic: 'contact' });
  const s = turn.result<StoreInfoResult>(TOOL.storeInfo);
  const sorry = complaint
    ? v.byTone(
        { en: 'We sincerely apologise for this experience.', hinglish: 'Is anubhav ke liye hum dil se maafi maangte hain.', hindi: 'इस अनुभव के लिए हम दिल से माफ़ी माँगते हैं।' },
        { en: 'I am really sorry about this.', hinglish: 'Iske liye hum sach mein maafi chahte hain.', hindi: 'इसके लिए हमें सच में खेद है।' },
        { en: 'So sorry about this!', hinglish: 'Sorry, yeh bilkul theek nahi hua!', hindi: 'माफ़ कीजिए, यह बिल्कुल ठीक नहीं हुआ!' },
      )
    : null;
  const next = handedOff
    ? v.t({
        en: 'A member of our team will reply to you here soon.',
        hinglish: 'Hamari team ka koi member jaldi yahin reply karega.',
        hindi: 'हमारी टीम का कोई सदस्य जल्द ही यहीं जवाब देगा।',
      })
    : s
      ? contactWords(v, s)
      : v.t({ en: 'Our team will get back to you.', hinglish: 'Hamari team aapse sampark karegi.', hindi: 'हमारी टीम आपसे संपर्क करेगी।' });
  return say(v.finish([sorry, next], { topic: complaint ? 'sorry' : 'thanks', keep: 2 }));
}

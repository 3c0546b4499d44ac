import {
  APPOINTMENT_TOOL,
  parseSlotRowId,
  type AppointmentService,
  type BookAppointmentResult,
  type CancelAppointmentResult,
  type FindSlotsResult,
} from '../../contracts/index.js';
import { checkWithTeam, finalize, suggest, type Ctx } from './ctx.js';
import { call, say, type Step } from './turn.js';
import { BUTTON } from './voice.js';

/** The visit the shopper has in mind, from their words (a try-on visit unless they say otherwise). */
export function serviceFrom(text: string): AppointmentService {
  const t = text.toLowerCase();
  if (/\b(old\s+gold|purana\s+sona|exchange)\b|पुराना सोना|एक्सचेंज/u.test(t)) return 'old_gold';
  if (/\b(repair|fix|mend|polish|theek|thik|tuta|toota|broken)\b|मरम्मत|ठीक/u.test(t)) return 'repair';
  if (/\b(custom|design|made\s+to\s+order|banwana|banwani|bana\s+do)\b|बनवाना|डिज़ाइन/u.test(t)) return 'custom_design';
  return 'try_on';
}

// Short forms only where they are not everyday words ("sun" is Hinglish for "listen").
const WEEKDAYS: [string, RegExp][] = [
  ['monday', /\b(monday|mon|somvar|somwar|somvaar)\b|सोमवार/u],
  ['tuesday', /\b(tuesday|tue|tues|mangalvar|mangalwar|mangalvaar)\b|मंगलवार/u],
  ['wednesday', /\b(wednesday|wed|budhvar|budhwar|budhvaar)\b|बुधवार/u],
  ['thursday', /\b(thursday|thurs?|guruvar|guruwar|veervar|brihaspativar)\b|गुरुवार|बृहस्पतिवार/u],
  ['friday', /\b(friday|fri|shukravar|shukrawar|shukarvar)\b|शुक्रवार/u],
  ['saturday', /\b(saturday|sat|shanivar|shaniwar|shanivaar)\b|शनिवार/u],
  ['sunday', /\b(sunday|ravivar|raviwar|itwar|itvaar|etwar)\b|रविवार|इतवार/u],
];
const MONTHS: [number, string][] = [
  [1, 'jan(?:uary)?|जनवरी'], [2, 'feb(?:ruary)?|फ़रवरी|फरवरी'], [3, 'mar(?:ch)?|मार्च'], [4, 'apr(?:il)?|अप्रैल'],
  [5, 'may|मई'], [6, 'june?|जून'], [7, 'july?|जुलाई'], [8, 'aug(?:ust)?|अगस्त'], [9, 'sep(?:t(?:ember)?)?|सित(?:ंबर|म्बर)'],
  [10, 'oct(?:ober)?|अक्टूबर'], [11, 'nov(?:ember)?|नव(?:ंबर|म्बर)'], [12, 'dec(?:ember)?|दिस(?:ंबर|म्बर)'],
];
const MONTH = `(${MONTHS.map(([, re]) => re).join('|')})`;
const monthOf = (word: string) => MONTHS.find(([, re]) => new RegExp(`^(?:${re})$`, 'u').test(word))?.[0];
// Not a day when it is a time: "5 pm", "5:30", "5 baje".
const NOT_TIME = "(?!\\s*(?:(?:am|pm|a\\.m|p\\.m|baje|bje|o'?clock)(?![a-z])|बजे)|[:.]\\d)";
const DAY_MONTH = new RegExp(`(?:^|[^\\d])(\\d{1,2})(?:st|nd|rd|th)?${NOT_TIME}\\s*(?:of\\s+)?${MONTH}(?![a-z])`, 'u');
const MONTH_DAY = new RegExp(`(?:^|[^a-z])${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:.])${NOT_TIME}`, 'u');
const two = (n: number) => String(n).padStart(2, '0');
const monthDay = (month: number | undefined, day: number) => (month && day >= 1 && day <= 31 ? `--${two(month)}-${two(day)}` : undefined);

/**
 * The day the shopper asked for, as find_slots and book_appointment take it (contracts' DAY_WORD):
 * "today"/"aaj", "tomorrow"/"kal", "day after tomorrow"/"parso", a weekday in English, Hinglish or
 * Hindi ("Saturday", "shanivar", "शनिवार"), "5 Dec"/"Dec 5th"/"5 दिसंबर", "5/12" (day first, as in
 * India), "5/12/2026", or "on the 5th"/"the 5th?"/"5th ko"/"5 tarikh". Undefined when no day is named.
 * A hyphen is a range ("2-3 designs", "4-5 baje"), so only a full date may use one.
 */
export function dayFrom(text: string): string | undefined {
  const t = text.toLowerCase();
  const full = /(?:^|[^\d])(\d{1,2})[/-](\d{1,2})[/-](20\d{2})(?!\d)/u.exec(t);
  if (full) return `${full[3]}-${two(Number(full[2]))}-${two(Number(full[1]))}`;
  const slash = /(?:^|[^\d.,₹])(\d{1,2})\/(\d{1,2})(?![\d/])/u.exec(t);
  const short = slash && Number(slash[2]) <= 12 ? monthDay(Number(slash[2]), Number(slash[1])) : undefined;
  if (short) return short;
  const dm = DAY_MONTH.exec(t);
  const named = dm ? monthDay(monthOf(dm[2] ?? ''), Number(dm[1])) : undefined;
  if (named) return named;
  const md = MONTH_DAY.exec(t);
  const named2 = md ? monthDay(monthOf(md[1] ?? ''), Number(md[2])) : undefined;
  if (named2) return named2;
  // "the 7th" alone is a day only at the end of a sentence: "the 2nd one" and "the 7th ring" are not.
  const nth = /\bon\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b|\bthe\s+(\d{1,2})(?:st|nd|rd|th)\s*(?:$|[?.!,])|(?:^|[^\d])(\d{1,2})(?:st|nd|rd|th)\s*(?:ko|को)(?![a-z])|(?:^|[^\d])(\d{1,2})(?:st|nd|rd|th)?\s*(?:tarikh|taarikh|tareekh|tarik|तारीख)/u.exec(t);
  const day = Number(nth?.[1] ?? nth?.[2] ?? nth?.[3] ?? nth?.[4]);
  if (day >= 1 && day <= 31) return `---${two(day)}`;
  if (/\bday\s+after\s+tomorrow\b|\b(parso|parson|parsoon)\b|परसों/u.test(t)) return 'day_after_tomorrow';
  if (/\b(tomorrow|tmrw|tmr|kal)\b|कल/u.test(t)) return 'tomorrow';
  if (/\b(today|aaj|abhi)\b|आज/u.test(t)) return 'today';
  return WEEKDAYS.find(([, re]) => re.test(t))?.[0];
}

/**
 * A time of day the shopper typed, as 24-hour "HH:MM" in the store's time: "11:30", "11.30 am",
 * "4pm", "4 baje", "4 बजे", "at 7". Without am/pm, 1 to 8 o'clock is afternoon (a shop is shut at 4 am).
 */
export function timeFrom(text: string): string | null {
  const t = text.toLowerCase();
  const all = t.matchAll(/(?:^|[^\d₹.,/])(?<at>\bat\s+|@\s*)?(?<hour>\d{1,2})(?:[:.](?<minute>\d{2}))?\s*(?<half>am|pm|a\.m\.|p\.m\.|baje|bje|o'?clock|बजे)?(?![\d,/])/gu);
  // The first number that reads as a time: "2 log 4 baje" is four o'clock. A bare "at 7" is one
  // unless a unit follows ("at 22k", "at 5 grams", "at 2 lakh").
  const unit = /^\s*(?:k|kt|karat|carat|ct|g|gm|gms|grams?|mg|lakh|lac|l|cr|crore|%|rs|inr|rupees?|pieces?|pcs|stores?|shops?)(?![a-z])/u;
  const m = [...all].find((x) => {
    const g = x.groups ?? {};
    if (g.minute !== undefined || g.half !== undefined) return true;
    return g.at !== undefined && Number(g.hour) <= 12 && !unit.test(t.slice((x.index ?? 0) + x[0].length));
  })?.groups;
  if (!m) return null;
  let hour = Number(m.hour);
  const minute = m.minute === undefined ? 0 : Number(m.minute);
  const half = m.half?.startsWith('a') ? 'am' : m.half?.startsWith('p') ? 'pm' : null;
  if (hour > 23 || minute > 59 || (half && (hour < 1 || hour > 12))) return null;
  if (half === 'pm' && hour < 12) hour += 12;
  else if (half === 'am' && hour === 12) hour = 0;
  else if (!half && hour >= 1 && hour <= 8) hour += 12;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

function confirmWords(c: Ctx, b: BookAppointmentResult, moved: boolean): string {
  const { v } = c;
  const what = b.serviceLabel ?? 'visit';
  const when = b.when ?? '';
  return v.finish(
    [
      moved
        ? v.t({ en: `Done! Your ${what.toLowerCase()} is moved to ${when}.`, hinglish: `Ho gaya! Aapka ${what} ab ${when} ko hai.`, hindi: `हो गया! आपकी ${what} अब ${when} को है।` })
        : v.t({ en: `Booked! Your ${what.toLowerCase()} is on ${when}.`, hinglish: `Booking ho gayi! Aapka ${what} ${when} ko hai.`, hindi: `बुकिंग हो गई! आपकी ${what} ${when} को है।` }),
      v.t({ en: 'We will remind you the day before. See you soon!', hinglish: 'Ek din pehle hum yaad dila denge. Milte hain!', hindi: 'एक दिन पहले हम याद दिला देंगे। जल्द मिलते हैं!' }),
    ],
    { topic: 'store', keep: 2 },
  );
}

/**
 * A change to a visit already booked: "cancel my appointment", "nahi aa paungi, cancel kar do",
 * "reschedule", "change my visit to Saturday", "time badal do". Null for anything else.
 */
export function visitChangeFrom(text: string): 'cancel' | 'move' | null {
  const t = text.toLowerCase();
  const what = '(?:visit|appointment|booking|slot)';
  const whose = '(?:(?:my|the|our|this|that|mera|meri|apna|apni|hamara|hamari)\\s+)?';
  const cancel = new RegExp(`\\b(?:cancel|call off)\\s+${whose}${what}\\b|\\b${what}\\s+(?:ko\\s+)?(?:cancel|radd)\\b|\\bcancel\\s+(?:kar|karo|kardo|karna|karni|karwana|kar\\s+do|kar\\s+dijiye)\\b|रद्द|कैंसिल|कैंसल`, 'u');
  if (cancel.test(t)) return 'cancel';
  const move = new RegExp(
    `\\b(?:re-?schedule|postpone|prepone)\\b|\\b(?:shift|move|change)\\s+${whose}(?:${what}|time|timing|date|day)\\b|\\b(?:${what}|time|timing|date|din)\\s+(?:ko\\s+)?(?:badal|badlo|badalna|change|shift)\\b|(?:समय|टाइम|दिन|विज़िट).*बदल`,
    'u',
  );
  return move.test(t) ? 'move' : null;
}

/** Whether the agent's last words offered free times to move a visit to (moveWords), in any language. */
export function offeredMove(lastAgentText: string): boolean {
  return /your visit moves to it|aapka visit us par shift|आपकी विज़िट उस पर/iu.test(lastAgentText);
}

function moveWords(c: Ctx, f: FindSlotsResult): string {
  const { v } = c;
  if (f.mode === 'calendly') return offerWords(c, f, null);
  return v.finish(
    [
      v.t({
        en: `Here are free times from ${f.firstDay ?? ''}. Tap *See times* above and pick one: your visit moves to it.`,
        hinglish: `${f.firstDay ?? ''} se free time upar hain. *See times* dabakar ek chuniye, aapka visit us par shift ho jayega.`,
        hindi: `${f.firstDay ?? ''} से खाली समय ऊपर हैं। *See times* दबाकर एक चुनिए, आपकी विज़िट उस पर आ जाएगी।`,
      }),
    ],
    { topic: 'store', keep: 2 },
  );
}

function cancelledWords(c: Ctx, r: CancelAppointmentResult): string {
  const { v } = c;
  if (!r.cancelled) {
    return v.finish([v.t({ en: 'I could not find a visit booked for you from today on.', hinglish: 'Aaj se aage aapka koi visit book nahi mila.', hindi: 'आज से आगे आपकी कोई विज़िट बुक नहीं मिली।' })], { topic: 'store', keep: 2 });
  }
  return v.finish(
    [
      v.t({ en: `Done, your visit on ${r.when ?? ''} is cancelled.`, hinglish: `Ho gaya, ${r.when ?? ''} wala aapka visit cancel ho gaya.`, hindi: `हो गया, ${r.when ?? ''} की आपकी विज़िट रद्द हो गई।` }),
      v.t({ en: 'Whenever you like, tap *Book a visit* for another time.', hinglish: 'Jab chahein, doosre time ke liye *Visit book karein* dabaiye.', hindi: 'जब चाहें, दूसरे समय के लिए *विज़िट करें* दबाइए।' }),
    ],
    { topic: 'store', keep: 2 },
  );
}

/** Whether the agent's last words were offerWords' (the free-times list just sent), in any language. */
export function offeredTimes(lastAgentText: string): boolean {
  return /free times? for|ke free time|के खाली समय/iu.test(lastAgentText);
}

function offerWords(c: Ctx, f: FindSlotsResult, problem: 'taken' | 'not_free' | null): string {
  const { v } = c;
  const sorry =
    problem === 'taken'
      ? v.t({ en: 'Sorry, that time was just taken.', hinglish: 'Maaf kijiye, woh time abhi book ho gaya.', hindi: 'माफ़ कीजिए, वह समय अभी बुक हो गया।' })
      : problem === 'not_free'
        ? v.t({ en: 'Sorry, that time is not free.', hinglish: 'Maaf kijiye, woh time khaali nahi hai.', hindi: 'माफ़ कीजिए, वह समय खाली नहीं है।' })
        : null;
  if (f.mode === 'calendly') {
    return v.finish([sorry, v.t({ en: 'Tap *Book a visit* above to pick a time that suits you.', hinglish: 'Upar *Book a visit* dabakar apna time chuniye.', hindi: 'ऊपर *Book a visit* दबाकर अपना समय चुनिए।' })], { topic: 'store', keep: 2 });
  }
  return v.finish(
    [
      sorry,
      v.t({
        en: `Here are free times for a ${f.serviceLabel.toLowerCase()} from ${f.firstDay ?? ''}. Tap *See times* above and pick one to book it.`,
        hinglish: `${f.firstDay ?? ''} se ${f.serviceLabel} ke free time upar hain. *See times* dabakar ek chuniye, booking ho jayegi.`,
        hindi: `${f.firstDay ?? ''} से ${f.serviceLabel} के खाली समय ऊपर हैं। *See times* दबाकर एक चुनिए, बुकिंग हो जाएगी।`,
      }),
    ],
    { topic: 'store', keep: 2 },
  );
}

/**
 * Booking a visit when the agent has the Appointment booking skill: free slots as a list to tap;
 * a tapped slot books it and the words confirm the day and time the tool returned. Null when the
 * skill is off (the caller keeps its hours-and-address answer) or nothing free was found.
 */
export function bookingStep(c: Ctx): Step | null {
  const { turn } = c;
  if (!turn.has(APPOINTMENT_TOOL.findSlots)) return null;
  const inbound = c.tc.followUp ? null : c.tc.inbound;
  const tapped = parseSlotRowId(inbound?.reply?.id);
  // A slot tapped from the list offered to move a visit moves it (and books one when there is none to move).
  const moving = tapped && offeredMove(turn.lastAgentText) && turn.has(APPOINTMENT_TOOL.reschedule);
  if (tapped && moving) {
    if (!turn.called(APPOINTMENT_TOOL.reschedule)) return call(APPOINTMENT_TOOL.reschedule, { start: tapped.start });
    const m = turn.result<BookAppointmentResult>(APPOINTMENT_TOOL.reschedule);
    if (m?.booked) return finalize(c, [suggest(c, [BUTTON.goldBangles, BUTTON.bridal, BUTTON.talk])], () => confirmWords(c, m, true));
  }
  if (tapped) {
    if (!turn.called(APPOINTMENT_TOOL.book)) return call(APPOINTMENT_TOOL.book, { start: tapped.start, service: tapped.service });
    const b = turn.result<BookAppointmentResult>(APPOINTMENT_TOOL.book);
    if (!b) return say(checkWithTeam(c));
    if (b.booked) return finalize(c, [suggest(c, [BUTTON.goldBangles, BUTTON.bridal, BUTTON.talk])], () => confirmWords(c, b, false));
    // Taken meanwhile: offer the free times again.
    if (!turn.called(APPOINTMENT_TOOL.findSlots)) return call(APPOINTMENT_TOOL.findSlots, { date: tapped.start.slice(0, 10), service: tapped.service });
    const f = turn.result<FindSlotsResult>(APPOINTMENT_TOOL.findSlots);
    return f && (f.listSent || f.mode === 'calendly') ? say(offerWords(c, f, 'taken')) : null;
  }
  const date = dayFrom(c.text);
  // A visit already booked, cancelled or moved: not a new booking.
  const change = visitChangeFrom(c.text);
  if (change === 'cancel' && turn.has(APPOINTMENT_TOOL.cancel)) {
    if (!turn.called(APPOINTMENT_TOOL.cancel)) return call(APPOINTMENT_TOOL.cancel, {});
    const r = turn.result<CancelAppointmentResult>(APPOINTMENT_TOOL.cancel);
    if (!r) return say(checkWithTeam(c));
    return finalize(c, [suggest(c, [BUTTON.visit, BUTTON.talk])], () => cancelledWords(c, r));
  }
  if (change === 'move' && turn.has(APPOINTMENT_TOOL.reschedule)) {
    if (!turn.called(APPOINTMENT_TOOL.findSlots)) return call(APPOINTMENT_TOOL.findSlots, { ...(date ? { date } : {}) });
    const f = turn.result<FindSlotsResult>(APPOINTMENT_TOOL.findSlots);
    return f && (f.listSent || f.mode === 'calendly') ? say(moveWords(c, f)) : null;
  }
  // A time typed ("kal 11:30 baje"): booked when it is a free slot, else the free times offered.
  // Its day is the one said, else the first day of the free times just offered ("11:30" after the list).
  const time = timeFrom(c.text);
  const day = date ?? c.tc.memory.offeredDate ?? undefined;
  if (time && !turn.called(APPOINTMENT_TOOL.book)) return call(APPOINTMENT_TOOL.book, { ...(day ? { date: day } : {}), time, service: serviceFrom(c.text) });
  const typed = time ? turn.result<BookAppointmentResult>(APPOINTMENT_TOOL.book) : null;
  if (typed?.booked) return finalize(c, [suggest(c, [BUTTON.goldBangles, BUTTON.bridal, BUTTON.talk])], () => confirmWords(c, typed, false));
  if (!turn.called(APPOINTMENT_TOOL.findSlots)) {
    return call(APPOINTMENT_TOOL.findSlots, { ...(date ? { date } : {}), service: serviceFrom(c.text) });
  }
  const f = turn.result<FindSlotsResult>(APPOINTMENT_TOOL.findSlots);
  if (!f || !(f.listSent || f.mode === 'calendly')) return null;
  return say(offerWords(c, f, typed ? 'not_free' : null));
}

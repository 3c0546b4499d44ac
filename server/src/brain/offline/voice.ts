import type { Language, Persona } from '../../contracts/index.js';

/**
 * The persona as the offline brain's way of speaking. Sliders become bands: length (concise /
 * default / detailed), tone (strict / neutral / casual), tenacity (zen / mid / shark) and an emoji
 * budget. `persona.instructions` is free text that only a language model can follow: the offline
 * brain ignores it on purpose (the Studio says so next to the field).
 */

/** Words in the three languages the agent may answer in. */
export interface Tri {
  en: string;
  hinglish: string;
  hindi: string;
}

export type Topic = 'jewel' | 'welcome' | 'thanks' | 'sorry' | 'store' | 'info';

const EMOJI: Record<Topic, string[]> = {
  jewel: ['✨', '💍', '💛'],
  welcome: ['🙏', '✨', '😊'],
  thanks: ['🙏', '😊', '✨'],
  sorry: ['🙏'],
  store: ['📍', '🕙', '✨'],
  info: ['✨', '🙏', '😊'],
};

export type Cta = 'visit' | 'reserve' | 'more' | null;

export class Voice {
  readonly lang: Language;
  readonly length: 'concise' | 'default' | 'detailed';
  readonly tone: 'strict' | 'neutral' | 'casual';
  readonly push: 'zen' | 'mid' | 'shark';
  readonly emojiBudget: number;

  constructor(persona: Persona, lang: Language) {
    this.lang = lang;
    this.length = persona.length < 34 ? 'concise' : persona.length >= 67 ? 'detailed' : 'default';
    this.tone = persona.tone < 34 ? 'strict' : persona.tone >= 67 ? 'casual' : 'neutral';
    this.push = persona.tenacity < 34 ? 'zen' : persona.tenacity >= 67 ? 'shark' : 'mid';
    this.emojiBudget = persona.emoji === 0 ? 0 : persona.emoji < 34 ? 1 : persona.emoji < 67 ? 2 : 3;
  }

  get concise(): boolean {
    return this.length === 'concise';
  }
  get detailed(): boolean {
    return this.length === 'detailed';
  }

  /** How many products a list shows: concise 3, default 5, detailed 10. */
  get listSize(): number {
    return this.length === 'concise' ? 3 : this.length === 'default' ? 5 : 10;
  }

  t(words: Tri): string {
    return this.lang === 'hindi' ? words.hindi : this.lang === 'hinglish' ? words.hinglish : words.en;
  }

  /** The opening word by tone: "Namaste" (strict), "Hello" (neutral), "Hey" (casual). */
  hello(name: string | null): string {
    const who = name ? ` ${name.split(/\s+/)[0] ?? name}` : '';
    if (this.lang === 'hindi') return `नमस्ते${who}${this.tone === 'strict' ? ' जी' : ''}`;
    if (this.tone === 'strict') return `Namaste${who}${this.lang === 'hinglish' ? ' ji' : ''}`;
    if (this.tone === 'casual') return `Hey${who}`;
    return this.lang === 'hinglish' ? `Namaste${who}` : `Hello${who}`;
  }

  /** One of three wordings by tone. */
  byTone(strict: Tri, neutral: Tri, casual: Tri): string {
    return this.t(this.tone === 'strict' ? strict : this.tone === 'casual' ? casual : neutral);
  }

  /** The call to action a tenacity adds: a Shark always asks for a visit today or to reserve the piece. */
  cta(kind: Cta): string | null {
    if (this.push === 'zen' || kind === null) return null;
    if (this.push === 'shark') {
      if (kind === 'reserve') {
        return this.t({
          en: 'Shall I reserve it for you? Visit us today and see it in person.',
          hinglish: 'Kya main ise aapke liye reserve kar doon? Aaj hi store aaiye aur dekhiye.',
          hindi: 'क्या मैं इसे आपके लिए रिज़र्व कर दूँ? आज ही दुकान आइए और देखिए।',
        });
      }
      return this.t({
        en: 'Visit us today to see them in person — I can keep your favourites ready.',
        hinglish: 'Aaj hi store aaiye — aapki pasand ke pieces ready rakhwa dete hain.',
        hindi: 'आज ही दुकान आइए — आपकी पसंद के गहने तैयार रखवा देते हैं।',
      });
    }
    // Between the two, a gentle question; never a push to come in.
    if (kind === 'more') return this.t({ en: 'Would you like to see more?', hinglish: 'Aur dikhaun?', hindi: 'और दिखाऊँ?' });
    if (kind === 'reserve') {
      return this.t({
        en: 'Would you like to see it in the store?',
        hinglish: 'Kya aap ise store mein dekhna chahenge?',
        hindi: 'क्या आप इसे दुकान में देखना चाहेंगे?',
      });
    }
    return null;
  }

  /**
   * The final words: the sentences (concise keeps the first two, the last of them only when it
   * matters), the tenacity's call to action, the emoji budget spent at sentence ends, and the
   * tone's punctuation (strict never exclaims). Capped well under WhatsApp's 4096 characters.
   */
  finish(sentences: (string | null | false | undefined)[], opts: { topic?: Topic; cta?: Cta; keep?: number } = {}): string {
    let parts = sentences.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((s) => s.trim());
    if (this.concise) parts = parts.slice(0, opts.keep ?? 2);
    const cta = this.cta(opts.cta ?? null);
    if (cta && (this.push === 'shark' || !this.concise)) parts.push(cta);
    if (this.tone === 'strict') parts = parts.map((s) => s.replace(/!+/g, '.').replace(/\.\.+/g, '.'));
    else if (this.tone === 'neutral') parts = parts.map((s, k) => (k === 0 ? s : s.replace(/!+/g, '.')));
    parts = this.decorate(parts, EMOJI[opts.topic ?? 'info']);
    const text = parts.join(this.detailed ? '\n' : ' ');
    return text.length > 3900 ? `${text.slice(0, 3897)}…` : text;
  }

  private decorate(parts: string[], pool: string[]): string[] {
    if (this.emojiBudget === 0) return parts;
    const out = [...parts];
    let used = 0;
    for (let k = 0; k < out.length && used < this.emojiBudget; k += 1) {
      out[k] = `${out[k]} ${pool[used % pool.length]}`;
      used += 1;
    }
    return out;
  }
}

/** Up to 3 reply-button titles of at most 20 characters. */
export function buttons(v: Voice, titles: Tri[]): string[] {
  return titles.slice(0, 3).map((t) => v.t(t).slice(0, 20));
}

export const BUTTON = {
  seeMore: { en: 'See more', hinglish: 'Aur dikhao', hindi: 'और दिखाएं' },
  visit: { en: 'Book a visit', hinglish: 'Visit book karein', hindi: 'विज़िट करें' },
  talk: { en: 'Talk to us', hinglish: 'Baat karein', hindi: 'बात करें' },
  timings: { en: 'Store timings', hinglish: 'Store timings', hindi: 'दुकान का समय' },
  goldBangles: { en: 'Gold bangles', hinglish: 'Gold bangles', hindi: 'सोने की चूड़ियाँ' },
  bridal: { en: 'Bridal sets', hinglish: 'Bridal sets', hindi: 'शादी के सेट' },
  gold: { en: 'Gold', hinglish: 'Gold', hindi: 'सोना' },
  silver: { en: 'Silver', hinglish: 'Silver', hindi: 'चांदी' },
  manager: { en: 'Ask the manager', hinglish: 'Manager se poochho', hindi: 'मैनेजर से पूछें' },
} satisfies Record<string, Tri>;

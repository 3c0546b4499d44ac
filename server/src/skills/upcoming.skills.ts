import { z } from 'zod';
import { DomainError } from '../shared/errors.js';
import type { SkillManifest } from './types.js';

/** Listed in the Skill Store, greyed: their settings are shown, their tools come with the Skill Store issue. */
function upcoming<C extends z.ZodType>(m: Omit<SkillManifest<C>, 'defaultEnabled' | 'available' | 'tools' | 'execute'>): SkillManifest<C> {
  return {
    ...m,
    defaultEnabled: false,
    available: false,
    tools: [],
    execute() {
      throw new DomainError('not_found', `The ${m.name} skill is not available yet`);
    },
  };
}

/** The hard cap a discount can never pass, whatever an agent's settings say. */
export const DISCOUNT_HARD_CAP_PERCENT = 10;

export const upcomingSkills: SkillManifest[] = [
  upcoming({
    id: 'appointment_booking',
    name: 'Appointment booking',
    description: 'Books a store visit or a video call in a free slot of your calendar (or sends your Calendly link), and reminds the shopper the day before.',
    summary: 'Books store visits and video calls',
    icon: 'calendar',
    configSchema: z.object({
      slotMinutes: z.number().int().min(15, 'At least 15 minutes').max(120, 'At most 120 minutes').default(30).describe('Length of one visit'),
      daysAhead: z.number().int().min(1, 'At least 1 day').max(60, 'At most 60 days').default(14).describe('How far ahead shoppers may book'),
      calendlyUrl: z.url('Enter a full web address, e.g. https://calendly.com/…').or(z.literal('')).default('').describe('Send this booking link instead of using the built-in calendar'),
    }),
  }),
  upcoming({
    id: 'discount_authority',
    name: 'Discount authority',
    description: `Lets the agent offer a discount on making charges when a shopper hesitates, never above your cap (at most ${DISCOUNT_HARD_CAP_PERCENT}%, enforced in code).`,
    summary: `Offers discounts up to your cap (max ${DISCOUNT_HARD_CAP_PERCENT}%)`,
    icon: 'discount',
    configSchema: z.object({
      maxPercent: z.number().min(0, 'At least 0%').max(DISCOUNT_HARD_CAP_PERCENT, `At most ${DISCOUNT_HARD_CAP_PERCENT}%`).default(5).describe('Largest discount the agent may offer, in percent'),
      onMakingChargesOnly: z.boolean().default(true).describe('Discount the making charges only, never the metal'),
    }),
  }),
  upcoming({
    id: 'virtual_try_on',
    name: 'Virtual try-on',
    description: 'Shows the shopper wearing a piece: composes the product photo onto a selfie they send.',
    summary: 'Try pieces on from a selfie',
    icon: 'sparkles',
    configSchema: z.object({
      maxPerDay: z.number().int().min(1, 'At least 1').max(20, 'At most 20').default(3).describe('Try-ons one shopper may ask for in a day'),
    }),
  }),
  upcoming({
    id: 'human_handoff',
    name: 'Human handoff',
    description: 'Hands the chat to you when the shopper asks for a person or sounds upset, and tells them someone will reply.',
    summary: 'Passes upset or stuck chats to your team',
    icon: 'headset',
    configSchema: z.object({
      sentimentThreshold: z.number().min(-1, 'At least -1').max(0, 'At most 0').default(-0.5).describe('Hand over when the mood score falls below this (-1 angry … 0 neutral)'),
      notifyOwner: z.boolean().default(true).describe('Notify you on your phone when a chat is handed over'),
    }),
  }),
];

import { z } from 'zod';

/**
 * Contacts (crm), minimal form: who a shopper is on WhatsApp and their 24-hour service window.
 * The Audience issue adds tags, imports and segments.
 */
export const ContactSchema = z.object({
  id: z.number().int(),
  /** WhatsApp id: usually the phone number's digits. */
  waId: z.string().nullable(),
  /** Business-scoped user id: present even when Meta hides the phone number. */
  userId: z.string().nullable(),
  parentUserId: z.string().nullable(),
  username: z.string().nullable(),
  /** E.164, when the WhatsApp id is a phone number. */
  phone: z.string().nullable(),
  name: z.string().nullable(),
  lastInboundAt: z.string().nullable(),
  /** Free-form replies are allowed until then (24 hours after the shopper's last message); after, templates only. */
  windowOpenUntil: z.string().nullable(),
  windowOpen: z.boolean(),
  /** The shopper's latest marketing-messages choice (stop, resume, signup…), when they made one. */
  marketingPreference: z.string().nullable(),
  marketingPreferenceAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Contact = z.infer<typeof ContactSchema>;

export const ContactListSchema = z.object({ total: z.number().int(), contacts: z.array(ContactSchema) });
export type ContactList = z.infer<typeof ContactListSchema>;

export const crmApi = {
  listContacts: { method: 'GET', path: '/api/contacts', request: z.void(), response: ContactListSchema },
  getContact: { method: 'GET', path: '/api/contacts/:id', request: z.void(), response: ContactSchema },
} as const;

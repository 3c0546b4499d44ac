import { z } from 'zod';

/**
 * WhatsApp Flows (issue #8, part 5): the two shipped Flows (book appointment, feedback), the ids
 * Meta gave them after upload, the data endpoint's public key, and sending a Flow to a contact.
 */
const flowId = z.string().trim().regex(/^\d{5,25}$/, 'A Flow id is the long number Meta shows for the published Flow').or(z.literal('')).default('');
export const FlowsSettingsSchema = z.object({
  bookAppointmentFlowId: flowId,
  feedbackFlowId: flowId,
  bookCta: z.string().trim().min(1).max(20, 'WhatsApp allows 20 characters on the button').default('Book a visit'),
  bookBody: z.string().trim().min(1).max(1024).default('Pick a day and time to visit the store; only free slots are shown.'),
  feedbackCta: z.string().trim().min(1).max(20, 'WhatsApp allows 20 characters on the button').default('Give feedback'),
  feedbackBody: z.string().trim().min(1).max(1024).default('How did we do? It takes ten seconds.'),
});
export type FlowsSettings = z.infer<typeof FlowsSettingsSchema>;

export const FlowNameSchema = z.enum(['book_appointment', 'feedback']);

export const FlowsOverviewSchema = z.object({
  /** SPKI PEM for Meta's "Upload public key" step (`whatsapp_business_encryption`). */
  publicKey: z.string(),
  endpointPath: z.string(),
  /** The endpoint's public URL through the tunnel, when it is up. */
  endpointUrl: z.string().nullable(),
  settings: FlowsSettingsSchema,
  flows: z.array(z.object({ name: FlowNameSchema, title: z.string(), flowId: z.string(), usesEndpoint: z.boolean(), json: z.record(z.string(), z.unknown()) })),
});
export type FlowsOverview = z.infer<typeof FlowsOverviewSchema>;

export const FlowSendSchema = z.object({ contactId: z.number().int().positive(), flow: FlowNameSchema });
export const FlowSentSchema = z.object({ token: z.string(), outboxId: z.string() });

export const flowsApi = {
  getFlows: { method: 'GET', path: '/api/flows', request: z.void(), response: FlowsOverviewSchema },
  putFlowsSettings: { method: 'PUT', path: '/api/flows/settings', request: FlowsSettingsSchema, response: FlowsSettingsSchema },
  sendFlow: { method: 'POST', path: '/api/flows/send', request: FlowSendSchema, response: FlowSentSchema },
} as const;

import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { FlowsSettingsSchema, type Contact, type FlowsOverview, type FlowsSettings, type InboundMessage } from '../../contracts/index.js';
import { DomainError, fieldErrors } from '../../shared/errors.js';
import { flowMessage, type GraphMessage } from '../messages/index.js';
import { parseSignatureHeader, verifyWebhookSignature } from '../webhook/index.js';
import { bookingFlow, FLOW_SERVICES, type FlowsAppointmentsPort } from './booking-flow.js';
import { decryptFlowRequest, encryptFlowResponse, FlowEndpointError, requestDigest } from './flows.crypto.js';
import type { FlowsKeys } from './flows.keys.js';
import type { FlowName, FlowsRepo } from './flows.repo.js';
import { readFlowDefinitions } from './definitions.js';
import { createReplayGuard } from './replay.js';

export const FLOWS_SETTINGS_KEY = 'whatsapp.flows';
export const FLOWS_ENDPOINT_PATH = '/flows/endpoint';

/** What the feedback Flow needs of the feedback domain (wired in domains.ts). */
export interface FlowsFeedbackPort {
  record(input: { contactId: number; agentId?: number | null; rating: number; comment: string | null; source: 'flow' }): unknown;
}

/** The shape of the conversation engine's inbound hooks: a Flow completion becomes an appointment or a rating. */
export type FlowCompletionHook = (
  m: InboundMessage,
  ctx: { contact: Pick<Contact, 'id'>; agent?: { id: number }; channel?: unknown; threadId?: unknown },
) => Promise<{ kind: string; summary: string; facts: Record<string, unknown> } | null>;

export interface FlowsServiceDeps {
  repo: FlowsRepo;
  keys: FlowsKeys;
  log: Logger;
  /** The app secret in force (the demo's emulator included), for the request signature. */
  appSecret: () => string | undefined;
  settings: { getValue(key: string): unknown; setValue(key: string, value: unknown): void };
  timeZone: () => string;
  contacts: { get(id: number): Pick<Contact, 'id' | 'phone' | 'waId' | 'userId'> };
  outbox: () => { enqueue(input: { contactId?: number | null; payload: GraphMessage; correlationId?: string | null }): { id: string } } | null;
  appointments?: () => FlowsAppointmentsPort | null;
  feedback?: () => FlowsFeedbackPort | null;
  /** The public URL of a path (the tunnel), when there is one. */
  publicUrl?: (path: string) => string | null;
  resourcesDir: string;
  clock?: () => Date;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * WhatsApp Flows: the encrypted data endpoint (ping, INIT, data_exchange, BACK, error
 * notifications), sending the two shipped Flows, and turning their completions into an
 * appointment or a rating — once per flow token.
 */
export function createFlowsService(deps: FlowsServiceDeps) {
  const clock = deps.clock ?? (() => new Date());
  const replay = createReplayGuard({ now: () => clock().getTime() });
  const booking = bookingFlow({ repo: deps.repo, appointments: deps.appointments ?? (() => null), timeZone: deps.timeZone, clock });

  function settings(): FlowsSettings {
    const parsed = FlowsSettingsSchema.safeParse(deps.settings.getValue(FLOWS_SETTINGS_KEY) ?? {});
    return parsed.success ? parsed.data : FlowsSettingsSchema.parse({});
  }

  /** The decrypted request's answer (before encryption). */
  async function answer(body: Record<string, unknown>): Promise<unknown> {
    const action = str(body.action);
    if (action === 'ping') return { data: { status: 'active' } };
    const data = (typeof body.data === 'object' && body.data !== null ? body.data : {}) as Record<string, unknown>;
    const token = str(body.flow_token);
    if (data.error !== undefined) {
      deps.log.warn({ flowToken: token.slice(0, 12), error: String(data.error), message: str(data.error_message).slice(0, 200) }, 'a Flow reported an error from our response');
      return { data: { acknowledged: true } };
    }
    const session = token ? deps.repo.get(token) : undefined;
    if (!session) throw new FlowEndpointError(427, 'This Flow has expired; ask the store to send it again');
    if (session.flow !== 'book_appointment') throw new FlowEndpointError(400, `The ${session.flow} Flow does not use the data endpoint`);
    const screen = str(body.screen) || undefined;
    if (action === 'INIT') return booking.init();
    if (action === 'BACK') return booking.back(session, screen);
    if (action === 'data_exchange') return booking.exchange(session, screen, data);
    throw new FlowEndpointError(400, `Unknown Flow action "${action}"`);
  }

  return {
    settings,
    saveSettings(input: unknown): FlowsSettings {
      const parsed = FlowsSettingsSchema.safeParse(input);
      if (!parsed.success) throw new DomainError('validation', 'Some Flow settings need fixing', fieldErrors(parsed.error.issues));
      deps.settings.setValue(FLOWS_SETTINGS_KEY, parsed.data);
      return parsed.data;
    },

    publicKey: (): string => deps.keys.publicKeyPem(),

    overview(): FlowsOverview {
      const s = settings();
      const defs = readFlowDefinitions(deps.resourcesDir);
      return {
        publicKey: deps.keys.publicKeyPem(),
        endpointPath: FLOWS_ENDPOINT_PATH,
        endpointUrl: deps.publicUrl?.(FLOWS_ENDPOINT_PATH) ?? null,
        settings: s,
        flows: defs.map((d) => ({ name: d.name, title: d.title, flowId: d.name === 'book_appointment' ? s.bookAppointmentFlowId : s.feedbackFlowId, usesEndpoint: d.usesEndpoint, json: d.json })),
      };
    },

    /**
     * The endpoint: signature (432) over the raw bytes, then decryption (421), then the replay guard,
     * then the action. Resolves to the base64 body to send as text/plain.
     */
    async handle(raw: Buffer, signatureHeader: string | undefined): Promise<string> {
      const secret = deps.appSecret();
      const signature = parseSignatureHeader(signatureHeader);
      if (!secret || !signature || !verifyWebhookSignature(raw, signature, secret)) {
        throw new FlowEndpointError(432, secret ? 'The request signature is missing or wrong' : 'No app secret is set, so the request signature cannot be checked');
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new FlowEndpointError(421, 'The request body is not JSON');
      }
      const req = decryptFlowRequest(parsed, deps.keys.privateKey());
      const digestKey = str(req.body.flow_token) || str(req.body.action);
      if (!replay.firstTime(requestDigest(digestKey, req.iv))) throw new FlowEndpointError(409, 'This request was already answered (replayed)');
      const response = await answer(req.body);
      return encryptFlowResponse(response, req.aesKey, req.iv);
    },

    /** Sends one of the shipped Flows to a contact as an interactive `flow` message (through the outbox). */
    send(input: { contactId: number; flow: FlowName }): { token: string; outboxId: string } {
      const s = settings();
      const flowId = input.flow === 'book_appointment' ? s.bookAppointmentFlowId : s.feedbackFlowId;
      if (!flowId) throw new DomainError('not_configured', `Upload the ${input.flow === 'book_appointment' ? 'book appointment' : 'feedback'} Flow to Meta and paste its Flow id in Settings → WhatsApp → Flows first`);
      const box = deps.outbox();
      if (!box) throw new DomainError('not_configured', 'WhatsApp is not set up, so nothing can be sent');
      const contact = deps.contacts.get(input.contactId);
      const to = contact.phone ?? contact.waId ?? contact.userId;
      if (!to) throw new DomainError('validation', 'This contact has no WhatsApp number');
      const token = `${input.flow === 'book_appointment' ? 'bk' : 'fb'}_${randomBytes(12).toString('base64url')}`;
      const payload =
        input.flow === 'book_appointment'
          ? flowMessage(to, { body: s.bookBody, cta: s.bookCta, flow: { id: flowId }, token, action: 'data_exchange' })
          : flowMessage(to, { body: s.feedbackBody, cta: s.feedbackCta, flow: { id: flowId }, token, action: 'navigate', screen: 'RATE' });
      return deps.repo.transaction(() => {
        deps.repo.insert({ token, flow: input.flow, contact_id: contact.id, created_at: clock().toISOString() });
        const item = box.enqueue({ contactId: contact.id, payload, correlationId: `flow:${token}` });
        return { token, outboxId: item.id };
      });
    },

    /** `nfm_reply` → an appointment (unless the endpoint booked it already) or a rating; once per token. */
    completionHook: (async (m, ctx) => {
      if (!m.flow) return null;
      const response = m.flow.response ?? {};
      const token = m.flow.flowToken;
      const session = token ? deps.repo.get(token) : undefined;
      const at = clock().toISOString();
      const kind: FlowName | null = session?.flow ?? ('rating' in response ? 'feedback' : 'service' in response ? 'book_appointment' : null);
      if (kind === 'feedback') {
        const rating = Number(response.rating);
        const comment = str(response.comment).trim().slice(0, 1000);
        if (!Number.isInteger(rating) || rating < 1 || rating > 5) return { kind: 'flow_completion', summary: 'Feedback form without a rating', facts: { flow: 'feedback', recorded: false } };
        if (session?.rating != null) return { kind: 'flow_completion', summary: `Rated ${session.rating}★ (already recorded)`, facts: { flow: 'feedback', rating: session.rating, recorded: false } };
        const port = deps.feedback?.();
        if (port) await port.record({ contactId: ctx.contact.id, agentId: ctx.agent?.id ?? null, rating, comment: comment || null, source: 'flow' });
        if (session) deps.repo.setRated({ token: session.token, rating, at });
        return { kind: 'flow_completion', summary: `Rated ${rating}★${comment ? `: “${comment.slice(0, 80)}”` : ''}`, facts: { flow: 'feedback', rating, comment, recorded: Boolean(port) } };
      }
      if (kind === 'book_appointment') {
        if (session?.appointment_id != null) {
          return { kind: 'flow_completion', summary: `Visit booked for ${session.booked_start}`, facts: { flow: 'book_appointment', appointmentId: session.appointment_id, start: session.booked_start, service: session.booked_service, booked: false } };
        }
        const start = str(response.start) || str(response.slot);
        const service = FLOW_SERVICES.find((x) => x.id === response.service)?.id;
        const port = deps.appointments?.();
        if (!start || !service || !port) return { kind: 'flow_completion', summary: 'Booking form completed without a time', facts: { flow: 'book_appointment', booked: false } };
        try {
          const booked = await port.book({ contactId: ctx.contact.id, start, service, source: 'flow' });
          if (session) deps.repo.setBooked({ token: session.token, id: booked.id, start: booked.start, service: booked.service, at });
          return { kind: 'flow_completion', summary: `Visit booked for ${booked.start}`, facts: { flow: 'book_appointment', appointmentId: booked.id, start: booked.start, service: booked.service, booked: true } };
        } catch (err) {
          if (!(err instanceof DomainError) || err.code !== 'conflict') throw err;
          return { kind: 'flow_completion', summary: `The chosen time was taken: ${err.message}`, facts: { flow: 'book_appointment', booked: false, conflict: true, start, service } };
        }
      }
      if (session) deps.repo.complete(session.token, at);
      return null;
    }) satisfies FlowCompletionHook as FlowCompletionHook,
  };
}
export type FlowsService = ReturnType<typeof createFlowsService>;

import { APPOINTMENT_SERVICE_LABELS, DEAL_STAGE_LABELS, type Appointment, type LiveMessage } from '../contracts/index.js';
import type { OpsEventDraft } from './events.repo.js';

/** The contact's label for the Matrix (phone E.164, else name or WhatsApp id); null when unknown. */
export type ContactLabel = (contactId: number) => string | null;

/** A stored time is ISO-8601 UTC with Z and milliseconds, so it sorts as text. */
function iso(time: string): string {
  const t = Date.parse(time);
  return Number.isNaN(t) ? new Date().toISOString() : new Date(t).toISOString();
}

const system = (time: string, type: OpsEventDraft['type'], detail: string, data: Record<string, unknown>): OpsEventDraft => ({
  time: iso(time), type, agentId: null, agent: null, contactId: null, contact: null, detail, data,
});

const BOOKED_BY: Record<Appointment['source'], string> = { chat: 'by the shopper in the chat', flow: 'by the shopper in the booking form', owner: 'by the store' };
const MARKED: Record<Appointment['status'], string> = { booked: 'booked again', completed: 'visited', no_show: 'a no-show', cancelled: 'cancelled' };

/** "Try-on visit booked for Friday 4 December, 7:00 PM by the shopper in the chat", and so on. */
function visitChange(a: Appointment, change: 'booked' | 'moved' | 'cancelled' | 'marked', when: string): string {
  const what = APPOINTMENT_SERVICE_LABELS[a.service];
  if (change === 'booked') return `${what} booked for ${when} ${BOOKED_BY[a.source]}`;
  if (change === 'moved') return `${what} moved to ${when}`;
  if (change === 'cancelled') return `${what} on ${when} cancelled${a.cancelReason ? ` (${a.cancelReason})` : ''}`;
  return `${what} on ${when} marked ${MARKED[a.status]}`;
}

/**
 * Turns the bus's domain messages into event-log entries; null for messages the log does not keep
 * (progress ticks, heartbeats, its own `ops.*`). Stateful only to skip repeats (a knowledge source
 * announced ready twice, a tunnel re-announcing the same state).
 */
export function createRecorder(contactLabel: ContactLabel) {
  const knowledgeSeen = new Map<number, string>();
  let tunnelSeen = '';
  const label = (id: number | null) => (id === null ? null : contactLabel(id));

  return function toDraft(m: LiveMessage): OpsEventDraft | null {
    switch (m.type) {
      case 'conversation.event': {
        const e = m.event;
        // The tool's full result can be a whole product list: the log keeps the arguments and the summary.
        const { result: _result, ...data } = e.data;
        return {
          time: iso(e.time), type: e.type, agentId: e.agentId, agent: e.agentName, contactId: e.contactId, contact: label(e.contactId), detail: e.detail,
          data: { ...data, threadId: e.threadId, inboundId: e.inboundId },
        };
      }
      case 'whatsapp.status': {
        const error = m.errorCode === null ? '' : ` (error ${m.errorCode})`;
        const e = system(m.time, 'STATUS', `${m.status} ${m.wamid}${error}`, { wamid: m.wamid, status: m.status, errorCode: m.errorCode });
        return { ...e, contact: m.recipientId ? `+${m.recipientId.replace(/^\+/, '')}` : null };
      }
      case 'whatsapp.inbound.failed':
        return { ...system(m.time, 'ERROR', `an inbound message could not be handled after ${m.attempts} attempts: ${m.error}`, { wamid: m.wamid, attempts: m.attempts, reason: 'inbound_failed' }), contactId: m.contactId, contact: label(m.contactId) };
      case 'catalog.imported': {
        const what = `${m.created} created, ${m.updated} updated, ${m.unchanged} unchanged, ${m.rejected} rejected`;
        return system(m.time, 'IMPORT', `${m.dryRun ? 'catalog dry run' : 'catalog import'} of ${m.fileName}: ${what}`, { jobId: m.jobId, source: m.source, fileName: m.fileName, dryRun: m.dryRun, created: m.created, updated: m.updated, unchanged: m.unchanged, rejected: m.rejected });
      }
      case 'catalog.import.failed':
        return system(m.time, 'ERROR', `catalog import of ${m.fileName} failed: ${m.message}`, { jobId: m.jobId, source: m.source, fileName: m.fileName, reason: 'import_failed' });
      case 'knowledge.source': {
        const s = m.source;
        if (!s || (s.status !== 'ready' && s.status !== 'failed')) return null;
        const key = `${s.status}|${s.updatedAt}`;
        if (knowledgeSeen.get(s.id) === key) return null;
        knowledgeSeen.set(s.id, key);
        if (knowledgeSeen.size > 1000) knowledgeSeen.delete(knowledgeSeen.keys().next().value as number);
        const detail = s.status === 'ready' ? `knowledge ${s.name} ready (${s.chunks} passages)` : `knowledge ${s.name} failed: ${s.error ?? 'unreadable'}`;
        return system(m.time, 'IMPORT', detail, { sourceId: s.id, kind: s.kind, status: s.status, chunks: s.chunks, ...(s.url ? { url: s.url } : {}) });
      }
      case 'tunnel.state': {
        const key = `${m.state}|${m.url ?? ''}|${m.lastError ?? ''}`;
        if (key === tunnelSeen) return null;
        tunnelSeen = key;
        return system(m.time, 'TUNNEL', `tunnel ${m.state}${m.url ? ` at ${m.url}` : ''}${m.lastError ? `: ${m.lastError}` : ''}`, { state: m.state, url: m.url, lastError: m.lastError });
      }
      case 'pipeline.deal': {
        if (!m.moved || !m.deal) return null;
        const d = m.deal;
        const who = d.contactName ?? d.contactPhone ?? label(d.contactId) ?? `deal ${d.id}`;
        const move = m.moved.from ? `${DEAL_STAGE_LABELS[m.moved.from]} → ${DEAL_STAGE_LABELS[m.moved.to]}` : `new deal in ${DEAL_STAGE_LABELS[m.moved.to]}`;
        return {
          time: iso(m.time), type: 'DEAL', agentId: d.agentId, agent: d.agentName, contactId: d.contactId, contact: label(d.contactId) ?? d.contactPhone ?? d.contactName,
          detail: `${who}: ${move}${m.moved.reason ? ` (${m.moved.reason})` : ''}`,
          data: { dealId: d.id, title: d.title, from: m.moved.from, to: m.moved.to, by: m.moved.by, value: d.value },
        };
      }
      case 'appointments.changed': {
        const a = m.appointment;
        if (!a || !m.change) return null;
        const who = a.contactName ?? a.contactPhone ?? label(a.contactId) ?? `contact ${a.contactId}`;
        return {
          time: iso(m.time), type: 'VISIT', agentId: null, agent: null, contactId: a.contactId, contact: label(a.contactId) ?? a.contactPhone ?? a.contactName,
          detail: `${who}: ${visitChange(a, m.change, m.when ?? a.start)}`,
          data: { appointmentId: a.id, change: m.change, service: a.service, start: a.start, status: a.status, source: a.source },
        };
      }
      default:
        return null;
    }
  };
}

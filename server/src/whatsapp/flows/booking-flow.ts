import { DomainError } from '../../shared/errors.js';
import { FlowEndpointError } from './flows.crypto.js';
import type { FlowSessionRow, FlowsRepo } from './flows.repo.js';

/** The visit types of the booking Flow; the appointments service uses the same ids. */
export const FLOW_SERVICES = [
  { id: 'try_on', title: 'Try-on visit' },
  { id: 'custom_design', title: 'Custom design' },
  { id: 'repair', title: 'Repair' },
  { id: 'old_gold', title: 'Old-gold exchange' },
] as const;
export type FlowServiceId = (typeof FLOW_SERVICES)[number]['id'];

export interface FreeDay {
  date: string;
  slots: { start: string; label: string }[];
}

/**
 * What the Flows need of the appointments domain (wired in domains.ts): free slots in the store's
 * time zone and booking, which throws DomainError 'conflict' when the slot was taken meanwhile.
 */
export interface FlowsAppointmentsPort {
  freeSlots(q: { from: string; days?: number; service?: FlowServiceId }): FreeDay[] | Promise<FreeDay[]>;
  book(input: { contactId: number; start: string; service: FlowServiceId; source: 'flow' }): { id: number; start: string; service: string } | Promise<{ id: number; start: string; service: string }>;
}

export type FlowResponse = { screen: string; data: Record<string, unknown> };

/** How far ahead the date picker reaches. */
export const BOOKING_DAYS = 14;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface BookingState {
  date?: string;
  slot?: string;
}

export interface BookingFlowDeps {
  repo: FlowsRepo;
  appointments: () => FlowsAppointmentsPort | null;
  timeZone: () => string;
  clock: () => Date;
}

/**
 * The book-appointment Flow's screens as the data endpoint serves them: DATE (only days with a free
 * slot are pickable) → TIME (the free slots of that day) → SERVICE → booked (SUCCESS). The chosen
 * date and slot are kept on the session so BACK can refresh the previous screen.
 */
export function bookingFlow(deps: BookingFlowDeps) {
  const port = (): FlowsAppointmentsPort => {
    const p = deps.appointments();
    if (!p) throw new FlowEndpointError(400, 'Appointments are not available in this build');
    return p;
  };
  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: deps.timeZone(), year: 'numeric', month: '2-digit', day: '2-digit' }).format(deps.clock());
  const dayLabel = (date: string) => new Intl.DateTimeFormat('en-IN', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(`${date}T00:00:00Z`));
  const state = (s: FlowSessionRow): BookingState => JSON.parse(s.state) as BookingState;

  async function dateScreen(error?: string): Promise<FlowResponse> {
    const from = today();
    const days = await port().freeSlots({ from, days: BOOKING_DAYS });
    const open = days.filter((d) => d.slots.length > 0).map((d) => d.date).sort();
    const first = open[0] ?? from;
    const last = open.at(-1) ?? from;
    const unavailable: string[] = [];
    for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
      const d = new Date(t).toISOString().slice(0, 10);
      if (!open.includes(d)) unavailable.push(d);
    }
    if (!open.length) unavailable.push(from);
    const notice = open.length
      ? 'Pick a day for your visit. Greyed-out days are full or closed.'
      : `We have no free slots in the next ${BOOKING_DAYS} days. Please message us and we will find a time.`;
    return { screen: 'DATE', data: { min_date: first, max_date: last, unavailable_dates: unavailable, notice, ...(error ? { error_message: error } : {}) } };
  }

  async function slotsOf(date: string) {
    const days = await port().freeSlots({ from: date, days: 1 });
    return days.find((d) => d.date === date)?.slots ?? [];
  }

  /** From DATE, a day with no free time stays on DATE; on TIME itself (routing allows no way back) it says so. */
  async function timeScreen(session: FlowSessionRow, date: string, error?: string, fromDate = true): Promise<FlowResponse> {
    const slots = await slotsOf(date);
    const full = `No free times are left on ${dayLabel(date)}; please go back and pick another day.`;
    if (!slots.length && fromDate) return dateScreen(`No free times are left on ${dayLabel(date)}; please pick another day.`);
    if (!slots.length) error = full;
    deps.repo.setState(session.token, { date });
    return {
      screen: 'TIME',
      data: { date, date_label: dayLabel(date), slots: slots.map((s) => ({ id: s.start, title: s.label })), ...(error ? { error_message: error } : {}) },
    };
  }

  function serviceScreen(session: FlowSessionRow, date: string, slot: { start: string; label: string }): FlowResponse {
    deps.repo.setState(session.token, { date, slot: slot.start });
    return { screen: 'SERVICE', data: { slot: slot.start, slot_label: `${dayLabel(date)}, ${slot.label}`, services: FLOW_SERVICES.map((s) => ({ ...s })) } };
  }

  function success(session: FlowSessionRow, booked: { id: number; start: string; service: string }): FlowResponse {
    return { screen: 'SUCCESS', data: { extension_message_response: { params: { flow_token: session.token, appointment_id: booked.id, start: booked.start, service: booked.service } } } };
  }

  return {
    init: (): Promise<FlowResponse> => dateScreen(),

    /** BACK from a screen with refresh_on_back: the previous screen, with fresh free slots. */
    async back(session: FlowSessionRow, screen: string | undefined): Promise<FlowResponse> {
      const s = state(session);
      if (screen === 'SERVICE' && s.date) return timeScreen(session, s.date);
      return dateScreen();
    },

    async exchange(session: FlowSessionRow, screen: string | undefined, data: Record<string, unknown>): Promise<FlowResponse> {
      if (session.appointment_id !== null) {
        return success(session, { id: session.appointment_id, start: session.booked_start ?? '', service: session.booked_service ?? '' });
      }
      if (screen === 'DATE') {
        const date = typeof data.date === 'string' ? data.date : '';
        if (!DATE.test(date)) return dateScreen('Please pick a date.');
        return timeScreen(session, date);
      }
      const s = state(session);
      if (screen === 'TIME') {
        if (!s.date) throw new FlowEndpointError(400, 'The booking Flow reached TIME without a date');
        const slot = (await slotsOf(s.date)).find((x) => x.start === data.slot);
        if (!slot) return timeScreen(session, s.date, 'That time is no longer free; please pick another.', false);
        return serviceScreen(session, s.date, slot);
      }
      if (screen === 'SERVICE') {
        const service = FLOW_SERVICES.find((x) => x.id === data.service);
        const start = typeof data.slot === 'string' ? data.slot : s.slot;
        if (!start) throw new FlowEndpointError(400, 'The booking Flow reached SERVICE without a time');
        if (!service) return { screen: 'SERVICE', data: { error_message: 'Please pick what the visit is for.' } };
        try {
          const booked = await port().book({ contactId: session.contact_id, start, service: service.id, source: 'flow' });
          deps.repo.setBooked({ token: session.token, id: booked.id, start: booked.start, service: booked.service, at: deps.clock().toISOString() });
          return success(session, booked);
        } catch (err) {
          if (!(err instanceof DomainError) || err.code !== 'conflict') throw err;
          // SERVICE is terminal (no route back to TIME): say so here; BACK refreshes TIME's free slots.
          return { screen: 'SERVICE', data: { error_message: 'Someone just booked that time. Please go back and pick another.' } };
        }
      }
      throw new FlowEndpointError(400, `The booking Flow has no screen "${String(screen)}"`);
    },
  };
}

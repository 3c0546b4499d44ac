import type { OpsEvent, OpsEventType } from '../../api/contracts';

/** An event shaped exactly as the ops contract says. */
export function opsEvent(cursor: number, overrides: Partial<OpsEvent> = {}): OpsEvent {
  return {
    cursor,
    time: new Date(Date.UTC(2026, 2, 4, 10, 0, 0) + cursor * 1000).toISOString(),
    type: 'INBOUND' as OpsEventType,
    agent: 'Aarav',
    agentId: 1,
    contact: '+919876543210',
    contactId: 7,
    detail: `message ${cursor}`,
    data: {},
    ...overrides,
  };
}

export const liveEvent = (event: OpsEvent) => ({ type: 'ops.event' as const, time: event.time, event });

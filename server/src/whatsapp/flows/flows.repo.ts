import type { Db } from '../../db/index.js';

export type FlowName = 'book_appointment' | 'feedback';

export interface FlowSessionRow {
  token: string;
  flow: FlowName;
  contact_id: number;
  state: string;
  appointment_id: number | null;
  booked_start: string | null;
  booked_service: string | null;
  rating: number | null;
  created_at: string;
  completed_at: string | null;
}

/** SQL for flow sessions, nothing else. */
export function flowsRepo(db: Db) {
  const insert = db.prepare<{ token: string; flow: FlowName; contact_id: number; created_at: string }>(
    'insert into flow_sessions (token, flow, contact_id, created_at) values (@token, @flow, @contact_id, @created_at)',
  );
  const byToken = db.prepare<[string], FlowSessionRow>('select * from flow_sessions where token = ?');
  const setState = db.prepare<[string, string]>('update flow_sessions set state = ? where token = ?');
  // Only the first booking sticks: the `appointment_id is null` guard makes a second one a no-op.
  const setBooked = db.prepare<{ token: string; id: number; start: string; service: string; at: string }>(
    `update flow_sessions set appointment_id = @id, booked_start = @start, booked_service = @service, completed_at = coalesce(completed_at, @at)
     where token = @token and appointment_id is null`,
  );
  const setRated = db.prepare<{ token: string; rating: number; at: string }>(
    'update flow_sessions set rating = @rating, completed_at = @at where token = @token and rating is null',
  );
  const complete = db.prepare<[string, string]>('update flow_sessions set completed_at = coalesce(completed_at, ?) where token = ?');
  return {
    insert: (row: { token: string; flow: FlowName; contact_id: number; created_at: string }) => void insert.run(row),
    get: (token: string) => byToken.get(token),
    setState: (token: string, state: object) => void setState.run(JSON.stringify(state), token),
    setBooked: (row: { token: string; id: number; start: string; service: string; at: string }) => setBooked.run(row).changes === 1,
    setRated: (row: { token: string; rating: number; at: string }) => setRated.run(row).changes === 1,
    complete: (token: string, at: string) => void complete.run(at, token),
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
  };
}
export type FlowsRepo = ReturnType<typeof flowsRepo>;

import type { DeliveryState, MessageStatus, WaError } from '../../contracts/index.js';
import type { StatusRow } from './inbox.repo.js';

/** read > delivered > sent; `played` (a voice note heard) implies read. Unknown statuses do not rank. */
const RANK: Record<string, { rank: number; state: DeliveryState }> = {
  sent: { rank: 1, state: 'sent' },
  delivered: { rank: 2, state: 'delivered' },
  read: { rank: 3, state: 'read' },
  played: { rank: 3, state: 'read' },
};

/**
 * Where a message stands from every status received for it, in whatever order they came (Meta
 * does not guarantee one, and a status can arrive before our send call returned): `failed` is
 * terminal, otherwise the highest rank wins.
 */
export function summarizeStatuses(wamid: string, rows: StatusRow[]): MessageStatus {
  const history = rows.map((r) => ({ status: r.status, at: r.at, errorCode: r.error_code }));
  const callbackData = rows.find((r) => r.callback_data !== null)?.callback_data ?? null;
  const failed = rows.find((r) => r.status === 'failed');
  if (failed) return { wamid, status: 'failed', at: failed.at, errors: JSON.parse(failed.errors) as WaError[], callbackData, history };
  let best: StatusRow | undefined;
  for (const r of rows) {
    const rank = RANK[r.status]?.rank ?? 0;
    if (rank > 0 && rank > (best ? (RANK[best.status]?.rank ?? 0) : 0)) best = r;
  }
  return { wamid, status: best ? (RANK[best.status]?.state ?? null) : null, at: best?.at ?? null, errors: [], callbackData, history };
}

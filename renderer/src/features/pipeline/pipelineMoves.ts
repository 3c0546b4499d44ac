import type { Announcements } from '@dnd-kit/core';
import { DEAL_STAGE_LABELS, DEAL_STAGES, type Deal, type DealStage } from '../../api/contracts';

export const STAGES = DEAL_STAGES;
export const OPEN_STAGES: readonly DealStage[] = ['new', 'contacted', 'interest', 'negotiating', 'booked'];
export const stageLabel = (s: DealStage) => DEAL_STAGE_LABELS[s];

/** 125000 → "₹1,25,000". */
export function rupees(value: number): string {
  return `₹${Math.round(value).toLocaleString('en-IN')}`;
}

/** Each stage's deals in column order. */
export function columns(deals: Deal[]): Record<DealStage, Deal[]> {
  const out = Object.fromEntries(STAGES.map((s) => [s, [] as Deal[]])) as Record<DealStage, Deal[]>;
  for (const d of deals) out[d.stage].push(d);
  for (const s of STAGES) out[s].sort((a, b) => a.position - b.position || a.id - b.id);
  return out;
}

export function totals(list: Deal[]): { count: number; value: number } {
  return { count: list.length, value: list.reduce((n, d) => n + d.value, 0) };
}

/** The open pipeline: every deal not sold and not lost. */
export function pipelineValue(deals: Deal[]): number {
  return deals.filter((d) => OPEN_STAGES.includes(d.stage)).reduce((n, d) => n + d.value, 0);
}

/** The board after moving `id` to `stage` at `position` (what the server will do), for an optimistic update. */
export function applyMove(deals: Deal[], id: number, stage: DealStage, position: number): Deal[] {
  const moving = deals.find((d) => d.id === id);
  if (!moving) return deals;
  const cols = columns(deals.filter((d) => d.id !== id));
  const target = cols[stage];
  const moved: Deal = { ...moving, stage, stageChangedAt: moving.stage === stage ? moving.stageChangedAt : new Date().toISOString() };
  target.splice(Math.min(Math.max(position, 0), target.length), 0, moved);
  return STAGES.flatMap((s) => cols[s].map((d, i) => ({ ...d, position: i })));
}

/** Where a drop lands: on a card (its place) or on a column (its end). Null when nowhere or nothing changes. */
export function dropTarget(deals: Deal[], activeId: number, overId: string | number | undefined): { stage: DealStage; position: number } | null {
  if (overId === undefined) return null;
  const cols = columns(deals);
  const active = deals.find((d) => d.id === activeId);
  if (!active) return null;
  let target: { stage: DealStage; position: number };
  if (typeof overId === 'string' && overId.startsWith('stage:')) {
    const stage = overId.slice(6) as DealStage;
    if (!STAGES.includes(stage)) return null;
    target = { stage, position: cols[stage].filter((d) => d.id !== activeId).length };
  } else {
    const over = deals.find((d) => `deal:${d.id}` === String(overId));
    if (!over) return null;
    target = { stage: over.stage, position: cols[over.stage].indexOf(over) };
  }
  if (target.stage === active.stage && target.position === cols[active.stage].indexOf(active)) return null;
  return target;
}

/** "3 days", "5 hours", "12 minutes" since an ISO time. */
export function timeInStage(since: string, now: Date = new Date()): string {
  const ms = Math.max(0, now.getTime() - Date.parse(since));
  const minutes = Math.floor(ms / 60_000);
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes < 1) return 'just now';
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return plural(hours, 'hour');
  return plural(Math.floor(hours / 24), 'day');
}

export const DRAG_INSTRUCTIONS =
  'To move a deal, focus its card and press space or enter to pick it up. Use the arrow keys: left and right move it to the previous or next stage, ' +
  'up and down change its place in the column. Press space or enter again to drop it, or escape to cancel.';

const where = (overId: string | number | undefined, deals: Deal[]) => {
  if (overId === undefined) return null;
  const s = String(overId);
  if (s.startsWith('stage:')) return stageLabel(s.slice(6) as DealStage);
  const d = deals.find((x) => `deal:${x.id}` === s);
  return d ? stageLabel(d.stage) : null;
};

/** What a screen reader hears while a deal moves. */
export function dealAnnouncements(deals: () => Deal[]): Announcements {
  const title = (id: string | number) => deals().find((d) => `deal:${d.id}` === String(id))?.title ?? 'the deal';
  return {
    onDragStart: ({ active }) => `Picked up ${title(active.id)}.`,
    onDragOver: ({ active, over }) => {
      const w = where(over?.id, deals());
      return w ? `${title(active.id)} is over ${w}.` : `${title(active.id)} is not over a stage.`;
    },
    onDragEnd: ({ active, over }) => {
      const w = where(over?.id, deals());
      return w ? `${title(active.id)} dropped in ${w}.` : `${title(active.id)} was put back where it was.`;
    },
    onDragCancel: ({ active }) => `Moving ${title(active.id)} was cancelled; it stays where it was.`,
  };
}

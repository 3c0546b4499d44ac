import type { z } from 'zod';
import {
  DEAL_STAGES,
  DEAL_STAGE_LABELS,
  DealInputSchema,
  DealMoveInputSchema,
  DealPatchSchema,
  type Deal,
  type DealDetail,
  type DealStage,
  type PipelineSummary,
} from '../contracts/index.js';
import type { Bus } from '../ops/index.js';
import { DomainError, fieldErrors } from '../shared/errors.js';
import type { DealFilter, DealRow, PipelineRepo } from './pipeline.repo.js';

export interface PipelineServiceDeps {
  repo: PipelineRepo;
  bus: Pick<Bus, 'publish'>;
  clock?: () => Date;
}

export type MovedBy = 'owner' | 'auto';
/** Stages a deal can be open in; sold and lost close it. */
export const OPEN_STAGES: readonly DealStage[] = ['new', 'contacted', 'interest', 'negotiating', 'booked'];
export const isOpen = (stage: DealStage) => OPEN_STAGES.includes(stage);
/** Forward order for automatic moves (lost is not on the line). */
export const stageRank = (stage: DealStage) => (stage === 'lost' ? -1 : DEAL_STAGES.indexOf(stage));

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new DomainError('validation', r.error.issues[0]?.message ?? 'The deal is not valid', fieldErrors(r.error.issues));
  return r.data;
}

export function toDeal(r: DealRow): Deal {
  return {
    id: r.id, contactId: r.contact_id, contactName: r.contact_name, contactPhone: r.contact_phone, title: r.title, stage: r.stage, position: r.position,
    value: r.value, products: JSON.parse(r.products) as string[], agentId: r.agent_id, agentName: r.agent_name, nextStep: r.next_step, lostReason: r.lost_reason,
    createdAt: r.created_at, updatedAt: r.updated_at, stageChangedAt: r.stage_changed_at,
  };
}

/**
 * Deals: the rules. Each column is kept numbered 0..n-1; every stage change is a move in the
 * deal's history (who and why); every change is published as `pipeline.deal`.
 */
export function createPipelineService(deps: PipelineServiceDeps) {
  const { repo, bus } = deps;
  const clock = deps.clock ?? (() => new Date());
  const now = () => clock().toISOString();

  function row(id: number): DealRow {
    const r = Number.isInteger(id) ? repo.get(id) : undefined;
    if (!r) throw new DomainError('not_found', `There is no deal ${id}`);
    return r;
  }
  function detail(r: DealRow): DealDetail {
    return { ...toDeal(r), history: repo.moves(r.id).map((m) => ({ at: m.at, from: m.from_stage, to: m.to_stage, by: m.by, reason: m.reason })) };
  }
  function publish(id: number, moved: { from: DealStage | null; to: DealStage; by: MovedBy; reason: string } | null): DealDetail {
    const d = detail(row(id));
    bus.publish({ type: 'pipeline.deal', time: now(), dealId: id, deal: toDeal(row(id)), moved });
    return d;
  }

  const service = {
    list(filter: DealFilter = {}): { deals: Deal[] } {
      return { deals: repo.list(filter).map(toDeal) };
    },
    get: (id: number): DealDetail => detail(row(id)),
    row,
    /** The contact's open deal (not sold, not lost), if any. */
    openFor: (contactId: number): DealRow | undefined => repo.openFor(contactId),

    create(input: unknown, by: MovedBy = 'owner', reason = 'added by hand', opts: { titleAuto?: boolean } = {}): DealDetail {
      const d = parse(DealInputSchema, input);
      if (!repo.contactExists(d.contactId)) throw new DomainError('validation', `There is no contact ${d.contactId}`, { contactId: 'Pick a contact from the list' });
      const at = now();
      const id = repo.transaction(() => {
        const id = repo.insert(
          {
            contact_id: d.contactId, title: d.title, stage: d.stage, value: d.value, value_by: by === 'owner' && d.value > 0 ? 'owner' : 'auto',
            products: JSON.stringify(d.products), agent_id: d.agentId, next_step: d.nextStep, lost_reason: null, title_auto: opts.titleAuto ? 1 : 0,
          },
          0,
          at,
        );
        repo.addMove(id, { at, from_stage: null, to_stage: d.stage, by, reason });
        return id;
      });
      return publish(id, { from: null, to: d.stage, by, reason });
    },

    /** Changes only the fields given; a value typed by the owner is never overwritten by automatic moves. */
    update(id: number, patch: unknown, by: MovedBy = 'owner'): DealDetail {
      const p = Object.fromEntries(Object.entries(parse(DealPatchSchema, patch)).filter(([, v]) => v !== undefined)) as z.output<typeof DealPatchSchema>;
      const r = row(id);
      repo.edit(
        id,
        {
          title: p.title ?? r.title, value: p.value ?? r.value, value_by: p.value !== undefined ? by : r.value_by, products: p.products ? JSON.stringify(p.products) : r.products,
          agent_id: p.agentId !== undefined ? p.agentId : r.agent_id, next_step: p.nextStep ?? r.next_step, lost_reason: p.lostReason !== undefined ? p.lostReason : r.lost_reason,
          title_auto: p.title !== undefined && by === 'owner' ? 0 : r.title_auto,
        },
        now(),
      );
      return publish(id, null);
    },

    /** Drag and drop: a stage and a place in its column. Lost needs a reason; leaving lost clears it. */
    move(id: number, input: unknown, by: MovedBy = 'owner'): DealDetail {
      const m = parse(DealMoveInputSchema, input);
      const r = row(id);
      const reason = m.reason?.trim() ?? '';
      if (m.stage === 'lost' && r.stage !== 'lost' && !reason) {
        throw new DomainError('validation', 'Say why the deal was lost (e.g. "bought elsewhere", "budget")', { reason: 'Give a reason for losing the deal' });
      }
      const at = now();
      const position = m.position ?? (m.stage === r.stage ? r.position : 0);
      const changed = m.stage !== r.stage;
      repo.transaction(() => {
        repo.move(id, r.stage, m.stage, position, at, by === 'owner');
        if (!changed) return;
        const why = reason || (by === 'owner' ? `moved to ${DEAL_STAGE_LABELS[m.stage]} by hand` : '');
        repo.addMove(id, { at, from_stage: r.stage, to_stage: m.stage, by, reason: why });
        if (m.stage === 'lost' || r.stage === 'lost') {
          const cur = row(id);
          repo.edit(id, { ...cur, lost_reason: m.stage === 'lost' ? reason : null }, at);
        }
      });
      const why = repo.moves(id).at(-1)?.reason ?? reason;
      return publish(id, changed ? { from: r.stage, to: m.stage, by, reason: why } : null);
    },

    delete(id: number): { deleted: number } {
      row(id);
      repo.delete(id);
      bus.publish({ type: 'pipeline.deal', time: now(), dealId: id, deal: null, moved: null });
      return { deleted: id };
    },

    /** Per stage count and value; pipeline value = open deals; won = sold; the same per agent. */
    summary(): PipelineSummary {
      const rows = repo.totals();
      const stages = DEAL_STAGES.map((stage) => {
        const of = rows.filter((r) => r.stage === stage);
        return { stage, count: of.reduce((n, r) => n + r.count, 0), value: of.reduce((n, r) => n + r.value, 0) };
      });
      const agents = new Map<number | null, { agentId: number | null; pipelineValue: number; wonValue: number }>();
      for (const r of rows) {
        const a = agents.get(r.agent_id) ?? { agentId: r.agent_id, pipelineValue: 0, wonValue: 0 };
        if (isOpen(r.stage)) a.pipelineValue += r.value;
        if (r.stage === 'sold') a.wonValue += r.value;
        agents.set(r.agent_id, a);
      }
      const open = stages.filter((s) => isOpen(s.stage));
      return {
        stages,
        pipelineValue: open.reduce((n, s) => n + s.value, 0),
        wonValue: stages.find((s) => s.stage === 'sold')?.value ?? 0,
        byAgent: [...agents.values()].sort((a, b) => (a.agentId ?? -1) - (b.agentId ?? -1)),
      };
    },

    /** For the Fleet cards: an agent's open pipeline and won value in rupees (zeros when it has no deals). */
    valueByAgent(agentId: number): { pipelineValue: number; wonValue: number } {
      const a = service.summary().byAgent.find((x) => x.agentId === agentId);
      return { pipelineValue: a?.pipelineValue ?? 0, wonValue: a?.wonValue ?? 0 };
    },
  };
  return service;
}
export type PipelineService = ReturnType<typeof createPipelineService>;

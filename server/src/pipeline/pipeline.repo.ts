import type { Db } from '../db/index.js';
import type { DealStage } from '../contracts/index.js';

export interface DealRow {
  id: number;
  contact_id: number;
  contact_name: string | null;
  contact_phone: string | null;
  title: string;
  stage: DealStage;
  position: number;
  value: number;
  value_by: 'auto' | 'owner';
  products: string;
  agent_id: number | null;
  agent_name: string | null;
  next_step: string;
  lost_reason: string | null;
  title_auto: 0 | 1;
  created_at: string;
  updated_at: string;
  stage_changed_at: string;
  owner_moved_at: string | null;
}

export interface MoveRow {
  at: string;
  from_stage: DealStage | null;
  to_stage: DealStage;
  by: 'owner' | 'auto';
  reason: string;
}

export type DealFields = Pick<DealRow, 'contact_id' | 'title' | 'stage' | 'value' | 'value_by' | 'products' | 'agent_id' | 'next_step' | 'lost_reason' | 'title_auto'>;
export type DealEdit = Pick<DealRow, 'title' | 'value' | 'value_by' | 'products' | 'agent_id' | 'next_step' | 'lost_reason' | 'title_auto'>;
export interface DealFilter {
  agent?: number | undefined;
  stage?: DealStage | undefined;
  contact?: number | undefined;
  q?: string | undefined;
}

// The contact's name and phone and the agent's name come along for the cards (a phone from a numeric WhatsApp id when none is stored).
const SELECT = `select d.*, c.name as contact_name,
    coalesce(c.phone, case when c.wa_id glob '[0-9]*' then '+' || c.wa_id end) as contact_phone, a.name as agent_name
  from deals d left join contacts c on c.id = d.contact_id left join agents a on a.id = d.agent_id`;

/** SQL for deals and their moves, nothing else. */
export function pipelineRepo(db: Db) {
  const byId = db.prepare<[number], DealRow>(`${SELECT} where d.id = ?`);
  const openOf = db.prepare<[number], DealRow>(`${SELECT} where d.contact_id = ? and d.stage not in ('sold', 'lost') order by d.id desc limit 1`);
  const column = db.prepare<[string], { id: number }>('select id from deals where stage = ? order by position, id');
  const setPos = db.prepare<[number, number]>('update deals set position = ? where id = ?');
  const insert = db.prepare<DealFields & { position: number; now: string }>(
    `insert into deals (contact_id, title, stage, position, value, value_by, products, agent_id, next_step, lost_reason, title_auto, created_at, updated_at, stage_changed_at)
     values (@contact_id, @title, @stage, @position, @value, @value_by, @products, @agent_id, @next_step, @lost_reason, @title_auto, @now, @now, @now)`,
  );
  const edit = db.prepare<DealEdit & { id: number; now: string }>(
    `update deals set title = @title, value = @value, value_by = @value_by, products = @products, agent_id = @agent_id, next_step = @next_step,
       lost_reason = @lost_reason, title_auto = @title_auto, updated_at = @now where id = @id`,
  );
  const setStage = db.prepare<{ id: number; stage: string; now: string; owner: number }>(
    `update deals set stage = @stage, stage_changed_at = @now, updated_at = @now,
       owner_moved_at = case when @owner = 1 then @now else owner_moved_at end where id = @id`,
  );
  const touchOwner = db.prepare<[string, string, number]>('update deals set owner_moved_at = ?, updated_at = ? where id = ?');
  const addMove = db.prepare<{ deal_id: number; at: string; from_stage: string | null; to_stage: string; by: string; reason: string }>(
    'insert into deal_moves (deal_id, at, from_stage, to_stage, by, reason) values (@deal_id, @at, @from_stage, @to_stage, @by, @reason)',
  );
  const moves = db.prepare<[number], MoveRow>('select at, from_stage, to_stage, by, reason from deal_moves where deal_id = ? order by id');
  const remove = db.prepare<[number]>('delete from deals where id = ?');
  const contact = db.prepare<[number], { id: number }>('select id from contacts where id = ?');
  const totals = db.prepare<[], { stage: DealStage; agent_id: number | null; count: number; value: number }>(
    'select stage, agent_id, count(*) as count, coalesce(sum(value), 0) as value from deals group by stage, agent_id',
  );

  /** Puts `id` at `position` in `stage`'s column and renumbers the column 0..n-1. */
  function place(id: number, stage: string, position: number): void {
    const ids = column.all(stage).map((r) => r.id).filter((x) => x !== id);
    ids.splice(Math.min(Math.max(position, 0), ids.length), 0, id);
    ids.forEach((x, i) => setPos.run(i, x));
  }
  function renumber(stage: string): void {
    column.all(stage).forEach((r, i) => setPos.run(i, r.id));
  }

  return {
    get: (id: number) => byId.get(id),
    contactExists: (id: number) => contact.get(id) !== undefined,
    openFor: (contactId: number) => openOf.get(contactId),
    list(f: DealFilter): DealRow[] {
      const where: string[] = [];
      const args: Record<string, unknown> = {};
      const filters = { agent: 'd.agent_id = @agent', stage: 'd.stage = @stage', contact: 'd.contact_id = @contact' } as const;
      for (const [key, sql] of Object.entries(filters) as [keyof typeof filters, string][]) {
        if (f[key] === undefined) continue;
        where.push(sql);
        args[key] = f[key];
      }
      if (f.q) {
        where.push(`(d.title like @q escape '\\' or c.name like @q escape '\\' or c.phone like @q escape '\\' or d.next_step like @q escape '\\')`);
        args.q = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      }
      const sql = `${SELECT}${where.length ? ` where ${where.join(' and ')}` : ''} order by d.position, d.id`;
      return db.prepare<[Record<string, unknown>], DealRow>(sql).all(args);
    },
    insert(fields: DealFields, position: number, now: string): number {
      const id = Number(insert.run({ ...fields, position: 1e9, now }).lastInsertRowid);
      place(id, fields.stage, position);
      return id;
    },
    edit: (id: number, fields: DealEdit, now: string) => void edit.run({ ...fields, id, now }),
    /** Stage and position; the old column closes its gap. */
    move(id: number, from: string, stage: string, position: number, now: string, owner: boolean): void {
      if (from !== stage) setStage.run({ id, stage, now, owner: owner ? 1 : 0 });
      else if (owner) touchOwner.run(now, now, id);
      place(id, stage, position);
      if (from !== stage) renumber(from);
    },
    addMove: (dealId: number, m: MoveRow) => void addMove.run({ deal_id: dealId, ...m }),
    moves: (dealId: number) => moves.all(dealId),
    delete(id: number): number {
      const row = byId.get(id);
      const n = remove.run(id).changes;
      if (row) renumber(row.stage);
      return n;
    },
    totals: () => totals.all(),
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
  };
}
export type PipelineRepo = ReturnType<typeof pipelineRepo>;

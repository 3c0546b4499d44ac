import type { Db } from '../db/index.js';

export interface FeedbackRow {
  id: number;
  contact_id: number;
  agent_id: number | null;
  rating: number;
  comment: string | null;
  source: 'flow' | 'message';
  at: string;
}

/** SQL for ratings, nothing else. */
export function feedbackRepo(db: Db) {
  const insert = db.prepare<Omit<FeedbackRow, 'id'>>('insert into feedback (contact_id, agent_id, rating, comment, source, at) values (@contact_id, @agent_id, @rating, @comment, @source, @at)');
  const byId = db.prepare<[number], FeedbackRow>('select * from feedback where id = ?');
  const all = db.prepare<[number], FeedbackRow>('select * from feedback order by at desc, id desc limit ?');
  return {
    insert: (r: Omit<FeedbackRow, 'id'>) => byId.get(Number(insert.run(r).lastInsertRowid)) as FeedbackRow,
    /** Newest first. */
    all: (limit = 5000) => all.all(limit),
  };
}

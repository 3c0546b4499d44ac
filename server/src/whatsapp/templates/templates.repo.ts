import type { Db } from '../../db/index.js';

export interface TemplateRow {
  id: string;
  name: string;
  language: string;
  status: string;
  category: string;
  components: string;
  fetched_at: string;
}

/** SQL for the cached template list, nothing else. */
export function templatesRepo(db: Db) {
  const all = db.prepare<[], TemplateRow>('select * from wa_templates order by name, language');
  const one = db.prepare<[string, string], TemplateRow>('select * from wa_templates where name = ? and language = ?');
  const byName = db.prepare<[string], TemplateRow>('select * from wa_templates where name = ? order by language');
  const clear = db.prepare('delete from wa_templates');
  const insert = db.prepare<TemplateRow>('insert into wa_templates (id, name, language, status, category, components, fetched_at) values (@id, @name, @language, @status, @category, @components, @fetched_at)');
  const latest = db.prepare<[], { at: string | null }>('select max(fetched_at) as at from wa_templates');
  return {
    list: () => all.all(),
    get: (name: string, language?: string) => (language ? one.get(name, language) : byName.all(name)[0]),
    /** Replaces the cache with Meta's list in one transaction. */
    replace: db.transaction((rows: TemplateRow[]) => {
      clear.run();
      for (const r of rows) insert.run(r);
    }),
    fetchedAt: () => latest.get()?.at ?? null,
  };
}

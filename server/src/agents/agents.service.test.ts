import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentsKit } from '../../../test/helpers/agents-kit.js';
import { DomainError } from '../shared/errors.js';
import { copyName } from './index.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof DomainError ? { code: err.code, message: err.message, fields: err.fields } : { code: 'other', message: String(err), fields: undefined };
  }
  return null;
};

describe('agents: the first agent', () => {
  it('a new store gets one default agent, Aarav, and opening again does not add another', () => {
    const kit = agentsKit();
    const { agents } = kit.agents.list();
    expect(agents).toHaveLength(1);
    expect(agents[0]).toMatchObject({ name: 'Aarav', role: 'Sales', isDefault: true, status: 'active', knowledgeSources: [] });
    expect(agents[0]?.avatar).toMatchObject({ kind: 'illustrated', url: expect.stringMatching(/^\/api\/agents\/\d+\/avatar\?v=[0-9a-f]{10}$/) });
    // skills completed by the registry, in its order, at its defaults
    expect(agents[0]?.skills).toEqual([
      { id: 'catalog_search', enabled: true, config: { maxResults: 10 } },
      { id: 'send_products', enabled: false, config: {} },
    ]);
    kit.open();
    kit.open();
    expect(kit.agents.list().agents).toHaveLength(1);
  });

  it("draws the first agent's face on first view, keeping its URL", async () => {
    const kit = agentsKit();
    const before = kit.agents.defaultAgent();
    expect(readdirSync(kit.dataDir)).not.toContain('avatars');
    const image = await kit.agents.avatarImage(before.id);
    expect(image.type).toBe('image/svg+xml');
    expect(readdirSync(join(kit.dataDir, 'avatars'))).toHaveLength(1);
    const after = kit.agents.get(before.id);
    expect(after.avatar?.url).toBe(before.avatar?.url);
    expect(after.avatar?.url.endsWith(`?v=${image.version}`)).toBe(true);
    expect(after.updatedAt).toBe(before.updatedAt);
  });
});

describe('agents: rules', () => {
  it('creates an agent with defaults, not default, with its skills completed and checked by the registry', () => {
    const { agents } = agentsKit();
    const riya = agents.create({ name: 'Riya', role: 'After-sales', skills: [{ id: 'send_products', enabled: true, config: {} }, { id: 'nonsense', enabled: true, config: {} }] });
    expect(riya).toMatchObject({ name: 'Riya', role: 'After-sales', isDefault: false, status: 'active', whenPaused: 'away_message', avatar: null });
    expect(riya.persona).toEqual({ tone: 50, tenacity: 50, emoji: 30, length: 40, languages: ['english', 'hinglish'], instructions: '' });
    expect(riya.skills.map((s) => [s.id, s.enabled])).toEqual([
      ['catalog_search', true],
      ['send_products', true],
    ]);
    expect(riya.createdAt).toMatch(/Z$/);
    expect(codeOf(() => agents.create({ name: 'Meera', skills: [{ id: 'catalog_search', enabled: true, config: { maxResults: 99 } }] }))).toMatchObject({ code: 'validation' });
    expect(codeOf(() => agents.create({ name: 'X' }))).toMatchObject({ code: 'validation', fields: { name: expect.stringMatching(/at least 2/) } });
  });

  it('refuses a name another agent has, whatever its case, with a field error on name', () => {
    const { agents } = agentsKit();
    const riya = agents.create({ name: 'Riya' });
    expect(codeOf(() => agents.create({ name: 'riya' }))).toMatchObject({ code: 'conflict', fields: { name: expect.stringContaining('Riya') } });
    expect(codeOf(() => agents.update(riya.id, { name: 'AARAV' }))).toMatchObject({ code: 'conflict' });
    // renaming to its own name in another case is fine
    expect(agents.update(riya.id, { name: 'RIYA' }).name).toBe('RIYA');
    expect(agents.byName('riya')?.id).toBe(riya.id);
    expect(agents.byName('nobody')).toBeNull();
  });

  it('updates only the fields given, and a skill list only the skills it names', () => {
    const { agents } = agentsKit();
    const a = agents.create({ name: 'Kabir', role: 'Sales', awayMessage: 'Back at 10', skills: [{ id: 'send_products', enabled: true, config: {} }] });
    const b = agents.update(a.id, { skills: [{ id: 'catalog_search', enabled: false, config: { maxResults: 5 } }] });
    expect(b.skills).toEqual([
      { id: 'catalog_search', enabled: false, config: { maxResults: 5 } },
      { id: 'send_products', enabled: true, config: {} },
    ]);
    expect(b).toMatchObject({ role: 'Sales', awayMessage: 'Back at 10' });
    const c = agents.update(a.id, { persona: { tone: 90, tenacity: 10, emoji: 0, length: 100, languages: ['hindi'], instructions: 'Mention free cleaning' } });
    expect(c.persona).toMatchObject({ tone: 90, languages: ['hindi'] });
    expect(agents.get(a.id).persona.instructions).toBe('Mention free cleaning');
  });

  it('moves the default to the oldest other agent when the default is deleted, and refuses to delete the last agent', () => {
    const kit = agentsKit();
    const { agents } = kit;
    const aarav = agents.defaultAgent();
    const riya = agents.create({ name: 'Riya' });
    const kabir = agents.create({ name: 'Kabir' });
    kit.events.length = 0;
    expect(agents.delete(aarav.id)).toEqual({ deleted: aarav.id });
    expect(agents.defaultAgent().id).toBe(riya.id);
    expect(agents.get(kabir.id).isDefault).toBe(false);
    expect(kit.events.map((e) => [e.agentId, e.agent?.isDefault ?? null])).toEqual([
      [aarav.id, null],
      [riya.id, true],
    ]);
    // deleting a non-default agent leaves the default alone
    agents.delete(kabir.id);
    expect(agents.defaultAgent().id).toBe(riya.id);
    const last = codeOf(() => agents.delete(riya.id));
    expect(last).toMatchObject({ code: 'conflict', message: expect.stringMatching(/only agent.*WhatsApp/) });
    expect(agents.list().agents.map((a) => a.id)).toEqual([riya.id]);
    expect(codeOf(() => agents.delete(9999))).toMatchObject({ code: 'not_found' });
  });

  it('keeps exactly one default when another agent is made default', () => {
    const kit = agentsKit();
    const { agents } = kit;
    const aarav = agents.defaultAgent();
    const riya = agents.create({ name: 'Riya' });
    kit.events.length = 0;
    expect(agents.makeDefault(riya.id).isDefault).toBe(true);
    expect(agents.list().agents.filter((a) => a.isDefault).map((a) => a.id)).toEqual([riya.id]);
    expect(agents.get(aarav.id).isDefault).toBe(false);
    expect(kit.events.map((e) => [e.agentId, e.agent?.isDefault])).toEqual([
      [aarav.id, false],
      [riya.id, true],
    ]);
    // the database itself refuses two defaults
    expect(() => kit.db.prepare('update agents set is_default = 1').run()).toThrow(/UNIQUE/);
  });

  it('clones with "(copy)", then "(copy 2)", never as the default, with the same persona, skills and picture file', async () => {
    const kit = agentsKit();
    const { agents } = kit;
    const aarav = agents.update(agents.defaultAgent().id, { persona: { tone: 80, tenacity: 60, emoji: 70, length: 30, languages: ['hinglish'], instructions: 'Namaste first' }, knowledgeSources: [3] });
    await agents.generateAvatar(aarav.id, { description: 'Friendly salesman with a beard' });
    const copy = agents.clone(aarav.id);
    expect(copy).toMatchObject({ name: 'Aarav (copy)', isDefault: false, persona: aarav.persona, skills: aarav.skills, knowledgeSources: [3] });
    expect(copy.avatar).toMatchObject({ kind: 'illustrated', description: 'Friendly salesman with a beard' });
    expect(agents.clone(copy.id).name).toBe('Aarav (copy 2)');
    expect(agents.clone(aarav.id, { name: 'Vikram' }).name).toBe('Vikram');
    expect(codeOf(() => agents.clone(aarav.id, { name: 'vikram' }))).toMatchObject({ code: 'conflict' });
    const files = readdirSync(join(kit.dataDir, 'avatars'));
    expect(files.filter((f) => f.startsWith(`${copy.id}-`))).toHaveLength(1);
    // the clone's picture is its own file: deleting the original's leaves it
    agents.removeAvatar(aarav.id);
    expect((await agents.avatarImage(copy.id)).type).toBe('image/svg+xml');
    expect(agents.defaultAgent().id).toBe(aarav.id);
  });

  it('names copies within 60 letters', () => {
    const taken = new Set(['A (copy)']);
    expect(copyName('A', (n) => taken.has(n))).toBe('A (copy 2)');
    expect(copyName('x'.repeat(60), () => false)).toHaveLength(60);
  });

  it('pauses and resumes, publishing each change once', () => {
    const kit = agentsKit();
    const { agents } = kit;
    const id = agents.defaultAgent().id;
    kit.events.length = 0;
    expect(agents.pause(id).status).toBe('paused');
    expect(agents.pause(id).status).toBe('paused');
    expect(agents.resume(id).status).toBe('active');
    expect(kit.events.map((e) => e.agent?.status)).toEqual(['paused', 'active']);
    expect(kit.events.every((e) => e.agentId === id && e.time.endsWith('Z'))).toBe(true);
    // a paused agent stays the default (whenPaused decides what shoppers get)
    agents.pause(id);
    expect(agents.defaultAgent()).toMatchObject({ id, status: 'paused' });
  });

  it('removes the picture file when the agent is deleted', async () => {
    const kit = agentsKit();
    const riya = kit.agents.create({ name: 'Riya' });
    await kit.agents.generateAvatar(riya.id, { description: 'saleswoman in a saree' });
    const img = await kit.agents.avatarImage(riya.id);
    expect(existsSync(img.file)).toBe(true);
    kit.agents.delete(riya.id);
    expect(existsSync(img.file)).toBe(false);
  });
});

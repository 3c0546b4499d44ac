import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTempServer, type TempServer } from '../../../test/helpers/temp-server.js';
import { SkillListSchema } from '../contracts/index.js';

let s: TempServer;
beforeAll(async () => {
  s = await startTempServer();
});
afterAll(async () => {
  await s.stop();
});

describe('GET /api/skills', () => {
  it('lists the Skill Store in order, with settings schemas, the always-on store info and the skills still to come', async () => {
    const res = await s.api('/api/skills');
    expect(res.status).toBe(200);
    const { skills } = SkillListSchema.parse(await res.json());
    expect(skills.map((k) => k.id)).toEqual(['catalog_search', 'send_products', 'store_info', 'price_breakup', 'knowledge', 'appointment_booking', 'discount_authority', 'virtual_try_on', 'human_handoff']);
    expect(skills.find((k) => k.id === 'store_info')).toMatchObject({ alwaysOn: true, available: true });
    expect(skills.filter((k) => !k.available).map((k) => k.id)).toEqual([]);
    const send = skills.find((k) => k.id === 'send_products');
    expect(send?.configSchema).toMatchObject({ type: 'object', properties: { maxProducts: { type: 'integer', maximum: 30 } } });
    expect(send?.defaultConfig).toMatchObject({ maxProducts: 10 });
  });

  it('is not served without the session', async () => {
    expect((await fetch(`${s.admin}/api/skills`)).status).toBe(401);
  });
});

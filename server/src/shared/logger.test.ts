import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-server.js';
import { createLogger } from './logger.js';

describe('logger', () => {
  it('redacts secrets and tokens wherever they appear in a log object', async () => {
    const dir = tempDir();
    const log = createLogger({ level: 'info', destination: 'file', dataDir: dir });
    log.info({ token: 'tok-111', apiKey: 'key-222', req: { headers: { authorization: 'Bearer tok-333', cookie: 'revive_session=tok-444' } }, whatsapp: { accessToken: 'tok-555' }, adminUrl: 'http://x/?token=tok-666' }, 'hello');
    log.flush();
    await new Promise((r) => setTimeout(r, 200));
    const text = readFileSync(join(dir, 'logs', 'revive.log'), 'utf8');
    expect(text).toContain('hello');
    for (const secret of ['tok-111', 'key-222', 'tok-333', 'tok-444', 'tok-555', 'tok-666']) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });
});

// tsc does not copy the numbered .sql migrations; the compiled server reads them beside db/migrations.js.
import { cpSync } from 'node:fs';
cpSync('server/src/db/migrations', 'build/node/server/src/db/migrations', { recursive: true, filter: (p) => !p.endsWith('.ts') });

import { Router, type Request } from 'express';
import type { z } from 'zod';
import { api, SimulatorSendSchema } from '../contracts/index.js';
import { route } from '../http/index.js';
import { DomainError, fieldErrors } from '../shared/errors.js';
import type { ConversationsDeps, ConversationsService } from './conversations.service.js';
import { previewPersona } from './preview.js';

function query<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  const q = schema.safeParse(req.query);
  if (!q.success) throw new DomainError('validation', 'The query is not valid', fieldErrors(q.error.issues));
  return q.data;
}

/** The simulator (the Studio's phone), threads, and the persona preview. The simulator never sends to WhatsApp. */
export function conversationsRoutes(service: ConversationsService, previewDeps: Parameters<typeof previewPersona>[0]): Router {
  const r = Router();
  route(r, api.simulatorSend, ({ body }) => {
    const b = SimulatorSendSchema.parse(body);
    return service.chat({ channel: 'simulator', phone: b.phone, name: b.name, ...(b.agentId !== undefined ? { agentId: b.agentId } : {}), message: b.message });
  });
  route(r, api.simulatorThread, ({ req }) => {
    const q = query(api.simulatorThread.query, req);
    return { thread: service.simulatorThread(q.phone, q.agentId) };
  });
  route(r, api.simulatorReset, ({ req }) => {
    const q = query(api.simulatorReset.query, req);
    return { deleted: service.simulatorReset(q.phone, q.agentId) };
  });
  route(r, api.getThread, ({ params }) => {
    const id = Number(params.id);
    if (!Number.isInteger(id) || id < 1) throw new DomainError('validation', 'The thread id must be a whole number');
    return service.thread(id);
  });
  route(r, api.listThreads, ({ req }) => ({ threads: service.threadsOf(query(api.listThreads.query, req).contact) }));
  route(r, api.brainUsage, ({ req }) => service.usage(query(api.brainUsage.query, req).days));
  route(r, api.previewPersona, ({ body }) => previewPersona(previewDeps, body));
  return r;
}
export type PreviewDeps = Pick<ConversationsDeps, 'agents' | 'skills' | 'factCheck' | 'personaInstructions' | 'offlineModel' | 'settings'>;

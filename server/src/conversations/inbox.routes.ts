import { Router } from 'express';
import { inboxApi } from '../contracts/index.js';
import { route } from '../http/index.js';
import type { Inbox } from './inbox.service.js';

const id = (params: Record<string, string>) => Number(params.id);

/** The Inbox API. Thin: the rules live in inbox.service.ts. */
export function inboxRoutes(inbox: Inbox): Router {
  const r = Router();
  route(r, inboxApi.listInboxThreads, () => inbox.list());
  route(r, inboxApi.getInboxThread, ({ params }) => inbox.open(id(params)));
  route(r, inboxApi.replyInbox, ({ body, params }) => inbox.reply(id(params), body.text));
  route(r, inboxApi.takeOverThread, ({ params }) => inbox.takeOver(id(params)));
  route(r, inboxApi.handBackThread, ({ params }) => inbox.handBack(id(params)));
  route(r, inboxApi.closeThread, ({ params }) => inbox.close(id(params)));
  return r;
}

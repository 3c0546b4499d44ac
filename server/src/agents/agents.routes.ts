import express, { Router, type Request } from 'express';
import { agentsApi, agentsUploads } from '../contracts/index.js';
import { route } from '../http/index.js';
import { DomainError } from '../shared/errors.js';
import type { AgentsService } from './agents.service.js';

const local = (path: string) => path.replace(/^\/api/, '');
const id = (params: Record<string, string>) => Number(params.id);

function bytesOf(req: Request): Buffer {
  if (!Buffer.isBuffer(req.body)) throw new DomainError('unsupported_media_type', 'Send the picture itself as the body, with Content-Type: application/octet-stream');
  return req.body;
}

/**
 * An SVG avatar is only ever an image: no scripts, no outside fetches, even when opened on its own
 * in a tab.
 */
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

/** The agents API. Thin: the rules live in the service. (previewPersona and listSkills are served by conversations and skills.) */
export function agentsRoutes(agents: AgentsService): Router {
  const r = Router();
  route(r, agentsApi.listAgents, () => agents.list());
  route(r, agentsApi.getAgent, ({ params }) => agents.get(id(params)));
  route(r, agentsApi.createAgent, ({ body }) => agents.create(body));
  route(r, agentsApi.updateAgent, ({ body, params }) => agents.update(id(params), body));
  route(r, agentsApi.deleteAgent, ({ params }) => agents.delete(id(params)));
  route(r, agentsApi.cloneAgent, ({ body, params }) => agents.clone(id(params), body));
  route(r, agentsApi.pauseAgent, ({ params }) => agents.pause(id(params)));
  route(r, agentsApi.resumeAgent, ({ params }) => agents.resume(id(params)));
  route(r, agentsApi.makeDefaultAgent, ({ params }) => agents.makeDefault(id(params)));
  route(r, agentsApi.generateAvatar, ({ body, params }) => agents.generateAvatar(id(params), body));
  route(r, agentsApi.deleteAvatar, ({ params }) => agents.removeAvatar(id(params)));

  const upload = agentsUploads.uploadAvatar;
  r.post(local(upload.path), express.raw({ type: 'application/octet-stream', limit: upload.maxBytes }), async (req, res) => {
    res.json(upload.response.parse(await agents.setAvatar(Number(req.params.id), bytesOf(req))));
  });
  r.get(local(upload.path), async (req, res) => {
    const image = await agents.avatarImage(Number(req.params.id));
    // The UI asks for `?v=<hash of the picture>`: that exact URL never changes content. Without it, revalidate.
    res.set('Cache-Control', req.query.v === image.version ? 'private, max-age=31536000, immutable' : 'private, no-cache');
    if (image.type === 'image/svg+xml') res.set('Content-Security-Policy', SVG_CSP);
    res.type(image.type);
    // The data dir may sit under a dot folder (~/.local/share/Revive): allow it, the path is ours.
    res.sendFile(image.file, { dotfiles: 'allow' });
  });
  return r;
}

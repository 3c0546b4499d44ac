import { Router } from 'express';
import { templatesApi } from '../../contracts/index.js';
import { route } from '../../http/index.js';
import type { TemplatesService } from './templates.service.js';

/** The template manager's API. Thin: the rules live in the service. */
export function templatesRoutes(templates: TemplatesService): Router {
  const r = Router();
  route(r, templatesApi.listTemplates, () => templates.list());
  route(r, templatesApi.refreshTemplates, () => templates.refresh());
  route(r, templatesApi.sendTemplate, ({ body }) => templates.send(body));
  return r;
}

import { Router } from 'express';
import { api, SecretNameSchema } from '../contracts/index.js';
import { route } from '../http/index.js';
import { DomainError } from '../shared/errors.js';
import type { SettingsService } from './settings.service.js';

function secretName(raw: string | undefined) {
  const parsed = SecretNameSchema.safeParse(raw);
  if (!parsed.success) throw new DomainError('not_found', `There is no secret called "${raw ?? ''}"`);
  return parsed.data;
}

export function settingsRoutes(settings: SettingsService): Router {
  const r = Router();
  route(r, api.getStore, () => settings.getStoreProfile());
  route(r, api.putStore, ({ body }) => settings.saveStoreProfile(body));
  route(r, api.listSecrets, () => settings.listSecrets());
  route(r, api.putSecret, ({ body, params }) => settings.setSecret(secretName(params.name), body.value));
  route(r, api.deleteSecret, ({ params }) => settings.deleteSecret(secretName(params.name)));
  return r;
}

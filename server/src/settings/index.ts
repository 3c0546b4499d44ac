export { createSettingsService, type SettingsService } from './settings.service.js';
export { resolveSecretsKey, KEY_FILE, type SecretsKey } from './secrets-key.js';
export { settingsRoutes } from './settings.routes.js';

import {
  CONNECTION_ENV_VARS,
  OverridableSchema,
  WhatsAppConnectionSchema,
  type ConnectionSecret,
  type Overridable,
  type SecretName,
  type WhatsAppConnection,
  type WhatsAppConnectionStatus,
  type WhatsAppMode,
} from '../../contracts/index.js';
import type { SettingsService } from '../../settings/index.js';
import { DomainError, fieldErrors } from '../../shared/errors.js';
import { CONNECTION_KEY, resolveWhatsAppConfig } from '../config.js';
import { wantsEmulator, type Outbound } from '../outbound.js';

export interface ConnectionDeps {
  settings: SettingsService;
  /** The running outbound side: whether the demo emulator is up, and the client's own "configured" rule. */
  outbound: Pick<Outbound, 'emulator' | 'client'>;
  env?: NodeJS.ProcessEnv;
}

const SECRETS = { accessToken: 'whatsapp.accessToken', appSecret: 'whatsapp.appSecret', verifyToken: 'whatsapp.verifyToken' } as const satisfies Record<string, SecretName>;

/**
 * Settings → WhatsApp: the stored connection, what overrides it, and which mode the server runs
 * in. The mode is read from the outbound side (the emulator it started, its client's check), never
 * worked out again here.
 */
export function createConnectionService(deps: ConnectionDeps) {
  const env = () => deps.env ?? process.env;

  function stored(): WhatsAppConnection {
    const parsed = WhatsAppConnectionSchema.safeParse(deps.settings.getValue(CONNECTION_KEY) ?? {});
    return parsed.success ? parsed.data : WhatsAppConnectionSchema.parse({});
  }

  function overridden(field: Overridable): string | null {
    const variable = CONNECTION_ENV_VARS[field];
    return env()[variable] ? variable : null;
  }

  function secret(field: keyof typeof SECRETS): ConnectionSecret {
    if (overridden(field)) return { set: true, hint: null, source: 'env', updatedAt: null };
    const info = deps.settings.listSecrets().secrets.find((s) => s.name === SECRETS[field]);
    return info?.set ? { set: true, hint: info.hint, source: 'settings', updatedAt: info.updatedAt } : { set: false, hint: null, source: null, updatedAt: null };
  }

  function mode(): WhatsAppMode {
    if (deps.outbound.emulator()) return 'demo-emulator';
    return deps.outbound.client.isConfigured() ? 'cloud-api' : 'not-configured';
  }

  function status(): WhatsAppConnectionStatus {
    const base = resolveWhatsAppConfig(deps.settings, env());
    // never the secrets' values: only whether each is set
    const { accessToken: _token, appSecret: _secret, verifyToken: _verify, ...effective } = base;
    const missing = (['phoneNumberId', 'accessToken', 'appSecret', 'verifyToken'] as const).filter((k) => !base[k]);
    return {
      stored: stored(),
      effective,
      overrides: OverridableSchema.options.flatMap((field) => {
        const variable = overridden(field);
        return variable ? [{ field, variable }] : [];
      }),
      secrets: { accessToken: secret('accessToken'), appSecret: secret('appSecret'), verifyToken: secret('verifyToken') },
      mode: mode(),
      restartNeeded: (deps.outbound.emulator() !== null) !== wantsEmulator(deps.settings, base, env()),
      missing,
    };
  }

  return {
    status,
    save(input: unknown): WhatsAppConnectionStatus {
      const parsed = WhatsAppConnectionSchema.safeParse(input);
      if (!parsed.success) throw new DomainError('validation', 'Some connection details need fixing', fieldErrors(parsed.error.issues));
      deps.settings.setValue(CONNECTION_KEY, parsed.data);
      return status();
    },
  };
}
export type ConnectionService = ReturnType<typeof createConnectionService>;

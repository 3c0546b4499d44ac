import { z } from 'zod';
import { DEFAULT_TUNNEL_HOST, TunnelHostSchema } from '../contracts/index.js';
import type { SettingsService } from '../settings/index.js';
import { makeSubdomain, SUBDOMAIN_PATTERN } from './subdomain.js';

const KEYS = {
  enabled: 'tunnel.enabled',
  host: 'tunnel.host',
  subdomain: 'tunnel.subdomain',
  /** The last public URL and when it last changed: survives restarts, so a new URL after a restart is noticed. */
  url: 'tunnel.url',
} as const;

const LastUrlSchema = z.object({ url: z.string(), previousUrl: z.string().nullable(), changedAt: z.string().nullable() });
export type LastUrl = z.infer<typeof LastUrlSchema>;

/** The tunnel's settings in the settings table; anything unreadable falls back to the default. */
export function tunnelSettings(settings: SettingsService, env: NodeJS.ProcessEnv) {
  const read = <T>(key: string, schema: z.ZodType<T>): T | undefined => {
    const parsed = schema.safeParse(settings.getValue(key));
    return parsed.success ? parsed.data : undefined;
  };
  return {
    enabled: () => read(KEYS.enabled, z.boolean()) ?? false,
    setEnabled: (enabled: boolean) => settings.setValue(KEYS.enabled, enabled),
    hostFromEnv: () => Boolean(env.REVIVE_TUNNEL_HOST),
    host: () => env.REVIVE_TUNNEL_HOST || read(KEYS.host, TunnelHostSchema) || DEFAULT_TUNNEL_HOST,
    setHost: (host: string | null) => settings.setValue(KEYS.host, host),
    subdomain: () => read(KEYS.subdomain, z.string().regex(SUBDOMAIN_PATTERN)) ?? null,
    /** The stored subdomain, made from the store's name on first use. */
    ensureSubdomain(): string {
      const existing = this.subdomain();
      if (existing) return existing;
      let storeName: string | null = null;
      try {
        storeName = settings.getStoreProfile().name;
      } catch {
        // no store profile yet: a generic name with the random suffix
      }
      const made = makeSubdomain(storeName);
      settings.setValue(KEYS.subdomain, made);
      return made;
    },
    lastUrl: () => read(KEYS.url, LastUrlSchema) ?? null,
    setLastUrl: (value: LastUrl) => settings.setValue(KEYS.url, value),
  };
}
export type TunnelSettings = ReturnType<typeof tunnelSettings>;

import { z } from 'zod';

/**
 * off: not running · starting: first attempt since start · up: reachable from the internet ·
 * reconnecting: it dropped and is being re-established · error: an attempt failed; the next try
 * is at `nextRetryAt` (backoff 1 s → 60 s).
 */
export const TUNNEL_STATES = ['off', 'starting', 'up', 'reconnecting', 'error'] as const;
export const TunnelStateSchema = z.enum(TUNNEL_STATES);
export type TunnelState = z.infer<typeof TunnelStateSchema>;

export const DEFAULT_TUNNEL_HOST = 'https://localtunnel.me';

/** The localtunnel server to register with: the public one by default, a self-hosted one if wanted. */
export const TunnelHostSchema = z.url({ protocol: /^https?$/, error: 'A web address like https://localtunnel.me' }).max(300);

/** Where Meta's verify token comes from, and its last four characters; never the value. */
export const VerifyTokenInfoSchema = z.object({
  set: z.boolean(),
  hint: z.string().nullable(),
  source: z.enum(['settings', 'env']).nullable(),
});
export type VerifyTokenInfo = z.infer<typeof VerifyTokenInfoSchema>;

export const TunnelStatusSchema = z.object({
  state: TunnelStateSchema,
  /** Starts with the server (the owner's switch in Settings). */
  enabled: z.boolean(),
  host: z.string(),
  /** REVIVE_TUNNEL_HOST overrides the stored host (headless use, tests). */
  hostFromEnv: z.boolean(),
  /** The subdomain asked for; the server may hand out another when it is taken. */
  subdomain: z.string().nullable(),
  /** The public URL while up; null otherwise. */
  url: z.string().nullable(),
  /** `url` + `/webhooks/whatsapp`: what goes into Meta's dashboard as the callback URL. */
  webhookUrl: z.string().nullable(),
  verifyToken: VerifyTokenInfoSchema,
  lastError: z.string().nullable(),
  /** When the current state began. */
  since: z.string().nullable(),
  nextRetryAt: z.string().nullable(),
  /** Times the tunnel came back after dropping, since it was started. */
  reconnects: z.number().int().nonnegative(),
  /** When the public URL last differed from the one before it (kept across restarts): Meta must be told. */
  urlChangedAt: z.string().nullable(),
  previousUrl: z.string().nullable(),
});
export type TunnelStatus = z.infer<typeof TunnelStatusSchema>;

export const TunnelSettingsSchema = z.object({
  enabled: z.boolean(),
  /** null → back to the default host. */
  host: TunnelHostSchema.nullable().optional(),
});
export type TunnelSettingsInput = z.input<typeof TunnelSettingsSchema>;

/** The new verify token, shown once for copying into Meta's dashboard; later only its hint. */
export const VerifyTokenRotatedSchema = z.object({ value: z.string(), verifyToken: VerifyTokenInfoSchema });
export type VerifyTokenRotated = z.infer<typeof VerifyTokenRotatedSchema>;

export const tunnelApi = {
  getTunnel: { method: 'GET', path: '/api/tunnel', request: z.void(), response: TunnelStatusSchema },
  startTunnel: { method: 'POST', path: '/api/tunnel/start', request: z.void(), response: TunnelStatusSchema },
  stopTunnel: { method: 'POST', path: '/api/tunnel/stop', request: z.void(), response: TunnelStatusSchema },
  putTunnelSettings: { method: 'PUT', path: '/api/tunnel/settings', request: TunnelSettingsSchema, response: TunnelStatusSchema },
  rotateVerifyToken: { method: 'POST', path: '/api/tunnel/verify-token/rotate', request: z.void(), response: VerifyTokenRotatedSchema },
} as const;

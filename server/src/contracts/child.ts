import { z } from 'zod';

/**
 * The channel between the Electron main process and the server child (utilityProcess).
 * main → child: the key that protects secrets (from safeStorage), or none.
 * child → main: ready (with its URLs) or fatal.
 */
export const ToChildSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('secrets-key'), key: z.string().nullable() }),
  z.object({ type: z.literal('shutdown') }),
]);
export type ToChild = z.infer<typeof ToChildSchema>;

export const ReadySchema = z.object({ adminUrl: z.string(), publicUrl: z.string(), dataDir: z.string() });
export type Ready = z.infer<typeof ReadySchema>;

export const FromChildSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), ready: ReadySchema }),
  z.object({ type: z.literal('fatal'), message: z.string() }),
]);
export type FromChild = z.infer<typeof FromChildSchema>;

import { z } from 'zod';

/** Messages the server pushes on the WebSocket `/api/live`. Later issues add members to the union. */
export const LiveMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), time: z.string(), serverVersion: z.string() }),
  z.object({ type: z.literal('heartbeat'), time: z.string() }),
  z.object({ type: z.literal('settings.changed'), time: z.string(), key: z.string() }),
]);
export type LiveMessage = z.infer<typeof LiveMessageSchema>;
export type LiveMessageType = LiveMessage['type'];

import { z } from 'zod';
import { SecretStorageSchema } from './health.js';

/** The secrets the app knows about; later issues add names here. */
export const SECRET_NAMES = ['whatsapp.accessToken', 'whatsapp.appSecret', 'whatsapp.verifyToken', 'mistral.apiKey', 'flows.privateKey'] as const;
export const SecretNameSchema = z.enum(SECRET_NAMES);
export type SecretName = z.infer<typeof SecretNameSchema>;

/** A secret as the UI sees it: whether it is set and its last four characters, never the value. */
export const SecretInfoSchema = z.object({
  name: SecretNameSchema,
  set: z.boolean(),
  hint: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type SecretInfo = z.infer<typeof SecretInfoSchema>;

export const SecretListSchema = z.object({ storage: SecretStorageSchema, secrets: z.array(SecretInfoSchema) });
export type SecretList = z.infer<typeof SecretListSchema>;

export const SecretPutSchema = z.object({ value: z.string().min(1, 'Enter a value').max(4096) });

/** Safe reads from a Cloud API message object (an untyped record from the server). */
export type Obj = Record<string, unknown>;

export const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
export const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** `{ link }` media; uploaded media (`{ id }`) has no address the simulator can show. */
export const mediaLink = (v: unknown): string | undefined => str(obj(v).link);

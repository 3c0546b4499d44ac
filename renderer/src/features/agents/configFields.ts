/**
 * A skill's settings form, generated from its JSON Schema (`SkillInfo.configSchema`, produced by
 * `z.toJSONSchema` on the server): integers, numbers, booleans, strings and enums, with bounds, and
 * lists of words (free words, or chosen from an enum). Other shapes (maps) are kept as they are.
 */
export interface ConfigField {
  key: string;
  label: string;
  description?: string;
  kind: 'integer' | 'number' | 'boolean' | 'string' | 'enum' | 'list';
  options?: string[];
  min?: number;
  max?: number;
  default?: unknown;
}

type JsonSchema = Record<string, unknown>;

const bound = (value: unknown) => (typeof value === 'number' && Math.abs(value) < Number.MAX_SAFE_INTEGER ? value : undefined);

/** "maxResults" or "max_results" → "Max results". */
export function humanize(key: string): string {
  const words = key.replace(/_/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const itemsOf = (prop: JsonSchema): JsonSchema => (prop.items && typeof prop.items === 'object' ? (prop.items as JsonSchema) : {});

function fieldKind(prop: JsonSchema): ConfigField['kind'] | null {
  if (Array.isArray(prop.enum)) return 'enum';
  if (prop.type === 'array' && (itemsOf(prop).type === 'string' || Array.isArray(itemsOf(prop).enum))) return 'list';
  const type = Array.isArray(prop.type) ? (prop.type as unknown[]).find((t) => t !== 'null') : prop.type;
  if (type === 'integer' || type === 'number' || type === 'boolean' || type === 'string') return type;
  return null;
}

export function configFields(schema: Record<string, unknown>): ConfigField[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const fields: ConfigField[] = [];
  for (const [key, prop] of Object.entries(properties)) {
    const kind = fieldKind(prop);
    if (!kind) continue;
    const field: ConfigField = { key, label: typeof prop.title === 'string' ? prop.title : humanize(key), kind };
    if (typeof prop.description === 'string') field.description = prop.description;
    if (kind === 'enum') field.options = (prop.enum as unknown[]).map(String);
    if (kind === 'list' && Array.isArray(itemsOf(prop).enum)) field.options = (itemsOf(prop).enum as unknown[]).map(String);
    const min = bound(prop.minimum) ?? (typeof prop.exclusiveMinimum === 'number' ? prop.exclusiveMinimum + (kind === 'integer' ? 1 : 0) : undefined);
    const max = bound(prop.maximum) ?? (typeof prop.exclusiveMaximum === 'number' ? prop.exclusiveMaximum - (kind === 'integer' ? 1 : 0) : undefined);
    if (min !== undefined) field.min = min;
    if (max !== undefined) field.max = max;
    if ('default' in prop) field.default = prop.default;
    fields.push(field);
  }
  return fields;
}

/** The config the form starts from: the agent's values over the skill's defaults over the schema's defaults. */
export function initialConfig(fields: ConfigField[], defaults: Record<string, unknown>, current: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of fields) values[f.key] = current[f.key] ?? defaults[f.key] ?? f.default ?? (f.kind === 'boolean' ? false : f.kind === 'enum' ? f.options?.[0] : f.kind === 'list' ? [] : '');
  return values;
}

/** Problems per field key, in shop-floor words. */
export function configErrors(fields: ConfigField[], values: Record<string, unknown>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const v = values[f.key];
    if (f.kind === 'integer' || f.kind === 'number') {
      if (typeof v !== 'number' || Number.isNaN(v)) errors[f.key] = 'Enter a number';
      else if (f.kind === 'integer' && !Number.isInteger(v)) errors[f.key] = 'Enter a whole number';
      else if (f.min !== undefined && v < f.min) errors[f.key] = `At least ${f.min}`;
      else if (f.max !== undefined && v > f.max) errors[f.key] = `At most ${f.max}`;
    }
  }
  return errors;
}

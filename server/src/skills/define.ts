import { z } from 'zod';
import type { Product, SearchResult } from '../contracts/index.js';
import { DomainError, fieldErrors } from '../shared/errors.js';
import type { Json } from '../whatsapp/index.js';
import type { AppointmentsPort } from './appointment.skill.js';
import type { OffersPort } from './discount.skill.js';
import type { PricingPort } from './price-breakup.skill.js';
import type { SearchKnowledgeResult } from './tools.js';
import type { TryOnPort } from './tryon.skill.js';
import type { ToolDefinition } from './types.js';

/** What the skills need from the rest of the app; `buildDomains` passes existing services. */
export interface SkillDeps {
  /** The hybrid product search (search domain). */
  search: { search(query: string, opts?: { limit?: number }): Promise<SearchResult> };
  /** The store's documents (knowledge domain); without it the knowledge skill finds nothing. */
  knowledge?: { ask(question: string, opts?: { limit?: number; sources?: number[] }): Promise<SearchKnowledgeResult> };
  /** The catalog: a product by SKU; may throw DomainError('not_found') or return null when there is none. */
  catalog: { get(sku: string): Product | null | undefined };
  /** The Meta catalog connected to WhatsApp; '' or null when none (then products go as image cards). */
  catalogId(): string | null;
  /**
   * The public http(s) URL of a path on the public listener (e.g. "/media/products/X.png"), or null
   * when none is known (no tunnel): Meta fetches image-card pictures from it.
   */
  publicUrl(path: string): string | null;
  /** The store's calendar (appointments domain); without it Appointment booking is greyed. */
  appointments?: AppointmentsPort;
  /** Discount authority's coupons and approvals (offers domain); without it the skill is greyed. */
  offers?: OffersPort;
  /** Catalog sync: which SKUs the Meta catalog holds (null when Revive has never synced it); product messages name only those. */
  catalogSync?: { syncedAmong(skus: string[]): Set<string> | null };
  /** Virtual try-on (tryon domain): composes a product onto the shopper's photo; without it the skill is greyed. */
  tryon?: TryOnPort;
  /** Gold-rate pricing (commerce): a product's price and its parts, for the always-on Price breakup skill. */
  pricing?: PricingPort;
  /** The clock (tests fix it). */
  now?: () => Date;
}

/** A tool the model sees, with JSON Schema parameters made from the zod schema that checks its arguments. */
export function toolDefinition(name: string, description: string, args: z.ZodType): ToolDefinition {
  const { $schema: _schema, ...parameters } = z.toJSONSchema(args, { io: 'input' }) as Record<string, unknown>;
  return { name, description, parameters };
}

/** "query: Say what the shopper wants"; one line per broken field, for the model to correct its call. */
export function describeIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message)).join('; ');
}

/** Parses a tool's arguments; a bad call becomes DomainError('validation') naming the tool and the fields. */
export function parseArgs<S extends z.ZodType>(tool: string, schema: S, args: unknown): z.output<S> {
  const parsed = schema.safeParse(args);
  if (!parsed.success) throw new DomainError('validation', `${tool} was called with bad arguments: ${describeIssues(parsed.error.issues)}`, fieldErrors(parsed.error.issues));
  return parsed.data;
}

/** A product by SKU, case-insensitively; null when the catalog has none. */
export function findProduct(catalog: SkillDeps['catalog'], sku: string): Product | null {
  const wanted = sku.trim();
  if (!wanted) return null;
  for (const candidate of new Set([wanted, wanted.toUpperCase()])) {
    try {
      const found = catalog.get(candidate);
      if (found) return found;
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'not_found')) throw err;
    }
  }
  return null;
}

/** A tool result (plain data: strings, numbers, booleans, null, arrays, objects) as the JSON it is sent as. */
export function json(value: object): Json {
  return value as unknown as Json;
}

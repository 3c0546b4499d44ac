import type { WebhookDelivery, WebhookOutcome } from '../../contracts/index.js';
import { nowIso } from '../../shared/time.js';

const KEPT = 200;
const SIGNATURE_FAILURES = new Set<WebhookOutcome>(['missing_signature', 'bad_signature']);

/**
 * The last webhook deliveries and counts since start, in memory: refused requests come from
 * anyone who finds the public URL, so they are never written to the database (no disk growth and
 * no write load an unauthenticated caller can cause). Stored payloads are in the database anyway.
 */
export class DeliveryLog {
  readonly since = nowIso();
  #ring: WebhookDelivery[] = [];
  #counts = { stored: 0, signatureFailures: 0, refused: 0 };

  record(d: Omit<WebhookDelivery, 'receivedAt' | 'messages' | 'newMessages' | 'statuses' | 'preferences'> & Partial<WebhookDelivery>): void {
    const entry: WebhookDelivery = { receivedAt: nowIso(), messages: 0, newMessages: 0, statuses: 0, preferences: 0, ...d };
    this.#ring.push(entry);
    if (this.#ring.length > KEPT * 2) this.#ring = this.#ring.slice(-KEPT);
    if (d.outcome === 'stored') this.#counts.stored += 1;
    else this.#counts.refused += 1;
    if (SIGNATURE_FAILURES.has(d.outcome)) this.#counts.signatureFailures += 1;
  }

  /** Newest first. */
  list(limit: number): WebhookDelivery[] {
    return this.#ring.slice(-Math.min(limit, KEPT)).reverse();
  }

  counts() {
    return { ...this.#counts };
  }
}

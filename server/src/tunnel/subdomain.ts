import { randomInt } from 'node:crypto';

/** localtunnel's own rule for a requested subdomain. */
export const SUBDOMAIN_PATTERN = /^(?:[a-z0-9][a-z0-9-]{4,63}[a-z0-9]|[a-z0-9]{4,63})$/;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A subdomain that says whose it is and is hard to guess or collide with: the store's name as a
 * slug plus six random characters ("shringar-jewellers-k3x9q2"). Made once and kept in settings.
 */
export function makeSubdomain(storeName: string | null, random: (max: number) => number = randomInt): string {
  const slug = (storeName ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const suffix = Array.from({ length: 6 }, () => ALPHABET[random(ALPHABET.length)]).join('');
  return `${slug.length >= 3 ? slug : 'revive'}-${suffix}`;
}

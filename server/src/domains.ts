import type { Router } from 'express';
import type { Core } from './main.js';

/**
 * What a domain hands to the composition root: routers for each listener and, for domains with
 * background work (outbox worker, watched folder, tunnel), start/stop hooks that run only when the
 * server runs — never for one-shot CLI commands.
 */
export interface DomainModule {
  name: string;
  adminRouters?: Router[];
  publicRouters?: Router[];
  start?(): void | Promise<void>;
  stop?(): void | Promise<void>;
}

/**
 * Builds every domain's service in dependency order. Each domain adds its line here (and its
 * service to `Services`); nothing else in the composition root needs to change.
 */
export function buildDomains(core: Core) {
  void core;
  const services = {};
  const modules: DomainModule[] = [];
  return { services, modules };
}

export type Domains = ReturnType<typeof buildDomains>;
export type Services = Domains['services'];

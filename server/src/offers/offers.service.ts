import { ApproveInputSchema, type Approval, type ApprovalStatus, type Coupon, type CouponStatus, type LiveMessage, type OfferDiscountResult, type OfferRequest } from '../contracts/index.js';
import { DomainError, fieldErrors } from '../shared/errors.js';
import type { GraphMessage } from '../whatsapp/index.js';
import { approvedMessages, couponTemplate, declinedMessage, expiryText, offerLine, percentText, rupees, type CouponFacts } from './offers.messages.js';
import { capFor, decide, discountAmount, isExcluded, newCode, normaliseCode } from './offers.policy.js';
import type { ApprovalRow, CouponRow, OffersRepo } from './offers.repo.js';

/** Events for the Matrix (the ops service's `record`). */
export type RecordPort = (e: { type: 'TOOL' | 'HANDOFF' | 'DEAL'; detail: string; contactId?: number | null; agentId?: number | null; data?: Record<string, unknown> }) => void;
/** The deal follows offers (`pipeline.signal(contactId, 'discount', …)`). */
export type SignalPort = (contactId: number, what: 'discount', data: { agentId?: number | null; reason?: string; asked?: { sku: string; price?: number | null } | null }) => void;

export interface OffersServiceDeps {
  repo: OffersRepo;
  bus: { publish(m: LiveMessage): void };
  /** Messages to the shopper after the turn (the owner's decision): the WhatsApp outbox. */
  send?: (payload: GraphMessage, contactId: number) => void;
  record?: RecordPort;
  signal?: SignalPort;
  /** A product's making charges in rupees, when the pricing domain knows them; else the price is discounted. */
  makingChargesOf?: (sku: string) => number | null;
  /** The store's time zone, for "valid till 4 Dec, 8:16 pm". */
  timeZone?: () => string;
  clock?: () => Date;
  /** Code generator (tests fix it). */
  code?: () => string;
}

interface StoredSettings {
  couponTemplate: string;
  couponDays: number;
  onMakingChargesOnly: boolean;
  capPercent: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function toCoupon(r: CouponRow, now: string): Coupon {
  const status: CouponStatus = r.status === 'active' && r.expires_at <= now ? 'expired' : r.status;
  return {
    id: r.id, code: r.code, contactId: r.contact_id, contactName: r.contact_name, contactPhone: r.contact_phone, agentId: r.agent_id, sku: r.sku,
    percent: r.percent, amount: r.amount, on: r.applies_to, source: r.source, status, expiresAt: r.expires_at, usedAt: r.used_at, createdAt: r.created_at,
  };
}

export function toApproval(r: ApprovalRow): Approval {
  return {
    id: r.id, contactId: r.contact_id, contactName: r.contact_name, contactPhone: r.contact_phone, agentId: r.agent_id, sku: r.sku, price: r.price,
    askedPercent: r.asked_percent, askedText: r.asked_text, capPercent: r.cap_percent, status: r.status, decidedPercent: r.decided_percent,
    decidedAt: r.decided_at, code: r.code, createdAt: r.created_at,
  };
}

/**
 * Discount authority: the negotiation within the agent's cap (coupons), the owner's approvals
 * above it, redemption at the counter. Whatever the model asked, the percent comes from
 * `offers.policy.ts`; every offer is in the Matrix and on the deal.
 */
export function createOffersService(deps: OffersServiceDeps) {
  const { repo } = deps;
  const clock = deps.clock ?? (() => new Date());
  const now = () => clock().toISOString();
  const zone = () => deps.timeZone?.() ?? 'Asia/Kolkata';

  function freshCode(): string {
    for (let i = 0; i < 50; i++) {
      const c = (deps.code ?? newCode)();
      if (!repo.codeTaken(c)) return c;
    }
    throw new DomainError('internal', 'Could not find a free coupon code');
  }

  /** Stores a coupon (replacing the shopper's earlier one on the piece); the facts to word it. */
  function issue(input: { contactId: number; agentId: number | null; sku: string | null; percent: number; base: number | null; on: 'making' | 'price' | 'any'; days: number; source: 'agent' | 'owner' }): CouponFacts & { id: number; expiresAt: string } {
    const at = now();
    const expiresAt = new Date(clock().getTime() + input.days * DAY_MS).toISOString();
    const amount = input.base !== null ? discountAmount(input.base, input.percent) : null;
    const code = freshCode();
    const id = repo.addCoupon({ code, contact_id: input.contactId, agent_id: input.agentId, sku: input.sku, percent: input.percent, amount, applies_to: input.on, source: input.source, expires_at: expiresAt, created_at: at });
    return { id, code, percent: input.percent, amount, on: input.on, sku: input.sku, expiresAt, expiresText: expiryText(expiresAt, zone()) };
  }

  function publishApproval(id: number): Approval {
    const a = toApproval(approvalRow(id));
    deps.bus.publish({ type: 'offers.approval', time: now(), approvalId: id, approval: a });
    return a;
  }

  function approvalRow(id: number): ApprovalRow {
    const r = Number.isInteger(id) ? repo.approval(id) : undefined;
    if (!r) throw new DomainError('not_found', `There is no discount request ${id}`);
    return r;
  }

  function base(req: OfferRequest): { base: number | null; on: 'making' | 'price' | 'any' } {
    if (!req.product) return { base: null, on: 'any' };
    const making = req.settings.onMakingChargesOnly ? (deps.makingChargesOf?.(req.product.sku) ?? null) : null;
    return making !== null && Number.isInteger(making) && making >= 0 ? { base: making, on: 'making' } : { base: req.product.price, on: 'price' };
  }

  const none = (reason: string, sku: string | null): OfferDiscountResult => ({
    outcome: 'none', percent: null, amount: null, amountText: null, on: null, sku, code: null, expiresAt: null, expiresText: null, atCap: true, codeSent: false, reason,
  });

  return {
    /**
     * One ask in the negotiation. Returns the facts for the words, the messages to send (a
     * copy-code template) and the Matrix line.
     */
    offer(req: OfferRequest): { result: OfferDiscountResult; messages: GraphMessage[]; summary: string } {
      const s = req.settings;
      const p = req.product;
      const sku = p?.sku ?? null;
      const excluded = p ? isExcluded(p, s.excludedCategories) : false;
      if (excluded) return { result: none(`No discount on ${p?.category === 'other' ? 'this piece' : p?.category ?? 'this piece'}: ${s.excludedCategories.join(', ')} are sold at the day's rate.`, sku), messages: [], summary: `No discount on ${sku} (excluded)` };
      const cap = capFor({ maxPercent: s.maxPercent, perCategory: s.perCategory, category: p?.category ?? null, excluded });
      if (cap <= 0) return { result: none('Discounts are not offered on this piece.', sku), messages: [], summary: `No discount on ${sku ?? 'any piece'} (cap 0%)` };
      const previous = repo.negotiation(req.contactId, sku)?.last_percent ?? null;
      const d = decide({ wish: req.wish, cap, tenacity: s.tenacity, previous });
      const { base: amountBase, on } = base(req);
      if (d.kind === 'none') return { result: none('Discounts are not offered on this piece.', sku), messages: [], summary: `No discount on ${sku ?? 'any piece'}` };
      if (d.kind === 'approval') {
        const pending = repo.pendingFor(req.contactId);
        const settings: StoredSettings = { couponTemplate: s.couponTemplate, couponDays: s.couponDays, onMakingChargesOnly: s.onMakingChargesOnly, capPercent: cap };
        const id = pending?.id ?? repo.addApproval({
          contact_id: req.contactId, agent_id: req.agentId, recipient: req.recipient, sku, price: p?.price ?? null, asked_percent: d.askedPercent,
          asked_text: req.text.slice(0, 500), cap_percent: cap, settings: JSON.stringify(settings), created_at: now(),
        });
        if (!pending) {
          const asked = d.askedPercent !== null ? percentText(d.askedPercent) : 'a bigger discount';
          deps.record?.({ type: 'HANDOFF', detail: `Discount approval needed: asks ${asked}${sku ? ` on ${sku}` : ''} (cap ${percentText(cap)})`, contactId: req.contactId, agentId: req.agentId, data: { approvalId: id, askedPercent: d.askedPercent, capPercent: cap, sku } });
          deps.signal?.(req.contactId, 'discount', { agentId: req.agentId, reason: `asked for ${asked}${sku ? ` on ${sku}` : ''}: sent to the owner`, asked: p ? { sku: p.sku, price: p.price } : null });
          publishApproval(id);
        }
        const result: OfferDiscountResult = { ...none(`Above the agent's cap of ${percentText(cap)}: the manager is checking.`, sku), outcome: 'approval', percent: d.percent, atCap: d.atCap };
        return { result, messages: [], summary: `Asked ${d.askedPercent !== null ? percentText(d.askedPercent) : 'more'}${sku ? ` on ${sku}` : ''}: manager approval requested` };
      }
      const coupon = repo.transaction(() => {
        repo.saveNegotiation(req.contactId, sku, d.percent, now());
        return issue({ contactId: req.contactId, agentId: req.agentId, sku, percent: d.percent, base: amountBase, on, days: s.couponDays, source: 'agent' });
      });
      const template = couponTemplate(req.recipient, s.couponTemplate, coupon);
      const result: OfferDiscountResult = {
        outcome: 'offered', percent: coupon.percent, amount: coupon.amount, amountText: coupon.amount !== null ? rupees(coupon.amount) : null, on, sku, code: coupon.code,
        expiresAt: coupon.expiresAt, expiresText: coupon.expiresText, atCap: d.atCap, codeSent: template !== null, reason: null,
      };
      const summary = `Offered ${percentText(coupon.percent)}${coupon.amount !== null ? ` (${rupees(coupon.amount)})` : ''}${sku ? ` on ${sku}` : ''}, code ${coupon.code}`;
      deps.signal?.(req.contactId, 'discount', { agentId: req.agentId, reason: `${summary} (${offerLine(coupon)})`, asked: p ? { sku: p.sku, price: p.price } : null });
      return { result, messages: template ? [template] : [], summary };
    },

    listCoupons(filter: { status?: CouponStatus | undefined; contact?: number | undefined; q?: string | undefined } = {}): { coupons: Coupon[] } {
      const at = now();
      return { coupons: repo.listCoupons({ ...filter, now: at }).map((r) => toCoupon(r, at)) };
    },

    /** The owner marks a code used at the counter; a second use, an expired or replaced code is refused. */
    redeem(codeText: string): Coupon {
      const code = normaliseCode(codeText);
      const r = repo.couponByCode(code);
      if (!r) throw new DomainError('not_found', `There is no coupon ${code}. Check the code on the shopper's phone.`, { code: 'Unknown code' });
      const at = now();
      if (!repo.useCoupon(r.id, at)) {
        const c = toCoupon(repo.coupon(r.id) ?? r, at);
        const why = c.status === 'used' ? `was already used on ${c.usedAt ? expiryText(c.usedAt, zone()) : 'an earlier visit'}` : c.status === 'expired' ? `expired on ${expiryText(c.expiresAt, zone())}` : 'was replaced by a newer offer to the same shopper';
        throw new DomainError('conflict', `Coupon ${code} ${why}: it cannot be used.`, { code: why });
      }
      const used = toCoupon(repo.coupon(r.id) ?? r, at);
      deps.record?.({ type: 'DEAL', detail: `Coupon ${code} redeemed: ${offerLine(used)}`, contactId: used.contactId, agentId: used.agentId, data: { couponId: used.id, code } });
      return used;
    },

    listApprovals(status?: ApprovalStatus): { approvals: Approval[] } {
      return { approvals: repo.listApprovals(status).map(toApproval) };
    },

    /** The owner approves at a percent: a coupon goes to the shopper through the outbox. */
    approve(id: number, input: unknown): Approval {
      const parsed = ApproveInputSchema.safeParse(input);
      if (!parsed.success) throw new DomainError('validation', parsed.error.issues[0]?.message ?? 'Give the percent to approve', fieldErrors(parsed.error.issues));
      const { percent } = parsed.data;
      const a = approvalRow(id);
      if (a.status !== 'pending') throw new DomainError('conflict', `This request was already ${a.status}`);
      const settings = JSON.parse(a.settings) as StoredSettings;
      const making = a.sku && settings.onMakingChargesOnly ? (deps.makingChargesOf?.(a.sku) ?? null) : null;
      const baseOf = a.sku === null ? { base: null, on: 'any' as const } : making !== null ? { base: making, on: 'making' as const } : { base: a.price, on: 'price' as const };
      const coupon = repo.transaction(() => {
        const c = issue({ contactId: a.contact_id, agentId: a.agent_id, sku: a.sku, percent, base: baseOf.base, on: baseOf.on, days: settings.couponDays || 3, source: 'owner' });
        if (!repo.decide(id, 'approved', percent, now(), c.id)) throw new DomainError('conflict', 'This request was decided a moment ago');
        // in the same transaction: a message that cannot be queued leaves the request pending
        for (const m of approvedMessages(a.recipient, settings.couponTemplate ?? '', c)) deps.send?.(m, a.contact_id);
        return c;
      });
      const line = `Owner approved ${offerLine(coupon)}, code ${coupon.code}`;
      deps.record?.({ type: 'TOOL', detail: line, contactId: a.contact_id, agentId: a.agent_id, data: { approvalId: id, couponId: coupon.id, percent } });
      deps.signal?.(a.contact_id, 'discount', { agentId: a.agent_id, reason: line });
      return publishApproval(id);
    },

    /** The owner declines: the shopper is told, with the agent's standing offer when there is one. */
    decline(id: number): Approval {
      const a = approvalRow(id);
      if (a.status !== 'pending') throw new DomainError('conflict', `This request was already ${a.status}`);
      repo.transaction(() => {
        if (!repo.decide(id, 'declined', null, now(), null)) throw new DomainError('conflict', 'This request was decided a moment ago');
        const standing = repo.listCoupons({ status: 'active', contact: a.contact_id, now: now() }).find((c) => (c.sku ?? null) === (a.sku ?? null));
        const best = standing ? { code: standing.code, percent: standing.percent, amount: standing.amount, on: standing.applies_to, sku: standing.sku, expiresText: expiryText(standing.expires_at, zone()) } : null;
        deps.send?.(declinedMessage(a.recipient, { asked: a.asked_percent, best }), a.contact_id);
      });
      deps.record?.({ type: 'TOOL', detail: `Owner declined ${a.asked_percent !== null ? percentText(a.asked_percent) : 'the discount'}${a.sku ? ` on ${a.sku}` : ''}`, contactId: a.contact_id, agentId: a.agent_id, data: { approvalId: id } });
      return publishApproval(id);
    },
  };
}
export type OffersService = ReturnType<typeof createOffersService>;

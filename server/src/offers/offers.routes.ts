import { Router } from 'express';
import { offersApi } from '../contracts/index.js';
import { route } from '../http/index.js';
import { DomainError } from '../shared/errors.js';
import type { OffersService } from './offers.service.js';

const id = (params: Record<string, string>) => Number(params.id);

/** The offers API (coupons, redemption, approvals). Thin: the rules live in the service. */
export function offersRoutes(offers: OffersService): Router {
  const r = Router();
  route(r, offersApi.listCoupons, ({ req }) => {
    const q = offersApi.listCoupons.query.safeParse(req.query);
    if (!q.success) throw new DomainError('validation', `Bad filter: ${q.error.issues[0]?.path.join('.')} ${q.error.issues[0]?.message}`);
    return offers.listCoupons(q.data);
  });
  route(r, offersApi.redeemCoupon, ({ body }) => offers.redeem(body.code));
  route(r, offersApi.listApprovals, ({ req }) => {
    const q = offersApi.listApprovals.query.safeParse(req.query);
    if (!q.success) throw new DomainError('validation', `Bad filter: ${q.error.issues[0]?.path.join('.')} ${q.error.issues[0]?.message}`);
    return offers.listApprovals(q.data.status);
  });
  route(r, offersApi.approveDiscount, ({ body, params }) => offers.approve(id(params), body));
  route(r, offersApi.declineDiscount, ({ params }) => offers.decline(id(params)));
  return r;
}

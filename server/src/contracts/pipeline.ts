import { z } from 'zod';

/**
 * The Pipeline (issue #11, part 6): a deal per shopper interest, on stages a jeweller knows.
 * Deals move by hand (drag on the Kanban) or by themselves on events; every move is kept.
 */
export const DEAL_STAGES = ['new', 'contacted', 'interest', 'negotiating', 'booked', 'sold', 'lost'] as const;
export const DealStageSchema = z.enum(DEAL_STAGES);
export type DealStage = z.infer<typeof DealStageSchema>;
export const DEAL_STAGE_LABELS: Record<DealStage, string> = {
  new: 'New',
  contacted: 'Contacted',
  interest: 'Interest',
  negotiating: 'Negotiating',
  booked: 'Booked',
  sold: 'Sold',
  lost: 'Lost',
};

export const DealSchema = z.object({
  id: z.number().int(),
  contactId: z.number().int(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  title: z.string(),
  stage: DealStageSchema,
  /** Order within its column (0 = top). */
  position: z.number().int().nonnegative(),
  /** Whole rupees. */
  value: z.number().int().nonnegative(),
  /** SKUs the shopper looked at or ordered. */
  products: z.array(z.string()),
  agentId: z.number().int().nullable(),
  agentName: z.string().nullable(),
  nextStep: z.string(),
  lostReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  stageChangedAt: z.string(),
});
export type Deal = z.infer<typeof DealSchema>;

export const DealMoveSchema = z.object({
  at: z.string(),
  from: DealStageSchema.nullable(),
  to: DealStageSchema,
  /** 'owner' (dragged or edited), or 'auto' with the event that moved it. */
  by: z.enum(['owner', 'auto']),
  reason: z.string(),
});
export const DealDetailSchema = DealSchema.extend({ history: z.array(DealMoveSchema) });
export type DealDetail = z.infer<typeof DealDetailSchema>;

export const DealInputSchema = z.object({
  contactId: z.number().int(),
  title: z.string().trim().min(1, { error: 'Give the deal a title' }).max(120),
  stage: DealStageSchema.default('new'),
  value: z.number().int('Whole rupees').nonnegative().default(0),
  products: z.array(z.string()).max(30).default([]),
  agentId: z.number().int().nullable().default(null),
  nextStep: z.string().max(300).default(''),
});
export const DealPatchSchema = z
  .object({
    title: z.string().trim().min(1).max(120),
    value: z.number().int('Whole rupees').nonnegative(),
    products: z.array(z.string()).max(30),
    agentId: z.number().int().nullable(),
    nextStep: z.string().max(300),
    lostReason: z.string().max(300).nullable(),
  })
  .partial();
/** Drag and drop (or the keyboard equivalent): the new stage and the position in it. */
export const DealMoveInputSchema = z.object({ stage: DealStageSchema, position: z.number().int().nonnegative().optional(), reason: z.string().max(300).optional() });

export const StageTotalSchema = z.object({ stage: DealStageSchema, count: z.number().int(), value: z.number().int() });
/** `pipelineValue`: open deals (not sold, not lost) in rupees. Per agent for the Fleet cards. */
export const PipelineSummarySchema = z.object({
  stages: z.array(StageTotalSchema),
  pipelineValue: z.number().int(),
  wonValue: z.number().int(),
  byAgent: z.array(z.object({ agentId: z.number().int().nullable(), pipelineValue: z.number().int(), wonValue: z.number().int() })),
});
export type PipelineSummary = z.infer<typeof PipelineSummarySchema>;

/** `GET /api/deals` query: agent (id), stage, contact (id), q. */
export const pipelineApi = {
  listDeals: {
    method: 'GET',
    path: '/api/deals',
    request: z.void(),
    query: z.object({ agent: z.coerce.number().int().optional(), stage: DealStageSchema.optional(), contact: z.coerce.number().int().optional(), q: z.string().max(200).optional() }),
    response: z.object({ deals: z.array(DealSchema) }),
  },
  getDeal: { method: 'GET', path: '/api/deals/:id', request: z.void(), response: DealDetailSchema },
  createDeal: { method: 'POST', path: '/api/deals', request: DealInputSchema, response: DealDetailSchema },
  updateDeal: { method: 'PATCH', path: '/api/deals/:id', request: DealPatchSchema, response: DealDetailSchema },
  moveDeal: { method: 'POST', path: '/api/deals/:id/move', request: DealMoveInputSchema, response: DealDetailSchema },
  deleteDeal: { method: 'DELETE', path: '/api/deals/:id', request: z.void(), response: z.object({ deleted: z.number().int() }) },
  getPipelineSummary: { method: 'GET', path: '/api/pipeline/summary', request: z.void(), response: PipelineSummarySchema },
} as const;

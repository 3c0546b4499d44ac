import { z } from 'zod';

/** Feedback (issue #9, part 5): a rating 1–5 and a comment, from the feedback Flow or a plain message. */
export const FEEDBACK_SOURCES = ['flow', 'message'] as const;

export const FeedbackInputSchema = z.object({
  contactId: z.number().int(),
  agentId: z.number().int().nullable().optional(),
  rating: z.number().int('A whole number of stars').min(1, 'At least 1 star').max(5, 'At most 5 stars'),
  comment: z.string().trim().max(1000).nullable().optional(),
  source: z.enum(FEEDBACK_SOURCES),
  at: z.string().optional(),
});
export type FeedbackInput = z.input<typeof FeedbackInputSchema>;

export const FeedbackSchema = z.object({
  id: z.number().int(),
  contactId: z.number().int(),
  contactLabel: z.string().nullable(),
  agentId: z.number().int().nullable(),
  agentName: z.string().nullable(),
  rating: z.number().int(),
  comment: z.string().nullable(),
  source: z.enum(FEEDBACK_SOURCES),
  at: z.string(),
  /** 1 or 2 stars: sent to the Inbox. */
  unhappy: z.boolean(),
});
export type Feedback = z.infer<typeof FeedbackSchema>;

/** Average and count per agent per month (the month in the store's time zone, "2026-12"). */
export const FeedbackMonthSchema = z.object({
  month: z.string(),
  agentId: z.number().int().nullable(),
  agentName: z.string().nullable(),
  count: z.number().int(),
  average: z.number(),
  unhappy: z.number().int(),
});
export type FeedbackMonth = z.infer<typeof FeedbackMonthSchema>;

export const FeedbackOverviewSchema = z.object({
  months: z.array(FeedbackMonthSchema),
  recent: z.array(FeedbackSchema),
});
export type FeedbackOverview = z.infer<typeof FeedbackOverviewSchema>;

export const feedbackApi = {
  /** `?agent=<id>&unhappy=1` */
  getFeedback: {
    method: 'GET',
    path: '/api/feedback',
    request: z.void(),
    query: z.object({ agent: z.coerce.number().int().optional(), unhappy: z.enum(['0', '1']).optional() }),
    response: FeedbackOverviewSchema,
  },
  recordFeedback: { method: 'POST', path: '/api/feedback', request: FeedbackInputSchema, response: FeedbackSchema },
} as const;

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTempServer, type TempServer } from '../../../test/helpers/temp-server.js';
import type { ChatResult, FeedbackOverview, InboxThreadDetail, InboxThreadList } from '../contracts/index.js';

let s: TempServer;
beforeAll(async () => {
  s = await startTempServer();
});
afterAll(() => s.stop());

const json = async <T>(res: Response | Promise<Response>): Promise<T> => (await (await res).json()) as T;
const say = (phone: string, body: string) => json<ChatResult>(s.api('/api/simulator/messages', { method: 'POST', json: { phone, name: phone.slice(-4), message: { type: 'text', text: { body } } } }));
const body = (r: ChatResult) => r.replies.map((m) => (m as { text?: { body: string } }).text?.body);

describe('feedback and the Inbox over HTTP', () => {
  it('a plain "5 stars" is thanked and recorded; "rating 2, bad service" goes to the Inbox', async () => {
    expect(body(await say('+919811100001', '⭐⭐⭐⭐⭐ loved the bangles'))).toEqual(['Thank you for your feedback! It helps us serve you better.']);
    expect(body(await say('+919811100002', 'rating 2, bad service'))).toEqual(['I am really sorry about this. A member of our team will reply to you here soon.']);
    const fb = await json<FeedbackOverview>(s.api('/api/feedback'));
    expect(fb.recent.map((f) => [f.rating, f.comment, f.source, f.agentName, f.unhappy])).toEqual([
      [2, 'bad service', 'message', 'Aarav', true],
      [5, 'loved the bangles', 'message', 'Aarav', false],
    ]);
    expect(fb.months).toEqual([{ month: expect.stringMatching(/^\d{4}-\d{2}$/), agentId: expect.any(Number), agentName: 'Aarav', count: 2, average: 3.5, unhappy: 1 }]);
    expect((await json<FeedbackOverview>(s.api('/api/feedback?unhappy=1'))).recent).toHaveLength(1);
    const inbox = await json<InboxThreadList>(s.api('/api/inbox'));
    expect(inbox.threads[0]).toMatchObject({ contactPhone: '+919811100002', state: 'handoff', reason: 'unhappy feedback (2★)' });
  });

  it('a Flow rating of 1 star (POST /api/feedback) puts the shopper’s thread in the Inbox; bad input is refused', async () => {
    await say('+919811100003', 'hello');
    const list = await json<InboxThreadList>(s.api('/api/inbox'));
    const t = list.threads.find((x) => x.contactPhone === '+919811100003')!;
    expect(t.state).toBe('open');
    const res = await s.api('/api/feedback', { method: 'POST', json: { contactId: t.contactId, rating: 1, comment: 'Late delivery', source: 'flow' } });
    expect(res.status).toBe(200);
    expect(await json<InboxThreadDetail>(s.api(`/api/inbox/threads/${t.id}`))).toMatchObject({ state: 'handoff', reason: 'unhappy feedback (1★)' });
    const bad = await s.api('/api/feedback', { method: 'POST', json: { contactId: t.contactId, rating: 9, source: 'flow' } });
    expect(bad.status).toBe(400);
    expect((await json<{ error: { message: string } }>(bad)).error.message).toBe('The request is not valid');
  });

  it('the owner replies into the simulator thread, hands back, and the agent answers again', async () => {
    const phone = '+919811100004';
    await say(phone, 'This is the worst service ever, you cheated me');
    const t = (await json<InboxThreadList>(s.api('/api/inbox'))).threads.find((x) => x.contactPhone === phone)!;
    expect(t.state).toBe('handoff');
    const replied = await json<InboxThreadDetail>(s.api(`/api/inbox/threads/${t.id}/reply`, { method: 'POST', json: { text: 'Very sorry, I am calling you now.' } }));
    expect(replied.messages.at(-1)).toMatchObject({ by: 'owner', text: 'Very sorry, I am calling you now.' });
    const sim = await json<{ thread: { messages: { text: string }[] } }>(s.api(`/api/simulator/thread?phone=${encodeURIComponent(phone)}`));
    expect(sim.thread.messages.at(-1)?.text).toBe('Very sorry, I am calling you now.');
    expect((await s.api(`/api/inbox/threads/${t.id}/reply`, { method: 'POST', json: { text: '  ' } })).status).toBe(400);
    expect(body(await say(phone, 'ok'))).toEqual([]);
    await s.api(`/api/inbox/threads/${t.id}/hand-back`, { method: 'POST', json: {} });
    expect(body(await say(phone, 'show me gold bangles')).length).toBeGreaterThan(0);
  });
});

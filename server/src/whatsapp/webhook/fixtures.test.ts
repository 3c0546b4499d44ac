import { afterEach, describe, expect, it } from 'vitest';
import type { Contact, ContactList, InboundMessage, InboxMessage, MessageStatus } from '../../contracts/index.js';
import { startTempServer, type TempServer } from '../../../../test/helpers/temp-server.js';
import { allUpdateVariants, configureWebhook, postWebhook } from '../../../../test/helpers/whatsapp-webhooks.js';

/**
 * Every variant of every fixture file in ../shared/fixtures/whatsapp/updates goes through the
 * signed webhook of a real server (a fresh one each: the fixtures reuse message ids, which the
 * inbox rightly treats as duplicates) and is checked in its stored, normalised form.
 */
type Check =
  | { wamid: string; message: (m: InboundMessage, item: InboxMessage, contact: Contact | null) => void }
  | { wamid: string; status: (s: MessageStatus) => void }
  | { preference: (contacts: Contact[]) => void };

const USER = { waId: '972987654321', userId: 'US.13491208655302741918', parentUserId: 'US.ENT.11815799212886844830', name: 'Test Name' };

function media(kind: string, id: string, mimeType: string, extra: object = {}) {
  return (m: InboundMessage) => {
    expect(m.type).toBe(kind);
    expect(m.media).toMatchObject({ kind, id, mimeType, ...extra });
    expect(m.media?.sha256).toBeTruthy();
  };
}

const CHECKS: Record<string, Check> = {
  'callback_button.json/button': { wamid: 'wamid.xyzxyz', message: (m) => {
    expect(m.type).toBe('interactive');
    expect(m.reply).toEqual({ kind: 'button_reply', id: 'callback_data', title: 'title', description: null });
    expect(m.text).toBe('title');
    expect(m.context).toMatchObject({ id: 'wamid.xyzxyz', from: '1122334455667' });
  } },
  'callback_button.json/quick_reply': { wamid: 'wamid.xsidjw', message: (m) => {
    expect(m.type).toBe('button');
    expect(m.reply).toEqual({ kind: 'quick_reply', id: 'callback_data', title: 'title', description: null });
    expect(m.context?.id).toBe('wamid.xyzxyz==');
  } },
  'callback_button.json/quick_reply_without_context': { wamid: 'wamid.xsidjx', message: (m, _i, c) => {
    expect(m.reply?.id).toBe('callback_data');
    expect(m.context).toBeNull();
    expect(m.fromUserId).toBe(USER.userId);
    expect(c).toMatchObject({ waId: USER.waId, userId: USER.userId });
  } },
  'callback_selection.json/callback': { wamid: 'wamid.zyzxyz', message: (m) => {
    expect(m.reply).toEqual({ kind: 'list_reply', id: 'callback_data', title: 'title', description: null });
  } },
  'callback_selection.json/description': { wamid: 'wamid.zyzxyz', message: (m) => {
    expect(m.reply).toEqual({ kind: 'list_reply', id: 'callback_data', title: 'title', description: 'description' });
  } },
  'deleted_message.json/revoke': { wamid: '<WHATSAPP_MESSAGE_ID>', message: (m) => {
    expect(m.type).toBe('revoke');
    expect(m.revoke).toEqual({ originalMessageId: '<ORIGINAL_WHATSAPP_MESSAGE_ID>' });
  } },
  'edited_message.json/image': { wamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=', message: (m) => {
    expect(m.type).toBe('edit');
    expect(m.edit?.originalMessageId).toBe('wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=');
    expect(m.edit?.content?.type).toBe('image');
    expect(m.edit?.content?.media).toMatchObject({ id: '1234567890', caption: 'Updated image caption', mimeType: 'image/jpeg' });
    expect(m.text).toBe('Updated image caption');
  } },
  'flow_completion.json/completion': { wamid: 'wamid.wegrchytvwcggt==', message: (m) => {
    expect(m.type).toBe('interactive');
    expect(m.flow).toMatchObject({ name: 'flow', body: 'Sent', flowToken: 'AQAAAAACS5FpgQ_cAAAAAD0QI3s.' });
    expect(m.flow?.response).toEqual({ comment_text: 'Comment Text', delivery_rating: '4', flow_token: 'AQAAAAACS5FpgQ_cAAAAAD0QI3s.', purchase_rating: '2', recommend_radio: '0', cs_rating: '0' });
  } },
  'flow_completion.json/without_flow_token': { wamid: 'wamid.wegrchytvwcggt==', message: (m) => {
    expect(m.flow?.flowToken).toBeNull();
    expect(m.flow?.response).toMatchObject({ comment_text: 'Comment Text', delivery_rating: '4' });
  } },
  'message.json/text': { wamid: 'wamid.xyzxyz', message: (m, item, c) => {
    expect(m).toMatchObject({ type: 'text', text: 'Body Text', from: USER.waId, phoneNumberId: '1122334455667', timestamp: '2023-10-11T16:53:43.000Z' });
    expect(m.sender).toEqual({ ...USER, username: null });
    expect(item.state).toBe('handled'); // the conversation engine answered it
    expect(c).toMatchObject({ ...USER, phone: '+972987654321', lastInboundAt: '2023-10-11T16:53:43.000Z', windowOpenUntil: '2023-10-12T16:53:43.000Z', windowOpen: false });
  } },
  'message.json/image': { wamid: 'wamid.xyzxyz', message: media('image', '65463453', 'image/jpeg', { caption: null, url: null }) },
  'message.json/media_with_url': { wamid: 'wamid.xyzxyz', message: media('image', '65463453', 'image/jpeg', { url: 'https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=65463453&source=webhook&ext=487r9re&hash=heiwchueowbcew-dnedcw' }) },
  'message.json/video': { wamid: 'wamid.xyzxyz', message: (m) => {
    media('video', '765756756', 'video/mp4', { caption: 'caption' })(m);
    expect(m.text).toBe('caption');
    expect(m.context?.forwarded).toBe(true);
  } },
  'message.json/document': { wamid: 'wamid.xyzxyz', message: media('document', '1234567890987654321', 'application/pdf', { filename: 'filename.pdf', caption: 'caption' }) },
  'message.json/audio': { wamid: 'wamid.xyzxyz', message: media('audio', '1234567890987654321', 'audio/ogg; codecs=opus', { voice: false }) },
  'message.json/voice': { wamid: 'wamid.xyzxyz', message: media('audio', '1234567890987654321', 'audio/ogg; codecs=opus', { voice: true }) },
  'message.json/static_sticker': { wamid: 'wamid.xyzxyz', message: media('sticker', '1234567890987654321', 'image/webp', { animated: false }) },
  'message.json/animated_sticker': { wamid: 'wamid.xyzxyz', message: media('sticker', '1234567890987654321', 'image/webp', { animated: true }) },
  'message.json/reaction': { wamid: 'wamid.xyzxyz', message: (m) => {
    expect(m.type).toBe('reaction');
    expect(m.reaction).toEqual({ messageId: 'wamid.yzxyzx=', emoji: '\u{1F62E}' });
  } },
  'message.json/unreaction_empty': { wamid: 'wamid.xyzxyz', message: (m) => expect(m.reaction).toEqual({ messageId: 'wamid.yzxyzx=', emoji: null }) },
  'message.json/unreaction_no_emoji': { wamid: 'wamid.xyzxyz', message: (m) => expect(m.reaction).toEqual({ messageId: 'wamid.yzxyzx=', emoji: null }) },
  'message.json/current_location': { wamid: 'wamid.xyzxyz', message: (m) => {
    expect(m.location).toEqual({ latitude: 12.25089, longitude: 43.90539, name: null, address: null, url: null });
  } },
  'message.json/chosen_location': { wamid: 'wamid.xyzxyz', message: (m) => {
    expect(m.location).toEqual({ latitude: 37.4611978, longitude: -122.2164385, name: 'Facebook HQ', address: '1 Hacker Way, Menlo Park, CA 94025', url: 'https://maps.google.com/?cid=2000000000000000000' });
  } },
  'message.json/contacts': { wamid: 'wamid.xyzxyz', message: (m) => {
    expect(m.type).toBe('contacts');
    expect(m.contacts?.map((c) => c.name)).toEqual(['Chandler Bing', 'Monica', 'Rachel Green']);
    expect(m.contacts?.[0]?.phones).toEqual([{ phone: '+1 555-555-5555', waId: '972987654321', type: 'CELL' }]);
  } },
  'message.json/order': { wamid: 'wamid.xyzxyz', message: (m) => {
    expect(m.type).toBe('order');
    expect(m.order).toEqual({
      catalogId: '354160437058781', text: null,
      items: [
        { retailerId: 'HAMBURGER', quantity: 3, itemPrice: 30, currency: 'ILS' },
        { retailerId: 'FRENCH_FRIES', quantity: 2, itemPrice: 35, currency: 'ILS' },
        { retailerId: 'SODA', quantity: 2, itemPrice: 10, currency: 'ILS' },
      ],
    });
  } },
  'message.json/unsupported': { wamid: 'wamid.xyzxyz', message: (m) => {
    expect(m).toMatchObject({ type: 'unsupported', rawType: 'unsupported', unsupportedType: null });
    expect(m.errors).toEqual([{ code: 131051, title: 'Message type unknown', message: 'Message type unknown', details: 'Message type is currently not supported.', href: null }]);
  } },
  'message.json/unsupported_with_type': { wamid: 'wamid.xyzxyz', message: (m) => {
    expect(m).toMatchObject({ type: 'unsupported', unsupportedType: 'pool' });
    expect(m.errors[0]?.code).toBe(131051);
  } },
  'message.json/reply': { wamid: 'wamid.xyzxyz', message: (m) => {
    expect(m.text).toBe('replied text');
    expect(m.context).toEqual({ id: 'wamid.xyzxyz==', from: '972123456789', forwarded: false, frequentlyForwarded: false, referredProduct: null });
  } },
  'message.json/forwarded': { wamid: 'wamid.xyzxyz', message: (m) => expect(m.context).toMatchObject({ forwarded: true, frequentlyForwarded: false, id: null }) },
  'message.json/forwarded_many_times': { wamid: 'wamid.xyzxyz', message: (m) => expect(m.context).toMatchObject({ forwarded: false, frequentlyForwarded: true }) },
  'message.json/interactive_message_with_err': { wamid: 'wamid.wegrchytvwcggt=', message: (m) => {
    expect(m.type).toBe('interactive');
    expect(m.reply).toBeNull();
    expect(m.errors).toEqual([{ code: 131000, title: 'Something went wrong', message: 'Something went wrong', details: 'Unsupported webhook payload', href: null }]);
  } },
  'message.json/referral': { wamid: 'wamid.ID', message: (m) => {
    expect(m.text).toBe('BODY');
    expect(m.referral).toMatchObject({ sourceUrl: 'AD_OR_POST_FB_URL', sourceId: 'ADID', sourceType: 'ad or post', headline: 'AD_TITLE', ctwaClid: 'CTWA_CLID' });
  } },
  'message_status.json/sent': { wamid: 'wamid.xyzxyz', status: (s) => {
    expect(s).toMatchObject({ status: 'sent', at: '2023-10-25T20:49:05.000Z', errors: [], callbackData: null });
  } },
  'message_status.json/delivered': { wamid: 'wamid.xyzxyz', status: (s) => expect(s.status).toBe('delivered') },
  'message_status.json/read': { wamid: 'wamid.xyzxyz', status: (s) => expect(s.status).toBe('read') },
  'message_status.json/played': { wamid: 'wamid.xyzxyz', status: (s) => {
    expect(s.status).toBe('read');
    expect(s.history).toEqual([{ status: 'played', at: '2023-07-15T00:20:58.000Z', errorCode: null }]);
  } },
  'message_status.json/failed': { wamid: 'wamid.xyzxyz', status: (s) => {
    expect(s.status).toBe('failed');
    expect(s.errors).toEqual([{ code: 130472, title: "User's number is part of an experiment", message: "User's number is part of an experiment", details: "Failed to send message because this user's phone number is part of an experiment", href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/' }]);
  } },
  'message_status.json/with_tracker': { wamid: 'wamid.xyzxyz', status: (s) => expect(s).toMatchObject({ status: 'sent', callbackData: 'some data' }) },
  'message_status.json/group': { wamid: '<WHATSAPP_MESSAGE_ID>', status: (s) => expect(s.status).toBe('read') },
  'system.json/phone_number_change': { wamid: 'wamid.xyzxyz==', message: (m, _i, c) => {
    expect(m.type).toBe('system');
    expect(m.system).toEqual({ type: 'user_changed_number', body: 'User A changed from 972987654321 to 972912345678', newWaId: '972912345678', identityHash: null });
    // The contact follows the shopper to the new number; a system notice does not open the window.
    expect(c).toMatchObject({ waId: '972912345678', phone: '+972912345678', lastInboundAt: null });
  } },
  'system.json/identity_change': { wamid: 'wamid.xyzxyz', message: (m, _i, c) => {
    expect(m.system).toMatchObject({ type: 'customer_identity_changed', body: 'User identity changed', identityHash: 'xyzxyz' });
    expect(c).toMatchObject({ waId: '972987654321', userId: null, name: 'User A' });
  } },
  'user_marketing_preferences.json/resume': { preference: (contacts) => {
    expect(contacts.find((c) => c.waId === '16505551234')).toMatchObject({ marketingPreference: 'resume', marketingPreferenceAt: '2024-11-15T21:22:01.000Z', phone: '+16505551234' });
  } },
  'user_marketing_preferences.json/signup': { preference: (contacts) => {
    expect(contacts.find((c) => c.waId === '16505551234')?.marketingPreference).toBe('signup');
  } },
};

const variants = allUpdateVariants();

describe('every fixture through the signed webhook', () => {
  let s: TempServer | undefined;
  afterEach(async () => {
    await s?.stop();
    s = undefined;
  });

  it('has a check for every variant in the fixture files (and the fixtures are there)', () => {
    expect(variants.length).toBeGreaterThanOrEqual(40);
    expect(variants.map((v) => `${v.file}/${v.variant}`).filter((k) => !CHECKS[k])).toEqual([]);
  });

  it.each(variants.map((v) => [`${v.file}/${v.variant}`, v] as const))('%s', async (key, v) => {
    s = await startTempServer();
    await configureWebhook(s);
    const res = await postWebhook(s, JSON.stringify(v.body));
    expect(res.status).toBe(200);
    const check = CHECKS[key];
    if (!check) throw new Error(`no check for ${key}`);
    const server = s;
    const get = async <T>(path: string): Promise<T> => {
      const r = await server.api(path);
      expect(r.status).toBe(200);
      return (await r.json()) as T;
    };
    if ('message' in check) {
      await server.services.whatsapp.inbox.idle();
      const item = await get<InboxMessage>(`/api/whatsapp/inbox/${encodeURIComponent(check.wamid)}`);
      const contact = item.contactId === null ? null : await get<Contact>(`/api/contacts/${item.contactId}`);
      expect(item.message.raw).toEqual((v.body as { entry: { changes: { value: { messages: unknown[] } }[] }[] }).entry[0]?.changes[0]?.value.messages[0]);
      check.message(item.message, item, contact);
    } else if ('status' in check) {
      check.status(await get<MessageStatus>(`/api/whatsapp/statuses/${encodeURIComponent(check.wamid)}`));
    } else {
      await expect.poll(async () => (await get<ContactList>('/api/contacts')).contacts.some((c) => c.marketingPreference !== null)).toBe(true);
      check.preference((await get<ContactList>('/api/contacts')).contacts);
    }
  });
});

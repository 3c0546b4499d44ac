import { checkLength, MessageLimitError } from './limits.js';
import { body, envelope, footer, header } from './parts.js';
import type { CommonOptions, GraphMessage, HeaderInput, Json } from './types.js';

export interface FlowInput extends CommonOptions {
  body: string;
  /** The button that opens the Flow. */
  cta: string;
  flow: { id: string } | { name: string };
  /** Comes back with every data-endpoint request and in the completion (`nfm_reply`). */
  token?: string;
  /** `navigate` opens `screen` with `data`; `data_exchange` asks our data endpoint for the first screen. */
  action?: 'navigate' | 'data_exchange';
  screen?: string;
  data?: { [key: string]: Json };
  /** Draft flows can be sent to test numbers only. */
  mode?: 'draft' | 'published';
  header?: HeaderInput;
  footer?: string;
}

/** A WhatsApp Flow (a small form: appointment, feedback) behind one button, message version 3. */
export function flowMessage(to: string, input: FlowInput): GraphMessage {
  checkLength('flowCta', 'The Flow button text', input.cta);
  const action = input.action ?? 'navigate';
  if (action === 'navigate' && !input.screen) throw new MessageLimitError('flowScreen', 'A Flow that navigates needs the first screen’s id');
  if (action === 'data_exchange' && (input.screen || input.data)) {
    throw new MessageLimitError('flowActionPayload', 'A data_exchange Flow gets its first screen from the data endpoint; leave screen and data out');
  }
  if (input.data && Object.keys(input.data).length === 0) throw new MessageLimitError('flowActionPayload', 'Flow data, when given, must not be empty');
  const parameters: { [key: string]: Json } = {
    flow_message_version: '3',
    ...(input.token !== undefined ? { flow_token: input.token } : {}),
    ...('id' in input.flow ? { flow_id: input.flow.id } : { flow_name: input.flow.name }),
    flow_cta: input.cta,
    flow_action: action,
  };
  if (input.mode) parameters.mode = input.mode;
  if (action === 'navigate') parameters.flow_action_payload = { screen: input.screen as string, ...(input.data ? { data: input.data } : {}) };
  return {
    ...envelope(to, 'interactive', input),
    interactive: { type: 'flow', ...header(input.header), ...body(input.body), ...footer(input.footer), action: { name: 'flow', parameters } },
  };
}

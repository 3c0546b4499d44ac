import { checkCount, checkLength, checkUnique } from './limits.js';
import { body, envelope, footer, header } from './parts.js';
import type { CommonOptions, GraphMessage, HeaderInput } from './types.js';

export interface ReplyButtonsInput extends CommonOptions {
  body: string;
  buttons: { id: string; title: string }[];
  header?: HeaderInput;
  footer?: string;
}

/** Up to three reply buttons under a text; a tap comes back as an `interactive.button_reply`. */
export function replyButtonsMessage(to: string, input: ReplyButtonsInput): GraphMessage {
  checkCount('replyButtons', 'reply buttons', input.buttons.length);
  for (const b of input.buttons) {
    checkLength('replyButtonTitle', `The reply button title "${b.title}"`, b.title);
    checkLength('replyButtonId', `The reply button id of "${b.title}"`, b.id);
  }
  checkUnique('replyButtonId', 'The reply button id', input.buttons.map((b) => b.id));
  checkUnique('replyButtonTitle', 'The reply button title', input.buttons.map((b) => b.title));
  return {
    ...envelope(to, 'interactive', input),
    interactive: {
      type: 'button',
      ...header(input.header),
      ...body(input.body),
      ...footer(input.footer),
      action: { buttons: input.buttons.map((b) => ({ type: 'reply', reply: { id: b.id, title: b.title } })) },
    },
  };
}

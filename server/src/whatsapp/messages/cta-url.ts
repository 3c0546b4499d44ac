import { checkLength, MessageLimitError } from './limits.js';
import { body, envelope, footer, header } from './parts.js';
import type { CommonOptions, GraphMessage, HeaderInput } from './types.js';

export interface CtaUrlInput extends CommonOptions {
  body: string;
  displayText: string;
  url: string;
  header?: HeaderInput;
  footer?: string;
}

/** One button that opens a web page, so the shopper never sees a long raw link. */
export function ctaUrlMessage(to: string, input: CtaUrlInput): GraphMessage {
  checkLength('ctaDisplayText', 'The button text', input.displayText);
  if (!/^https?:\/\/\S+$/i.test(input.url)) throw new MessageLimitError('ctaUrl', `"${input.url}" is not a web address starting with https://`);
  return {
    ...envelope(to, 'interactive', input),
    interactive: {
      type: 'cta_url',
      ...header(input.header),
      ...body(input.body),
      ...footer(input.footer),
      action: { name: 'cta_url', parameters: { display_text: input.displayText, url: input.url } },
    },
  };
}

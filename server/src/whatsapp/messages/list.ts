import { checkCount, checkLength, checkUnique, MessageLimitError } from './limits.js';
import { body, envelope, footer } from './parts.js';
import type { CommonOptions, GraphMessage } from './types.js';

export interface ListInput extends CommonOptions {
  body: string;
  /** The label of the button that opens the list. */
  button: string;
  sections: { title?: string; rows: { id: string; title: string; description?: string }[] }[];
  header?: string;
  footer?: string;
}

/** A list of up to 10 rows in up to 10 sections, opened by one button. Only text headers are allowed. */
export function listMessage(to: string, input: ListInput): GraphMessage {
  checkLength('listButton', 'The list button label', input.button);
  checkCount('listSections', 'list sections', input.sections.length);
  const rows = input.sections.flatMap((s) => s.rows);
  checkCount('listRows', 'list rows', rows.length);
  for (const s of input.sections) {
    if (s.title === undefined) {
      if (input.sections.length > 1) throw new MessageLimitError('listSectionTitle', 'Every section needs a title when a list has more than one section');
    } else checkLength('listSectionTitle', `The section title "${s.title}"`, s.title);
    if (s.rows.length === 0) throw new MessageLimitError('listRows', `The section "${s.title ?? ''}" has no rows; WhatsApp needs at least 1`);
  }
  for (const r of rows) {
    checkLength('listRowTitle', `The list row title "${r.title}"`, r.title);
    checkLength('listRowId', `The list row id of "${r.title}"`, r.id);
    if (r.description !== undefined) checkLength('listRowDescription', `The description of "${r.title}"`, r.description);
  }
  checkUnique('listRowId', 'The list row id', rows.map((r) => r.id));
  if (input.header !== undefined) checkLength('headerText', 'The header', input.header);
  return {
    ...envelope(to, 'interactive', input),
    interactive: {
      type: 'list',
      ...(input.header !== undefined ? { header: { type: 'text', text: input.header } } : {}),
      ...body(input.body),
      ...footer(input.footer),
      action: {
        button: input.button,
        sections: input.sections.map((s) => ({
          ...(s.title !== undefined ? { title: s.title } : {}),
          rows: s.rows.map((r) => ({ id: r.id, title: r.title, ...(r.description !== undefined ? { description: r.description } : {}) })),
        })),
      },
    },
  };
}

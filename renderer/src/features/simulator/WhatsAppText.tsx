import { Text, type TextProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { parseWhatsAppText, type Span } from './whatsappFormat';

function renderSpans(spans: Span[], prefix = ''): ReactNode[] {
  return spans.map((span, i) => {
    const key = `${prefix}${i}`;
    switch (span.kind) {
      case 'text':
        return span.text;
      case 'bold':
        return <strong key={key}>{renderSpans(span.children, `${key}.`)}</strong>;
      case 'italic':
        return <em key={key}>{renderSpans(span.children, `${key}.`)}</em>;
      case 'strike':
        return <s key={key}>{renderSpans(span.children, `${key}.`)}</s>;
      case 'mono':
      case 'code':
        return (
          <code key={key} style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: '0.92em' }}>
            {span.text}
          </code>
        );
      case 'link':
        return (
          <a key={key} href={span.href} target="_blank" rel="noopener noreferrer" style={{ color: '#027eb5' }}>
            {span.text}
          </a>
        );
    }
  });
}

/** A message text as WhatsApp shows it: formatting, tappable links and the line breaks as typed. */
export function WhatsAppText({ text, ...props }: { text: string } & TextProps) {
  return (
    <Text component="div" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} {...props}>
      {renderSpans(parseWhatsAppText(text))}
    </Text>
  );
}

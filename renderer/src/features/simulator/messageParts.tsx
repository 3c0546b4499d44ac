import { Box, Image, Text } from '@mantine/core';
import { IconFileText, IconPaperclip } from '@tabler/icons-react';
import { WA } from './ChatBubble';
import { arr, mediaLink, obj, str, type Obj } from './payload';

/** The pieces messages share: headers, pictures, attachments, footers and template parameters. */
export function Header({ header }: { header: Obj }) {
  const type = str(header.type);
  if (type === 'text') return <Text fw={700} size="sm" mb={2}>{str(header.text)}</Text>;
  if (type === 'image') return <Picture link={mediaLink(header.image)} alt="Header picture" />;
  if (type === 'video' || type === 'document') return <Attachment kind={type} name={str(obj(header[type]).filename)} />;
  return null;
}

export function Picture({ link, alt }: { link: string | undefined; alt: string }) {
  if (!link) return <Attachment kind="image" />;
  return <Image src={link} alt={alt} radius={6} mb={4} mah={260} fit="cover" fallbackSrc="data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/>" bg="gray.1" />;
}

export function Attachment({ kind, name }: { kind: string; name?: string | undefined }) {
  return (
    <Box p={8} mb={4} bg="#f0f2f5" style={{ borderRadius: 6, display: 'flex', gap: 6, alignItems: 'center' }}>
      {kind === 'document' ? <IconFileText size={18} /> : <IconPaperclip size={18} />}
      <Text size="sm">{name ?? `${kind.charAt(0).toUpperCase()}${kind.slice(1)} (sent as uploaded media)`}</Text>
    </Box>
  );
}

export function Footer({ footer }: { footer: Obj }) {
  const text = str(footer.text);
  return text ? <Text fz={12} c={WA.meta} mt={2}>{text}</Text> : null;
}

/** Template parameters in order: header, body ({{1}} or named), buttons. */
export function templateLines(template: Obj): string[] {
  const lines: string[] = [];
  for (const component of arr(template.components)) {
    for (const p of arr(component.parameters)) {
      const value = str(p.text) ?? str(p.payload) ?? str(p.coupon_code) ?? (p.image ? 'picture' : p.document ? 'document' : p.video ? 'video' : JSON.stringify(p));
      const name = str(p.parameter_name);
      lines.push(`${str(component.type) ?? ''}${component.index !== undefined ? ` ${String(component.index)}` : ''}${name ? ` {{${name}}}` : ''}: ${value}`);
    }
  }
  return lines;
}

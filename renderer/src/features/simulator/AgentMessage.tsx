import { Anchor, Box, Image, Stack, Text } from '@mantine/core';
import { IconExternalLink, IconList } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { BubbleButton, ChatBubble, WA } from './ChatBubble';
import { Attachment, Footer, Header, Picture, templateLines } from './messageParts';
import { arr, mediaLink, obj, str, type Obj } from './payload';
import { ProductCard, productImageSrc } from './products';
import type { Sheet } from './sheets';
import { buttonReply, type ShopperMessage } from './shopperMessages';
import { WhatsAppText } from './WhatsAppText';

export interface AgentMessageProps {
  /** The Cloud API message object exactly as it is POSTed to /messages. */
  message: Obj;
  /** Our id of the message (the thread's), quoted back as `context.id` by taps. */
  messageId: string | undefined;
  at: string;
  onSend: (message: ShopperMessage, shown: string) => void;
  onOpen: (sheet: Sheet) => void;
}

/** An agent's message drawn as WhatsApp shows it, with every tappable part wired back as a shopper reply. */
export function AgentMessage({ message, messageId, at, onSend, onOpen }: AgentMessageProps) {
  const type = str(message.type);
  const bubble = (children: ReactNode, buttons?: ReactNode, label = 'Agent message') => (
    <ChatBubble side="agent" at={at} buttons={buttons} label={label}>
      {children}
    </ChatBubble>
  );

  if (type === 'text') return bubble(<WhatsAppText text={str(obj(message.text).body) ?? ''} size="sm" />);
  if (type === 'image') {
    const image = obj(message.image);
    const caption = str(image.caption);
    return bubble(
      <>
        <Picture link={mediaLink(image)} alt={caption ?? 'Picture'} />
        {caption ? <WhatsAppText text={caption} size="sm" /> : null}
      </>,
      undefined,
      'Agent picture',
    );
  }
  if (type === 'template') {
    const template = obj(message.template);
    return bubble(
      <Stack gap={2}>
        <Text size="xs" c={WA.meta}>
          Template message
        </Text>
        <Text size="sm" fw={600} ff="monospace">
          {str(template.name)} ({str(obj(template.language).code)})
        </Text>
        {templateLines(template).map((line, i) => (
          <Text key={i} size="sm">
            {line}
          </Text>
        ))}
      </Stack>,
      undefined,
      'Agent template',
    );
  }
  if (type === 'document' || type === 'video' || type === 'audio' || type === 'sticker') {
    const media = obj(message[type]);
    return bubble(
      <>
        <Attachment kind={type} name={str(media.filename)} />
        {str(media.caption) ? <WhatsAppText text={str(media.caption) ?? ''} size="sm" /> : null}
      </>,
    );
  }
  if (type === 'contacts') {
    const cards = Array.isArray(message.contacts) ? (message.contacts as unknown[]).map(obj) : [];
    return bubble(
      <Stack gap={4}>
        {cards.map((card, i) => {
          const phones = Array.isArray(card.phones) ? (card.phones as unknown[]).map(obj) : [];
          return (
            <Stack key={i} gap={0}>
              <Text size="sm" fw={600}>
                {str(obj(card.name).formatted_name) ?? 'Contact'}
              </Text>
              {phones.map((p, k) => (
                <Text key={k} size="sm" c={WA.meta}>
                  {str(p.phone)}
                </Text>
              ))}
            </Stack>
          );
        })}
      </Stack>,
      <BubbleButton disabled label="Calls start on a phone">
        Call
      </BubbleButton>,
      'Agent contact card',
    );
  }
  if (type !== 'interactive') return bubble(<Text size="sm" c={WA.meta}>A {type ?? 'unknown'} message (the simulator cannot show it)</Text>);

  const interactive = obj(message.interactive);
  const kind = str(interactive.type);
  const action = obj(interactive.action);
  const header = <Header header={obj(interactive.header)} />;
  const body = str(obj(interactive.body).text);
  const text = body ? <WhatsAppText text={body} size="sm" /> : null;
  const footer = <Footer footer={obj(interactive.footer)} />;

  switch (kind) {
    case 'button': {
      const buttons = arr(action.buttons).map((b) => obj(b.reply));
      return bubble(
        <>
          {header}
          {text}
          {footer}
        </>,
        buttons.map((b) => (
          <BubbleButton key={str(b.id)} onClick={() => onSend(buttonReply(str(b.id) ?? '', str(b.title) ?? '', messageId), str(b.title) ?? '')}>
            {str(b.title)}
          </BubbleButton>
        )),
        'Agent buttons',
      );
    }
    case 'list':
      return bubble(
        <>
          {header}
          {text}
          {footer}
        </>,
        <BubbleButton onClick={() => onOpen({ kind: 'list', message, messageId })}>
          <IconList size={16} />
          {str(action.button) ?? 'Choose'}
        </BubbleButton>,
        'Agent list',
      );
    case 'product': {
      const sku = str(action.product_retailer_id) ?? '';
      const catalogId = str(action.catalog_id) ?? '';
      return bubble(
        <>
          <ProductCard sku={sku} onOpen={() => onOpen({ kind: 'product', sku, catalogId })} />
          {text}
          {footer}
        </>,
        <BubbleButton onClick={() => onOpen({ kind: 'product', sku, catalogId })}>View</BubbleButton>,
        'Agent product',
      );
    }
    case 'product_list': {
      const sections = arr(action.sections);
      const skus = sections.flatMap((s) => arr(s.product_items).map((p) => str(p.product_retailer_id) ?? ''));
      return bubble(
        <>
          {skus[0] ? (
            <Box pos="relative" mb={4}>
              <Image src={productImageSrc(skus[0])} alt="" h={120} radius={6} fit="cover" bg="gray.1" />
              <Text pos="absolute" bottom={6} right={8} fz={11} c="white" bg="rgba(0,0,0,.5)" px={6} style={{ borderRadius: 8 }}>
                {skus.length} {skus.length === 1 ? 'item' : 'items'}
              </Text>
            </Box>
          ) : null}
          {header}
          {text}
          {footer}
        </>,
        <BubbleButton onClick={() => onOpen({ kind: 'products', message, messageId })}>View items</BubbleButton>,
        'Agent product list',
      );
    }
    case 'cta_url': {
      const parameters = obj(action.parameters);
      const url = str(parameters.url) ?? '';
      return bubble(
        <>
          {header}
          {text}
          {footer}
        </>,
        <Anchor
          href={url}
          target="_blank"
          rel="noopener noreferrer"
          underline="never"
          display="flex"
          mt={2}
          py={7}
          bg={WA.in}
          c={WA.link}
          fz={14}
          fw={500}
          style={{ borderRadius: 8, boxShadow: '0 1px 0.5px rgba(11,20,26,.13)', justifyContent: 'center', alignItems: 'center', gap: 6 }}
        >
          <IconExternalLink size={16} />
          {str(parameters.display_text) ?? url}
        </Anchor>,
        'Agent link',
      );
    }
    case 'catalog_message':
      return bubble(
        <>
          {text}
          {footer}
        </>,
        <BubbleButton disabled>View catalog</BubbleButton>,
        'Agent catalog',
      );
    case 'flow':
      return bubble(
        <>
          {header}
          {text}
          {footer}
        </>,
        <BubbleButton disabled label="Forms open on a phone">
          {str(obj(action.parameters).flow_cta) ?? 'Open form'}
        </BubbleButton>,
        'Agent form',
      );
    default:
      return bubble(
        <>
          {text}
          <Text size="xs" c={WA.meta}>
            An interactive {kind ?? ''} message (the simulator cannot show it)
          </Text>
        </>,
      );
  }
}

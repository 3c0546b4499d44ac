import { describe, expect, it } from 'vitest';
import { parseWhatsAppText } from './whatsappFormat';

describe('WhatsApp text formatting', () => {
  it('reads bold, italic, strike, inline code and monospace blocks', () => {
    expect(parseWhatsAppText('*Gold* _new_ ~old~ `SKU-1` ```a * b```')).toEqual([
      { kind: 'bold', children: [{ kind: 'text', text: 'Gold' }] },
      { kind: 'text', text: ' ' },
      { kind: 'italic', children: [{ kind: 'text', text: 'new' }] },
      { kind: 'text', text: ' ' },
      { kind: 'strike', children: [{ kind: 'text', text: 'old' }] },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'SKU-1' },
      { kind: 'text', text: ' ' },
      { kind: 'mono', text: 'a * b' },
    ]);
  });

  it('nests styles and keeps line breaks', () => {
    expect(parseWhatsAppText('*very _fine_ gold*\nnext line')).toEqual([
      { kind: 'bold', children: [{ kind: 'text', text: 'very ' }, { kind: 'italic', children: [{ kind: 'text', text: 'fine' }] }, { kind: 'text', text: ' gold' }] },
      { kind: 'text', text: '\nnext line' },
    ]);
  });

  it('leaves markers alone where WhatsApp does: inside words, around spaces, across lines, unclosed', () => {
    for (const text of ['2*3*4', 'snake_case_name', '* not bold *', '*no\nbold*', 'price *50']) {
      expect(parseWhatsAppText(text)).toEqual([{ kind: 'text', text }]);
    }
  });

  it('turns web addresses into links without the trailing full stop, and keeps underscores in them', () => {
    expect(parseWhatsAppText('See https://lakshmi.example/gold_bangles. Or www.lakshmi.example')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', href: 'https://lakshmi.example/gold_bangles', text: 'https://lakshmi.example/gold_bangles' },
      { kind: 'text', text: '. Or ' },
      { kind: 'link', href: 'https://www.lakshmi.example', text: 'www.lakshmi.example' },
    ]);
  });
});

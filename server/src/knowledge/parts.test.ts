import { describe, expect, it } from 'vitest';
import { chunkText } from './chunk.js';
import { chunkParts, parseParts, type DocPart } from './parts.js';

describe('chunkParts', () => {
  it('puts each part\'s location before its heading path, or uses the part\'s location alone', () => {
    const parts: DocPart[] = [
      { location: 'page 1', text: 'Our showroom opens at 10:30.' },
      { location: 'page 2', text: '# Returns\n\nSeven days for a refund.\n\n## Refunds\n\nPaid to the card used.' },
    ];
    expect(chunkParts(parts)).toEqual([
      { heading: '', location: 'page 1', text: 'Our showroom opens at 10:30.' },
      { heading: 'Returns', location: 'page 2 › Returns', text: 'Seven days for a refund.' },
      { heading: 'Returns › Refunds', location: 'page 2 › Returns › Refunds', text: 'Paid to the card used.' },
    ]);
  });

  it('a part without a location chunks exactly like the text alone', () => {
    const text = '# Shipping\n\nFree above ₹25,000.\n\nInsured door delivery.\n\nNo heading here? It still has one above it.';
    expect(chunkParts([{ location: null, text }])).toEqual(chunkText(text));
    expect(chunkParts([{ location: null, text: 'First.\n\nSecond.' }])[0]?.location).toBe('paragraph 1');
  });

  it('reads stored parts back and refuses anything that is not a list of parts', () => {
    const parts: DocPart[] = [{ location: 'https://shop.example/faq', text: '# FAQ' }, { location: null, text: 'x' }];
    expect(parseParts(JSON.stringify(parts))).toEqual(parts);
    expect(parseParts(null)).toBeNull();
    expect(parseParts('{')).toBeNull();
    expect(parseParts('[{"location":3,"text":"x"}]')).toBeNull();
    expect(parseParts('{"location":null,"text":"x"}')).toBeNull();
  });
});

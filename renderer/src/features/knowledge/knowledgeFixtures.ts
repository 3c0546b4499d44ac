import type { KnowledgeAnswer, KnowledgeSource } from '../../api/contracts';

/** A knowledge source as the server sends it; override what the test is about. */
export function source(overrides: Partial<KnowledgeSource> = {}): KnowledgeSource {
  return {
    id: 1,
    name: 'returns-and-exchange.md',
    kind: 'file',
    mime: 'text/markdown',
    bytes: 4200,
    sha256: 'a'.repeat(64),
    status: 'ready',
    error: null,
    chunks: 9,
    url: null,
    progress: null,
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    ...overrides,
  };
}

/** One of each status: ready, failed with why, a website being read, a queued file. */
export function mixedSources(): KnowledgeSource[] {
  return [
    source(),
    source({ id: 2, name: 'brochure.pdf', mime: 'application/pdf', bytes: 90_000, status: 'failed', error: 'This PDF has no text in it (it is a scanned image)', chunks: 0, createdAt: '2026-12-01T10:01:00.000Z' }),
    source({
      id: 3,
      name: 'https://shop.example.in',
      kind: 'url',
      mime: 'text/html',
      bytes: 0,
      status: 'processing',
      chunks: 0,
      url: 'https://shop.example.in',
      progress: { done: 3, total: 12, message: 'Reading page 3 of 12: Shipping' },
      createdAt: '2026-12-01T10:02:00.000Z',
    }),
    source({ id: 4, name: 'care-guide.docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', status: 'queued', chunks: 0, createdAt: '2026-12-01T10:03:00.000Z' }),
  ];
}

export const returnsAnswer: KnowledgeAnswer = {
  answerable: true,
  passages: [
    { text: 'You can return any piece within 7 days for a full refund.', source: 'returns-and-exchange.md', location: 'Returns and Exchange › 7-day return', score: 0.82 },
    { text: 'Exchanges are welcome within 30 days.', source: 'returns-and-exchange.md', location: 'Returns and Exchange › Exchange', score: 0.41 },
  ],
};

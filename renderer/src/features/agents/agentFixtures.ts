import type { Agent, SkillInfo } from '../../api/contracts';

/** Test data shaped exactly as the agents contract says. */
export function agent(overrides: Partial<Agent> = {}): Agent {
  return {
    id: 1,
    name: 'Aarav',
    role: 'Sales',
    avatar: null,
    persona: { tone: 50, tenacity: 50, emoji: 30, length: 40, languages: ['english', 'hinglish'], instructions: '' },
    skills: [
      { id: 'store_info', enabled: true, config: {} },
      { id: 'catalog_search', enabled: true, config: { maxResults: 10 } },
      { id: 'send_products', enabled: false, config: { maxProducts: 10, format: 'product_list', withPrices: true } },
      { id: 'book_visit', enabled: false, config: {} },
    ],
    knowledgeSources: [],
    status: 'active',
    isDefault: true,
    whenPaused: 'away_message',
    awayMessage: 'We are away right now and will reply soon.',
    createdAt: '2026-03-04T04:00:00.000Z',
    updatedAt: '2026-03-04T04:00:00.000Z',
    ...overrides,
  };
}

/** The Store as `z.toJSONSchema` describes the skills' settings. */
export function skillInfos(): SkillInfo[] {
  return [
    {
      id: 'store_info',
      name: 'Store info',
      description: 'Opening hours, address and phone.',
      summary: 'Hours, address, phone',
      icon: 'building-store',
      configSchema: { type: 'object', properties: {} },
      defaultConfig: {},
      defaultEnabled: true,
      available: true,
    },
    {
      id: 'catalog_search',
      name: 'Catalog search',
      description: 'Finds products the way shoppers ask.',
      summary: 'Finds products by what shoppers say',
      icon: 'search',
      configSchema: { type: 'object', properties: { maxResults: { type: 'integer', minimum: 1, maximum: 30, default: 10 } } },
      defaultConfig: { maxResults: 10 },
      defaultEnabled: true,
      available: true,
    },
    {
      id: 'send_products',
      name: 'Send products',
      description: 'Sends product cards and lists with pictures and prices.',
      summary: 'Product cards with pictures and prices',
      icon: 'photo',
      configSchema: {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: {
          maxProducts: { type: 'integer', minimum: 1, maximum: 30, default: 10, description: 'At most this many in one list' },
          format: { type: 'string', enum: ['product_list', 'image_cards'], default: 'product_list' },
          withPrices: { type: 'boolean', default: true },
        },
        required: ['maxProducts', 'format', 'withPrices'],
        additionalProperties: false,
      },
      defaultConfig: { maxProducts: 10, format: 'product_list', withPrices: true },
      defaultEnabled: true,
      available: true,
    },
    {
      id: 'book_visit',
      name: 'Book a visit',
      description: 'Books a store visit in a free slot.',
      summary: 'Appointments in free slots',
      icon: 'calendar',
      configSchema: { type: 'object', properties: {} },
      defaultConfig: {},
      defaultEnabled: false,
      available: false,
    },
  ];
}

// @vitest-environment jsdom
import '../../test/setup-dom';
import { MantineProvider } from '@mantine/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { SkillInfo } from '../../api/contracts';
import { theme } from '../../app/theme';
import { cleanup, click, getButton, getByLabelText, hasText, render, waitFor } from '../../test/dom';
import { configFields } from './configFields';
import { SkillSettingsModal } from './SkillSettingsModal';

afterEach(cleanup);

const discount: SkillInfo = {
  id: 'discount_authority',
  name: 'Discount authority',
  description: 'Offers discounts up to your cap.',
  summary: 'Discounts',
  icon: 'discount',
  configSchema: {
    type: 'object',
    properties: {
      maxPercent: { type: 'number', minimum: 0, maximum: 10, default: 5 },
      excludedCategories: { type: 'array', items: { type: 'string', enum: ['coin', 'bullion', 'ring'] }, default: ['coin', 'bullion'] },
      phrases: { type: 'array', items: { type: 'string' }, default: [] },
      perCategory: { type: 'object', additionalProperties: { type: 'number' }, default: {} },
    },
  },
  defaultConfig: { maxPercent: 5, excludedCategories: ['coin', 'bullion'], phrases: [], perCategory: {} },
  defaultEnabled: false,
  available: true,
};

describe('skill settings form', () => {
  it('reads lists of words (chosen from a set, or free) as list fields, and leaves maps out of the form', () => {
    expect(configFields(discount.configSchema).map((f) => [f.key, f.kind, f.options])).toEqual([
      ['maxPercent', 'number', undefined],
      ['excludedCategories', 'list', ['coin', 'bullion', 'ring']],
      ['phrases', 'list', undefined],
    ]);
  });

  it('shows the agent’s list and keeps settings the form cannot show (caps per category) when applied', async () => {
    let applied: Record<string, unknown> | null = null;
    render(
      <MantineProvider theme={theme}>
        <SkillSettingsModal
          skill={discount}
          config={{ maxPercent: 8, excludedCategories: ['coin'], perCategory: { ring: 3 } }}
          onApply={(c) => (applied = c)}
          onClose={() => {}}
        />
      </MantineProvider>,
    );
    await waitFor(() => hasText('Discount authority · settings'), 'the dialog');
    expect(getByLabelText('Max percent').value).toBe('8');
    expect(hasText('coin')).toBe(true);
    click(getButton('Apply'));
    expect(applied).toEqual({ maxPercent: 8, excludedCategories: ['coin'], phrases: [], perCategory: { ring: 3 } });
  });
});

// @vitest-environment jsdom
import '../../test/setup-dom';
import { MantineProvider } from '@mantine/core';
import { act, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentSkill } from '../../api/contracts';
import { theme } from '../../app/theme';
import { changeValue, cleanup, click, flush, getButton, getByLabelText, hasText, render, waitFor } from '../../test/dom';
import { agent, skillInfos } from './agentFixtures';
import { SkillStore } from './SkillStore';

let changes: AgentSkill[][] = [];

function Harness() {
  const [value, setValue] = useState(agent().skills);
  return (
    <SkillStore
      skills={skillInfos()}
      value={value}
      onChange={(next) => {
        changes.push(next);
        setValue(next);
      }}
    />
  );
}

const area = (id: 'agent' | 'store') => document.querySelector<HTMLElement>(`[data-area="${id}"]`)!;
const cardsIn = (id: 'agent' | 'store') => [...area(id).querySelectorAll('[data-skill]')].map((el) => el.getAttribute('data-skill'));
const latest = () => changes.at(-1)!;

// jsdom does no layout: give the two areas (and the cards inside them) the places they have on screen.
const RECTS = { agent: { top: 0, height: 300 }, store: { top: 320, height: 300 } };
beforeEach(() => {
  changes = [];
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const skill = this.getAttribute('data-skill');
    // The drag overlay starts where the card it copies is.
    const original = skill && !this.closest('[data-area]') ? document.querySelector(`[data-area] [data-skill="${skill}"]`) : null;
    const inArea = (original ?? this).closest('[data-area]')?.getAttribute('data-area') as keyof typeof RECTS | undefined;
    if (!inArea) return new DOMRect(0, 0, 0, 0);
    const { top, height } = RECTS[inArea];
    return this.hasAttribute('data-area') && !original ? new DOMRect(0, top, 400, height) : new DOMRect(10, top + 40, 380, 60);
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Everything dnd-kit's live region said, in order. */
function recordAnnouncements(): string[] {
  const said: string[] = [];
  const observer = new MutationObserver(() => {
    const text = document.querySelector('[id^="DndLiveRegion"]')?.textContent;
    if (text && said.at(-1) !== text) said.push(text);
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  return said;
}

function key(el: Element, code: string, keyName: string) {
  act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { code, key: keyName, bubbles: true, cancelable: true }));
  });
}

describe('Skill Store', () => {
  it('puts the agent’s skills on it and the rest in the store; store info is locked on, later skills greyed', () => {
    render(
      <MantineProvider theme={theme}>
        <Harness />
      </MantineProvider>,
    );
    expect(cardsIn('agent')).toEqual(['store_info', 'catalog_search']);
    expect(cardsIn('store')).toEqual(['send_products', 'book_visit']);
    expect(getByLabelText('Store info on this agent').disabled).toBe(true);
    expect(getByLabelText('Store info on this agent').checked).toBe(true);
    expect(getByLabelText('Book a visit on this agent').disabled).toBe(true);
    expect(area('store').textContent).toContain('Coming soon');
    // Neither the locked nor the unavailable skill can be dragged.
    expect(document.querySelector('[aria-label="Move Store info"]')).toBeNull();
    expect(document.querySelector('[aria-label="Move Book a visit"]')).toBeNull();
  });

  it('moves a skill onto the agent with its switch, and off again', () => {
    render(
      <MantineProvider theme={theme}>
        <Harness />
      </MantineProvider>,
    );
    click(getByLabelText('Send products on this agent'));
    expect(cardsIn('agent')).toEqual(['store_info', 'catalog_search', 'send_products']);
    expect(latest().find((s) => s.id === 'send_products')).toEqual({ id: 'send_products', enabled: true, config: { maxProducts: 10, format: 'product_list', withPrices: true } });

    click(getByLabelText('Catalog search on this agent'));
    expect(cardsIn('store')).toContain('catalog_search');
    expect(latest().find((s) => s.id === 'catalog_search')?.enabled).toBe(false);
  });

  it('moves a skill with the keyboard: space picks it up, arrow up carries it onto the agent, space drops it', async () => {
    render(
      <MantineProvider theme={theme}>
        <Harness />
      </MantineProvider>,
    );
    const said = recordAnnouncements();
    const handle = getByLabelText<HTMLButtonElement>('Move Send products');
    act(() => handle.focus());
    key(handle, 'Space', ' ');
    await flush();
    expect(changes).toEqual([]);
    key(handle, 'ArrowUp', 'ArrowUp');
    await flush();
    key(handle, 'Space', ' ');
    await flush();
    await waitFor(() => cardsIn('agent').includes('send_products'), 'the card on the agent');
    expect(latest().find((s) => s.id === 'send_products')?.enabled).toBe(true);
    await waitFor(() => said.includes('Send products dropped on On this agent.'), 'the drop announcement');
    expect(said).toContain('Send products is over On this agent.');
    expect(said[0]).toBe('Picked up Send products.');

    // And back down into the store; escape in between cancels without a change.
    const again = getByLabelText<HTMLButtonElement>('Move Send products');
    act(() => again.focus());
    key(again, 'Space', ' ');
    await flush();
    key(again, 'ArrowDown', 'ArrowDown');
    await flush();
    key(again, 'Escape', 'Escape');
    await flush();
    expect(cardsIn('agent')).toContain('send_products');
    key(again, 'Space', ' ');
    await flush();
    key(again, 'ArrowDown', 'ArrowDown');
    await flush();
    key(again, 'Enter', 'Enter');
    await waitFor(() => cardsIn('store').includes('send_products'), 'the card back in the store');
    expect(latest().find((s) => s.id === 'send_products')?.enabled).toBe(false);
  });

  it('opens a skill’s settings as a form built from its schema, with its bounds and defaults', async () => {
    render(
      <MantineProvider theme={theme}>
        <Harness />
      </MantineProvider>,
    );
    click(getByLabelText('Settings of Send products'));
    await waitFor(() => hasText('Send products · settings'), 'the settings dialog');
    const max = getByLabelText('Max products');
    expect(max.value).toBe('10');
    expect(hasText('At most this many in one list')).toBe(true);
    expect(getByLabelText<HTMLInputElement>('Format').value).toBe('product_list');
    expect(getByLabelText('With prices').checked).toBe(true);

    changeValue(max, '31');
    await waitFor(() => hasText('At most 30'), 'the bound');
    expect(getButton('Apply').disabled).toBe(true);
    changeValue(max, '5');
    await waitFor(() => !getButton('Apply').disabled, 'Apply enabled');
    click(getByLabelText('With prices'));
    click(getButton('Apply'));
    expect(latest().find((s) => s.id === 'send_products')).toEqual({ id: 'send_products', enabled: false, config: { maxProducts: 5, format: 'product_list', withPrices: false } });
  });
});

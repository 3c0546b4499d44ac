import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

let mounted: { root: Root; container: HTMLElement }[] = [];

export function render(ui: ReactNode): HTMLElement {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  act(() => root.render(ui));
  mounted.push({ root, container });
  return container;
}

/** Unmounts everything `render` mounted; call in afterEach. */
export function cleanup(): void {
  for (const { root, container } of mounted) {
    act(() => root.unmount());
    container.remove();
  }
  mounted = [];
  document.body.innerHTML = '';
}

/** A label's accessible text: without the aria-hidden asterisk Mantine adds to required fields. */
function labelText(label: Element): string {
  const copy = label.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((el) => el.remove());
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The form control named `text`, by <label> or aria-label, as a screen reader (or Playwright's getByLabel) finds it. */
export function queryByLabelText(text: string): HTMLElement | null {
  for (const label of document.querySelectorAll('label')) {
    if (labelText(label) !== text) continue;
    const target = label.htmlFor ? document.getElementById(label.htmlFor) : label.querySelector<HTMLElement>('input,select,textarea');
    if (target) return target;
  }
  return [...document.querySelectorAll<HTMLElement>('[aria-label]')].find((el) => el.getAttribute('aria-label') === text) ?? null;
}

export function getByLabelText<T extends HTMLElement = HTMLInputElement>(text: string): T {
  const el = queryByLabelText(text);
  if (!el) throw new Error(`No form control labelled "${text}"`);
  return el as T;
}

export function getButton(name: string): HTMLButtonElement {
  const button = [...document.querySelectorAll('button')].find((b) => (b.textContent ?? '').trim() === name);
  if (!button) throw new Error(`No button "${name}"`);
  return button;
}

export function hasText(text: string): boolean {
  return (document.body.textContent ?? '').includes(text);
}

/** Types a whole new value the way React notices: through the native setter, then an input event. */
export function changeValue(el: HTMLInputElement | HTMLSelectElement, value: string): void {
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  act(() => {
    setter?.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

export function click(el: HTMLElement): void {
  act(() => el.click());
}

/** Lets pending promises (fake fetches, state updates) settle. */
export async function flush(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/**
 * Waits until `check` holds. The limit is generous because CI runs two test files per core's
 * worth of load: a check that holds returns at once, so only a failing test pays for it.
 */
export async function waitFor(check: () => boolean, what = 'condition', timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await flush();
  }
}

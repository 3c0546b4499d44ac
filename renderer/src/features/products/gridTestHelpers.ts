import { act } from 'react';
import { changeValue, flush, waitFor } from '../../test/dom';

/**
 * AG Grid under jsdom is slow to draw, more so on a busy machine: these tests wait on behaviour
 * (a row appears, a message shows), never on time, so a generous limit costs nothing when all is well.
 */
export const SLOW = 20_000;

/** The SKUs of the rows the grid shows, in order (rows can be drawn once per pinned section). */
export function shownSkus(): string[] {
  return [...new Set([...document.querySelectorAll('.ag-row[row-id]')].map((r) => r.getAttribute('row-id') ?? ''))];
}

export function gridCell(sku: string, colId: string): HTMLElement {
  const cell = document.querySelector<HTMLElement>(`.ag-row[row-id="${sku}"] [col-id="${colId}"]`);
  if (!cell) throw new Error(`No cell ${colId} in row ${sku}`);
  return cell;
}

/** Double-clicks a cell (as a person starts an edit), types a value and presses Enter. */
export async function editCell(sku: string, colId: string, value: string): Promise<void> {
  const cell = gridCell(sku, colId);
  act(() => {
    cell.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, detail: 2 }));
  });
  await waitFor(() => cell.querySelector('input') !== null, `the editor in ${sku} ${colId}`, SLOW);
  const input = cell.querySelector('input');
  if (!input) throw new Error('No editor input');
  changeValue(input, value);
  act(() => {
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  });
  await flush();
}

/** Picks a file in a file input, as the browser's file dialog does. */
export function pickFile(input: HTMLInputElement, file: File): void {
  Object.defineProperty(input, 'files', { configurable: true, value: [file] });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

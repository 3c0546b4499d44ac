import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** A warm jewellery gold, from a pale champagne to antique bronze. */
const gold: MantineColorsTuple = [
  '#fff8e6',
  '#fcefcc',
  '#f7dd99',
  '#f2ca62',
  '#edba36',
  '#eab01b',
  '#e2a50c',
  '#c18a02',
  '#a67700',
  '#8f6500',
];

export const theme = createTheme({
  primaryColor: 'gold',
  primaryShade: 7,
  colors: { gold },
  // Picks dark text on light gold so filled buttons stay readable.
  autoContrast: true,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  headings: { fontFamily: 'Georgia, "Times New Roman", serif', fontWeight: '600' },
});

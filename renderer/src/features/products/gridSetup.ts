import {
  CellStyleModule,
  ClientSideRowModelModule,
  DateFilterModule,
  NumberEditorModule,
  NumberFilterModule,
  QuickFilterModule,
  RenderApiModule,
  SelectEditorModule,
  TextEditorModule,
  TextFilterModule,
  themeQuartz,
  TooltipModule,
  ValidationModule,
  type Module,
} from 'ag-grid-community';

/** Only what the Products grid uses (see docs/decisions.md): smaller than AllCommunityModule. */
export const gridModules: Module[] = [
  ClientSideRowModelModule,
  TextFilterModule,
  NumberFilterModule,
  DateFilterModule,
  QuickFilterModule,
  RenderApiModule,
  TextEditorModule,
  NumberEditorModule,
  SelectEditorModule,
  CellStyleModule,
  TooltipModule,
  // Explains a missing module or a wrong option in the console while developing.
  ...(import.meta.env.DEV ? [ValidationModule] : []),
];

/** Quartz in the app's gold and system font, so the grid looks like the rest of Revive. */
export const gridTheme = themeQuartz.withParams({
  accentColor: '#c18a02',
  fontFamily: 'inherit',
  fontSize: 14,
  headerFontWeight: 600,
  headerBackgroundColor: '#fff8e6',
  rowHeight: 44,
  wrapperBorderRadius: 8,
});

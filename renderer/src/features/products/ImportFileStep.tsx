import { SpreadsheetFileStep } from '../../ui/SpreadsheetFileStep';
import { IMPORT_ACCEPT } from './importRules';
import type { ImportWizardState } from './useImportWizard';

/** Step 1: drop or pick the stock file. */
export function ImportFileStep({ wizard }: { wizard: ImportWizardState }) {
  return <SpreadsheetFileStep wizard={wizard} title="Drop your stock spreadsheet here" label="Drop a spreadsheet here" inputLabel="Spreadsheet file" accept={IMPORT_ACCEPT} />;
}

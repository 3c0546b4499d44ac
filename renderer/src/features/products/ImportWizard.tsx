import { Modal, Stepper } from '@mantine/core';
import { ImportFileStep } from './ImportFileStep';
import { ImportMappingStep } from './ImportMappingStep';
import { ImportProgressStep } from './ImportProgressStep';
import { ImportReportStep } from './ImportReportStep';
import { useImportWizard } from './useImportWizard';

/** Upload → match columns → import with progress → report. The grid reloads when it finishes. */
export function ImportWizard({ onClose, onFinished }: { onClose: () => void; onFinished: () => void }) {
  const wizard = useImportWizard(onFinished);
  return (
    <Modal opened onClose={onClose} size="1000px" title="Import a spreadsheet" closeOnClickOutside={false}>
      <Stepper active={wizard.step} size="sm" mb="md" allowNextStepsSelect={false}>
        <Stepper.Step label="File" description="CSV or Excel">
          <ImportFileStep wizard={wizard} />
        </Stepper.Step>
        <Stepper.Step label="Columns" description="Match and preview">
          <ImportMappingStep wizard={wizard} />
        </Stepper.Step>
        <Stepper.Step label="Import" description="Progress">
          <ImportProgressStep wizard={wizard} />
        </Stepper.Step>
        <Stepper.Step label="Report" description="What changed">
          <ImportReportStep wizard={wizard} onClose={onClose} />
        </Stepper.Step>
      </Stepper>
    </Modal>
  );
}

import { Modal, Stepper } from '@mantine/core';
import { CheckStep, FileStep, MappingStep, ProgressStep, ReportStep } from './ContactImportSteps';
import { useContactImport } from './useContactImport';

/** Upload → match columns → check (nothing saved) → import with progress → report. */
export function ContactImportWizard({ onClose, onFinished }: { onClose: () => void; onFinished: () => void }) {
  const wizard = useContactImport(onFinished);
  return (
    <Modal opened onClose={onClose} size="1000px" title="Import customers" closeOnClickOutside={false}>
      <Stepper active={wizard.step} size="sm" mb="md" allowNextStepsSelect={false}>
        <Stepper.Step label="File" description="CSV or Excel">
          <FileStep wizard={wizard} />
        </Stepper.Step>
        <Stepper.Step label="Columns" description="Match and preview">
          <MappingStep wizard={wizard} />
        </Stepper.Step>
        <Stepper.Step label="Check" description="Nothing saved yet">
          <CheckStep wizard={wizard} />
        </Stepper.Step>
        <Stepper.Step label="Import" description="Progress">
          <ProgressStep wizard={wizard} />
        </Stepper.Step>
        <Stepper.Step label="Report" description="What changed">
          <ReportStep wizard={wizard} onClose={onClose} />
        </Stepper.Step>
      </Stepper>
    </Modal>
  );
}

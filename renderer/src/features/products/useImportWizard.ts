import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { useLiveMessages } from '../../api/LiveContext';
import type { ImportJob, ImportMapping, ImportPreview, ProductField } from '../../api/contracts';
import { checkMapping, importFileProblem, startingMapping } from './importRules';

export const IMPORT_POLL_MS = 500;
export type WizardStep = 0 | 1 | 2 | 3;

const message = (err: unknown) => (err instanceof Error ? err.message : 'Something went wrong.');

/**
 * The import wizard: file → the server's preview and suggested mapping → run in the background,
 * followed by polling (and live progress when connected) → the report.
 */
export function useImportWizard(onFinished: () => void) {
  const client = useApiClient();
  const [step, setStep] = useState<WizardStep>(0);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview>();
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [job, setJob] = useState<ImportJob>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pollNow, setPollNow] = useState(0);
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  });

  const fileProblem = file ? importFileProblem(file) : null;

  const pick = (picked: File | null) => {
    setFile(picked);
    setError(null);
  };

  const upload = async () => {
    if (!file || fileProblem) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await client.upload('startImport', { body: file, query: { fileName: file.name } });
      setPreview(answer);
      setMapping(startingMapping(answer));
      setStep(1);
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  };

  const setField = (header: string, field: ProductField | null) => setMapping((m) => ({ ...m, [header]: field }));
  const check = checkMapping(mapping);

  const run = async () => {
    if (!preview || check.blocking) return;
    setBusy(true);
    setError(null);
    try {
      setJob(await client.call('runImport', { params: { id: preview.id }, body: { mapping } }));
      setStep(2);
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  };

  const jobId = job?.id;
  const settled = job?.status === 'done' || job?.status === 'failed';
  useEffect(() => {
    if (step !== 2 || !jobId || settled) return;
    let stopped = false;
    const timer = setTimeout(() => {
      client
        .call('getImport', { params: { id: jobId } })
        .then((next) => {
          if (stopped) return;
          setJob(next);
          setError(null);
          if (next.status === 'done') {
            setStep(3);
            finished.current();
          }
        })
        .catch((err: unknown) => !stopped && setError(message(err)))
        .finally(() => !stopped && setPollNow((n) => n + 1));
    }, IMPORT_POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // pollNow re-arms the timer after each answer.
  }, [client, step, jobId, settled, pollNow]);

  useLiveMessages((m) => {
    if (!jobId || !('jobId' in m) || m.jobId !== jobId) return;
    if (m.type === 'catalog.import.progress') {
      setJob((j) => (j && j.status !== 'done' ? { ...j, status: 'running', progress: { processed: m.processed, total: m.total } } : j));
    }
  });

  const reset = useCallback(() => {
    setStep(0);
    setFile(null);
    setPreview(undefined);
    setMapping({});
    setJob(undefined);
    setError(null);
  }, []);

  return { step, setStep, file, fileProblem, pick, upload, preview, mapping, setField, check, run, job, busy, error, reset };
}

export type ImportWizardState = ReturnType<typeof useImportWizard>;

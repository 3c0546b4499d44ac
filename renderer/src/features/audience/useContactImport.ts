import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { useLiveMessages } from '../../api/LiveContext';
import type { ContactImportJob, ContactImportMapping, ContactImportPreview } from '../../api/contracts';
import { checkContactMapping, contactFileProblem, startingContactMapping } from './contactImportRules';

export const CONTACT_IMPORT_POLL_MS = 500;
/** file → columns → check (a dry run) → import (progress) → report. */
export type ContactImportStep = 0 | 1 | 2 | 3 | 4;

const message = (err: unknown) => (err instanceof Error ? err.message : 'Something went wrong.');

/**
 * The customer import: the server reads the file and suggests a mapping; a dry run reports every
 * problem before anything is saved; the real run is followed by polling and live progress.
 */
export function useContactImport(onFinished: () => void) {
  const client = useApiClient();
  const [step, setStep] = useState<ContactImportStep>(0);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ContactImportPreview>();
  const [mapping, setMapping] = useState<ContactImportMapping>({});
  const [check, setCheck] = useState<ContactImportJob>();
  const [job, setJob] = useState<ContactImportJob>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pollNow, setPollNow] = useState(0);
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  });

  const fileProblem = file ? contactFileProblem(file) : null;
  const mappingCheck = checkContactMapping(mapping);

  const pick = (picked: File | null) => {
    setFile(picked);
    setError(null);
  };

  const upload = async () => {
    if (!file || fileProblem) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await client.upload('startContactImport', { body: file, query: { name: file.name } });
      setPreview(answer);
      setMapping(startingContactMapping(answer));
      setStep(1);
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  };

  const setTarget = (header: string, target: string | null) => {
    setMapping((m) => ({ ...m, [header]: target }));
    setCheck(undefined);
  };

  const start = async (dryRun: boolean) => {
    if (!preview || mappingCheck.blocking) return;
    setBusy(true);
    setError(null);
    try {
      const started = await client.call('runContactImport', { params: { id: preview.id }, body: { mapping, dryRun } });
      if (dryRun) {
        setCheck(started);
        setStep(2);
      } else {
        setJob(started);
        setStep(started.status === 'done' ? 4 : 3);
        if (started.status === 'done') finished.current();
      }
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  };

  // Follows whichever run is in flight (the check or the import) until it settles.
  const following = step === 2 ? check : step === 3 ? job : undefined;
  const followId = following?.id;
  const settled = following?.status === 'done' || following?.status === 'failed';
  useEffect(() => {
    if (!followId || settled || !preview) return;
    let stopped = false;
    const dry = step === 2;
    const timer = setTimeout(() => {
      client
        .call('getContactImport', { params: { id: followId } })
        .then((next) => {
          if (stopped) return;
          setError(null);
          if (dry) return setCheck(next);
          setJob(next);
          if (next.status === 'done') {
            setStep(4);
            finished.current();
          }
        })
        .catch((err: unknown) => !stopped && setError(message(err)))
        .finally(() => !stopped && setPollNow((n) => n + 1));
    }, CONTACT_IMPORT_POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // pollNow re-arms the timer after each answer.
  }, [client, step, followId, settled, preview, pollNow]);

  useLiveMessages((m) => {
    if (m.type !== 'crm.import.progress' || m.jobId !== followId) return;
    const update = (j: ContactImportJob | undefined) => (j && j.status !== 'done' ? { ...j, status: 'running' as const, progress: { processed: m.processed, total: m.total } } : j);
    if (step === 2) setCheck(update);
    else setJob(update);
  });

  const reset = useCallback(() => {
    setStep(0);
    setFile(null);
    setPreview(undefined);
    setMapping({});
    setCheck(undefined);
    setJob(undefined);
    setError(null);
  }, []);

  return { step, setStep, file, fileProblem, pick, upload, preview, mapping, setTarget, mappingCheck, check, job, start, busy, error, reset };
}

export type ContactImportState = ReturnType<typeof useContactImport>;

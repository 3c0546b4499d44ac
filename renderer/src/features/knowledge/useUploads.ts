import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { knowledgeUploads, type KnowledgeSource } from '../../api/contracts';
import { formatBytes } from '../../ui/format';

export const MAX_UPLOAD_BYTES = knowledgeUploads.uploadKnowledgeFile.maxBytes;
export const UPLOAD_EXTENSIONS = ['.pdf', '.docx', '.txt', '.md'] as const;
/** For the file picker: the extensions and their usual types. */
export const UPLOAD_ACCEPT = [
  ...UPLOAD_EXTENSIONS,
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'text/plain',
  'text/markdown',
].join(',');

/** "30 MB" rather than "30.0 MB". */
const size = (bytes: number) => formatBytes(bytes).replace('.0 ', ' ');

export type UploadState = 'waiting' | 'uploading' | 'done' | 'failed' | 'refused';

/** One file the owner dropped or chose, with how its upload went. */
export interface UploadItem {
  key: number;
  name: string;
  bytes: number;
  state: UploadState;
  /** Why it was refused or failed, in the owner's words. */
  message: string | null;
  source: KnowledgeSource | null;
}

/** Why the browser will not send this file, or null when it may go. */
export function refusal(file: { name: string; size: number }): string | null {
  const lower = file.name.toLowerCase();
  if (!UPLOAD_EXTENSIONS.some((ext) => lower.endsWith(ext))) {
    return 'Revive reads PDF, Word (.docx), text (.txt) and Markdown (.md) files. Save it as one of those and add it again.';
  }
  if (file.size > MAX_UPLOAD_BYTES) {
    return `This file is ${size(file.size)}; the most Revive takes is ${size(MAX_UPLOAD_BYTES)}. Split it or save a smaller copy (e.g. without pictures).`;
  }
  if (file.size === 0) return 'This file is empty.';
  return null;
}

/**
 * Files dropped or chosen on the Knowledge screen, uploaded one after another (the server reads
 * each before answering). Too big or the wrong kind: refused here, before anything is sent.
 */
export function useUploads(onUploaded: (source: KnowledgeSource) => void) {
  const client = useApiClient();
  const [items, setItems] = useState<UploadItem[]>([]);
  const queue = useRef<{ key: number; file: File }[]>([]);
  const running = useRef(false);
  const nextKey = useRef(1);
  const uploaded = useRef(onUploaded);
  useEffect(() => {
    uploaded.current = onUploaded;
  });

  const update = (key: number, patch: Partial<UploadItem>) => setItems((list) => list.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  const drain = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      for (let job = queue.current.shift(); job; job = queue.current.shift()) {
        const { key, file } = job;
        update(key, { state: 'uploading' });
        try {
          const source = await client.upload('uploadKnowledgeFile', { body: file, query: { name: file.name } });
          uploaded.current(source);
          update(key, source.status === 'failed' ? { state: 'failed', message: source.error ?? 'The file could not be read.', source } : { state: 'done', source });
        } catch (err) {
          update(key, { state: 'failed', message: err instanceof Error ? err.message : 'The upload failed.' });
        }
      }
    } finally {
      running.current = false;
    }
  }, [client]);

  const add = useCallback(
    (files: File[]) => {
      const added: UploadItem[] = files.map((file) => {
        const key = nextKey.current++;
        const why = refusal(file);
        if (!why) queue.current.push({ key, file });
        return { key, name: file.name, bytes: file.size, state: why ? 'refused' : 'waiting', message: why, source: null };
      });
      setItems((list) => [...added, ...list]);
      void drain();
    },
    [drain],
  );

  /** Forgets the finished rows (done, failed, refused); waiting and uploading ones stay. */
  const clearFinished = useCallback(() => setItems((list) => list.filter((i) => i.state === 'waiting' || i.state === 'uploading')), []);

  return { items, add, clearFinished };
}

import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { useLiveMessages } from '../../api/LiveContext';
import { useApi } from '../../api/useApi';
import type { KnowledgeSource } from '../../api/contracts';

/** Newest first, as the list shows them. */
function sorted(sources: KnowledgeSource[]): KnowledgeSource[] {
  return [...sources].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
}

/** Puts a source in the list (replacing the one with its id) or, with `null`, takes the id out. */
export function withSource(list: KnowledgeSource[], id: number, source: KnowledgeSource | null): KnowledgeSource[] {
  const rest = list.filter((s) => s.id !== id);
  return sorted(source ? [...rest, source] : rest);
}

const problem = (title: string, err: unknown) =>
  notifications.show({ color: 'red', title, message: err instanceof Error ? err.message : 'Something went wrong.' });

/**
 * The store's knowledge sources, kept current by `knowledge.source` live messages (a website being
 * read page by page, a file finishing) and by the answers to this screen's own actions.
 */
export function useKnowledge() {
  const client = useApiClient();
  const state = useApi('listKnowledgeSources');
  const { data, setData } = state;
  const sources = useMemo(() => sorted(data?.sources ?? []), [data]);

  // The latest list, so that updates arriving together (live messages, several uploads) all land.
  const latest = useRef<KnowledgeSource[]>([]);
  useEffect(() => {
    latest.current = data?.sources ?? [];
  }, [data]);
  const apply = useCallback(
    (id: number, source: KnowledgeSource | null) => {
      latest.current = withSource(latest.current, id, source);
      setData({ sources: latest.current });
    },
    [setData],
  );
  /**
   * The answer to one of this screen's requests. A website's live messages can overtake it (the
   * site read to the end before the "queued" answer arrives), so it never replaces a newer state.
   */
  const put = useCallback(
    (id: number, source: KnowledgeSource) => {
      const known = latest.current.find((s) => s.id === id);
      if (!known || known.updatedAt < source.updatedAt) apply(id, source);
    },
    [apply],
  );

  useLiveMessages((message) => {
    if (message.type !== 'knowledge.source') return;
    if (!data) return state.reload();
    apply(message.sourceId, message.source);
  });

  const addText = async (name: string, text: string): Promise<KnowledgeSource> => {
    const source = await client.call('addKnowledgeText', { body: { name, text } });
    put(source.id, source);
    return source;
  };

  const addUrl = async (url: string, maxPages?: number): Promise<KnowledgeSource> => {
    const source = await client.call('addKnowledgeUrl', { body: maxPages ? { url, maxPages } : { url } });
    put(source.id, source);
    return source;
  };

  const reprocess = async (source: KnowledgeSource): Promise<void> => {
    try {
      put(source.id, await client.call('reprocessKnowledgeSource', { params: { id: String(source.id) }, body: {} }));
    } catch (err) {
      problem(source.kind === 'url' ? 'The site could not be read again' : 'The document could not be read again', err);
    }
  };

  const remove = async (source: KnowledgeSource): Promise<boolean> => {
    try {
      await client.call('deleteKnowledgeSource', { params: { id: String(source.id) } });
      apply(source.id, null);
      notifications.show({ color: 'teal', title: 'Deleted', message: `${source.name} is no longer used to answer shoppers.` });
      return true;
    } catch (err) {
      problem(`${source.name} was not deleted`, err);
      return false;
    }
  };

  return { state, sources, put, addText, addUrl, reprocess, remove };
}

export type KnowledgeApi = ReturnType<typeof useKnowledge>;

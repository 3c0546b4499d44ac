import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { useLiveMessages } from '../../api/LiveContext';
import type { Contact } from '../../api/contracts';

/** Contacts per request: the server caps a page; a big list arrives in several. */
export const CONTACT_PAGE = 500;
/** Changes this screen made itself are already shown; their live echo need not reload everything. */
const OWN_ECHO_MS = 5000;

/** What the server filters (the grid filters and sorts the rest in place). */
export interface ContactQuery {
  segment: number | null;
  /** Include the simulator's test shoppers. */
  test: boolean;
}

export function listQuery(query: ContactQuery): { segment?: number; test?: number } {
  return { ...(query.segment !== null ? { segment: query.segment } : {}), ...(query.test ? { test: 1 } : {}) };
}

/**
 * Every contact matching the query, page by page (rows show as the first page arrives). Saves
 * update it in place; imports and changes made elsewhere (the agent, auto-tagging) reload it.
 */
export function useContactList(query: ContactQuery) {
  const { segment, test } = query;
  const client = useApiClient();
  const [contacts, setContacts] = useState<Contact[]>();
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<unknown>();
  /** Contacts in the whole store (not only the segment shown), for "All contacts". */
  const [allTotal, setAllTotal] = useState(0);
  const [generation, setGeneration] = useState(0);
  // Complete once every page for the current query and generation has arrived.
  const requestKey = `${segment}|${test}|${generation}`;
  const [completeKey, setCompleteKey] = useState<string>();
  const own = useRef(new Map<number, number>());

  useEffect(() => {
    const controller = new AbortController();
    const q = listQuery({ segment, test });
    void (async () => {
      try {
        let loaded: Contact[] = [];
        for (;;) {
          const page = await client.call('listContacts', { query: { ...q, limit: CONTACT_PAGE, offset: loaded.length }, signal: controller.signal });
          if (controller.signal.aborted) return;
          loaded = [...loaded, ...page.contacts];
          setContacts(loaded);
          setTotal(page.total);
          if (segment === null) setAllTotal(page.total);
          setError(undefined);
          if (page.contacts.length === 0 || loaded.length >= page.total) break;
        }
        setCompleteKey(requestKey);
      } catch (err) {
        if (!controller.signal.aborted) setError(err);
      }
    })();
    return () => controller.abort();
  }, [client, segment, test, requestKey]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useLiveMessages((message) => {
    if (message.type !== 'crm.contacts') return;
    const now = Date.now();
    if (!message.ids.every((id) => now - (own.current.get(id) ?? 0) < OWN_ECHO_MS)) reload();
  });

  const markOwn = useCallback((ids: number[]) => {
    const now = Date.now();
    for (const id of ids) own.current.set(id, now);
  }, []);

  /** Shows a contact the server just saved for this screen. */
  const upsert = useCallback((saved: Contact) => {
    own.current.set(saved.id, Date.now());
    setContacts((list) => list?.map((c) => (c.id === saved.id ? saved : c)));
  }, []);

  return { contacts, total, allTotal, complete: completeKey === requestKey, error, reload, upsert, markOwn };
}

export type ContactList = ReturnType<typeof useContactList>;

import { useCallback, useEffect, useRef } from 'react';

/**
 * `reload` at most once per `ms`: live messages can arrive in bursts (a busy shop), and a table
 * only needs the latest state, not one request per message.
 */
export function useThrottledReload(reload: () => void, ms = 2000): () => void {
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(reload);
  useEffect(() => {
    latest.current = reload;
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return useCallback(() => {
    if (timer.current) return;
    const wait = Math.max(0, last.current + ms - Date.now());
    timer.current = setTimeout(() => {
      timer.current = null;
      last.current = Date.now();
      latest.current();
    }, wait);
  }, [ms]);
}

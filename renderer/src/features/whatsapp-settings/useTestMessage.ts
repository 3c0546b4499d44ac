import { useEffect, useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { ApiClientError } from '../../api/client';
import type { OutboxItem } from '../../api/contracts';
import { useLiveMessages } from '../../api/LiveContext';
import { describeOutbox } from './outboxLabels';
import { toE164 } from './phone';
import { hideProblem, showProblem } from './problem';

const POLL_MS = 2500;

/**
 * "Send test message": the number is normalised here (+91 assumed), the message queued through
 * the outbox, and its status followed by live messages — with a slow poll for when the live
 * connection is down.
 */
export function useTestMessage() {
  const client = useApiClient();
  const [item, setItem] = useState<OutboxItem | null>(null);
  const [sending, setSending] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);

  useLiveMessages((m) => {
    if (m.type !== 'whatsapp.outbox') return;
    setItem((prev) => (prev && prev.id === m.id ? { ...prev, status: m.status, delivery: m.delivery, wamid: m.wamid, errorCode: m.errorCode, error: m.error } : prev));
  });

  const id = item?.id;
  const final = item ? describeOutbox(item).final : true;
  useEffect(() => {
    if (!id || final) return;
    const timer = setInterval(() => {
      client.call('getOutboxItem', { params: { id } }).then(
        (fresh) => setItem((prev) => (prev?.id === fresh.id ? fresh : prev)),
        () => {},
      );
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [client, id, final]);

  async function send(input: string) {
    hideProblem();
    const to = toE164(input);
    if (!to) {
      setFieldError('Enter a mobile number with its country code, e.g. +91 98765 43210');
      return;
    }
    setFieldError(null);
    setSending(true);
    setItem(null);
    try {
      setItem(await client.call('sendTestMessage', { body: { to } }));
    } catch (err) {
      if (err instanceof ApiClientError) setFieldError(err.fields.to ?? err.fields.recipient ?? null);
      showProblem('The test message was not sent', err);
    } finally {
      setSending(false);
    }
  }

  return { item, sending, fieldError, clearFieldError: () => setFieldError(null), send };
}

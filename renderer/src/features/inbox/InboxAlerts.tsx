import { Indicator } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInbox } from '@tabler/icons-react';
import { useEffect } from 'react';
import type { InboxAlert } from '../../api/contracts';
import { useApi } from '../../api/useApi';
import { useLiveMessages } from '../../api/LiveContext';
import { changesInbox, INBOX_READ_EVENT } from './useInbox';

const ASKED_KEY = 'revive.notifications.asked';

/** Asks for desktop notifications once (remembered), when the browser or Electron allows asking. */
function askOnce(): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'default') return;
  try {
    if (localStorage.getItem(ASKED_KEY)) return;
    localStorage.setItem(ASKED_KEY, new Date().toISOString());
  } catch {
    // storage unavailable: ask anyway, once per session
  }
  void Notification.requestPermission().catch(() => undefined);
}

/** The owner's alert for a handoff: in the app, and on the desktop when allowed. */
export function alertOwner(a: InboxAlert): void {
  const title = `${a.contactLabel} needs you`;
  const message = `${a.agentName ? `${a.agentName} handed over: ` : ''}${a.reason}`;
  notifications.show({ id: `inbox-${a.threadId}-${a.time}`, color: 'orange', title, message, autoClose: 10000 });
  if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
    try {
      const n = new Notification(title, { body: message, tag: `inbox-${a.threadId}` });
      n.onclick = () => window.focus();
    } catch {
      // some platforms refuse notifications from a page: the in-app one is enough
    }
  }
}

/**
 * The Inbox's nav icon: the unread badge (threads a person holds with unread messages), and the
 * owner's alerts, which live here because the navigation is always on screen.
 */
export function InboxNavIcon() {
  const { data, reload } = useApi('listInboxThreads');
  useEffect(askOnce, []);
  useEffect(() => {
    window.addEventListener(INBOX_READ_EVENT, reload);
    return () => window.removeEventListener(INBOX_READ_EVENT, reload);
  }, [reload]);
  useLiveMessages((m) => {
    if (m.type === 'inbox.alert' && m.notify) alertOwner(m);
    if (changesInbox(m)) reload();
  });
  const unread = data?.unread ?? 0;
  return (
    <Indicator label={unread > 99 ? '99+' : unread} size={16} color="red" disabled={unread === 0} offset={2} aria-label={unread ? `${unread} unread` : undefined}>
      <IconInbox size={18} />
    </Indicator>
  );
}

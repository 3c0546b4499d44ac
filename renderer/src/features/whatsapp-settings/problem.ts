import { notifications } from '@mantine/notifications';

const PROBLEM_ID = 'whatsapp-settings-problem';

/** One problem notice at a time on this screen: a newer one replaces the last. */
export function showProblem(title: string, error: unknown): void {
  notifications.hide(PROBLEM_ID);
  notifications.show({ id: PROBLEM_ID, color: 'red', title, message: error instanceof Error ? error.message : String(error) });
}

export function hideProblem(): void {
  notifications.hide(PROBLEM_ID);
}

export function showSaved(title: string, message: string): void {
  notifications.show({ color: 'teal', title, message });
}

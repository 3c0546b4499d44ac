import { Badge } from '@mantine/core';

interface SecretState {
  set: boolean;
  hint: string | null;
  source?: 'settings' | 'env' | null;
}

/** Whether a secret is set, by its last characters only ("Set ••••abcd"); never the value. */
export function SecretBadge({ secret, variable }: { secret: SecretState | undefined; variable?: string }) {
  if (!secret?.set) {
    return (
      <Badge color="gray" variant="light">
        Not set
      </Badge>
    );
  }
  if (secret.source === 'env') {
    return (
      <Badge color="blue" variant="light" tt="none">
        Set by {variable ?? 'an environment variable'}
      </Badge>
    );
  }
  return (
    <Badge color="teal" variant="light" tt="none">
      Set {secret.hint ?? ''}
    </Badge>
  );
}

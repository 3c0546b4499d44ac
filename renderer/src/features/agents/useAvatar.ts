import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { ApiClientError } from '../../api/client';
import { agentsUploads, type Agent } from '../../api/contracts';
import { formatBytes } from '../../ui/format';

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

/** Why a picked or dropped file cannot be an avatar, or null when it can. */
export function avatarFileProblem(file: File): string | null {
  const typeOk = IMAGE_TYPES.includes(file.type) || /\.(png|jpe?g|webp)$/i.test(file.name);
  if (!typeOk) return `“${file.name}” is not a PNG, JPEG or WebP picture.`;
  const max = agentsUploads.uploadAvatar.maxBytes;
  if (file.size > max) return `“${file.name}” is ${formatBytes(file.size)}; a picture can be at most ${formatBytes(max)}.`;
  return null;
}

export type AvatarBusy = 'upload' | 'generate' | 'remove' | null;

/** Uploads, generates or removes one agent's avatar; each answers with the changed agent. */
export function useAvatar(agent: Agent, onChanged: (agent: Agent) => void) {
  const client = useApiClient();
  const [busy, setBusy] = useState<AvatarBusy>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const id = String(agent.id);

  const run = async (kind: Exclude<AvatarBusy, null>, work: () => Promise<Agent>, done: string) => {
    setBusy(kind);
    setProblem(null);
    setFieldError(null);
    try {
      const saved = await work();
      onChanged(saved);
      notifications.show({ color: 'teal', title: done, message: saved.name });
      return true;
    } catch (err) {
      if (err instanceof ApiClientError && err.fields.description) setFieldError(err.fields.description);
      else setProblem(err instanceof Error ? err.message : 'Something went wrong.');
      return false;
    } finally {
      setBusy(null);
    }
  };

  return {
    busy,
    problem,
    fieldError,
    upload: (file: File) => {
      const why = avatarFileProblem(file);
      if (why) {
        setProblem(why);
        return Promise.resolve(false);
      }
      return run('upload', () => client.upload('uploadAvatar', { params: { id }, body: file }), 'Avatar uploaded');
    },
    generate: (description: string) => run('generate', () => client.call('generateAvatar', { params: { id }, body: { description } }), 'Avatar made'),
    remove: () => run('remove', () => client.call('deleteAvatar', { params: { id } }), 'Avatar removed'),
  };
}

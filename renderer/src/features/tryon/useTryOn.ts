import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import type { TryOnAnchor, TryOnPhoto } from '../../api/contracts';
import { useApi } from '../../api/useApi';

const message = (err: unknown) => (err instanceof Error ? err.message : 'Something went wrong.');

/** The try-on screen's data: anchors per category, stored photos, and the owner's sample photo. */
export function useTryOn() {
  const client = useApiClient();
  const anchors = useApi('getTryOnAnchors');
  const photos = useApi('listTryOnPhotos');
  const [sample, setSample] = useState<TryOnPhoto | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadProblem, setUploadProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function uploadSample(file: File): Promise<void> {
    setUploading(true);
    setUploadProblem(null);
    try {
      setSample(await client.upload('uploadTryOnPhoto', { body: file }));
      photos.reload();
    } catch (err) {
      setUploadProblem(message(err));
    } finally {
      setUploading(false);
    }
  }

  async function saveAnchor(category: string, anchor: TryOnAnchor, label: string): Promise<void> {
    setSaving(true);
    try {
      anchors.setData(await client.call('putTryOnAnchor', { params: { category }, body: anchor }));
      notifications.show({ color: 'teal', title: 'Spot saved', message: `${label} now go here on every shopper's photo.` });
    } catch (err) {
      notifications.show({ color: 'red', title: 'The spot could not be saved', message: message(err) });
    } finally {
      setSaving(false);
    }
  }

  async function resetAnchor(category: string): Promise<TryOnAnchor | null> {
    try {
      const next = await client.call('resetTryOnAnchor', { params: { category } });
      anchors.setData(next);
      return next.anchors[category as keyof typeof next.anchors] ?? null;
    } catch (err) {
      notifications.show({ color: 'red', title: 'Could not reset', message: message(err) });
      return null;
    }
  }

  async function deletePhoto(photo: TryOnPhoto): Promise<void> {
    try {
      await client.call('deleteTryOnPhoto', { params: { id: String(photo.id) } });
      if (sample?.id === photo.id) setSample(null);
      photos.reload();
      notifications.show({ color: 'teal', title: 'Photo deleted', message: 'The photo and its try-on pictures are gone.' });
    } catch (err) {
      notifications.show({ color: 'red', title: 'Could not delete', message: message(err) });
    }
  }

  return { anchors, photos, sample, uploading, uploadProblem, saving, uploadSample, saveAnchor, resetAnchor, deletePhoto };
}

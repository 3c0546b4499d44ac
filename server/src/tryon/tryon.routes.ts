import express, { Router, type Request, type Response } from 'express';
import { tryonApi, tryonFiles, tryonUploads, TryOnPreviewQuerySchema } from '../contracts/index.js';
import { route } from '../http/index.js';
import { DomainError, fieldErrors } from '../shared/errors.js';
import type { TryOnService } from './tryon.service.js';

const local = (path: string) => path.replace(/^\/api/, '');

function id(req: Request): number {
  const n = Number(req.params.id);
  if (!Number.isInteger(n) || n < 1) throw new DomainError('validation', 'The id must be a whole number');
  return n;
}

/** Pictures of shoppers: private, never cached by a shared cache, never sniffed. */
function sendJpeg(res: Response, file: string): void {
  res.set('Cache-Control', 'private, no-store');
  res.type('image/jpeg');
  res.sendFile(file, { dotfiles: 'allow' });
}

/** The try-on admin API (anchors, photos, preview) and its image routes. Thin: the rules live in the service. */
export function tryonRoutes(tryon: TryOnService): Router {
  const r = Router();
  route(r, tryonApi.getTryOnAnchors, () => tryon.anchors());
  route(r, tryonApi.putTryOnAnchor, ({ body, params }) => tryon.setAnchor(params.category ?? '', body));
  route(r, tryonApi.resetTryOnAnchor, ({ params }) => tryon.resetAnchor(params.category ?? ''));
  route(r, tryonApi.listTryOnPhotos, () => tryon.list());
  route(r, tryonApi.deleteTryOnPhoto, ({ req }) => tryon.deletePhoto(id(req)));

  const upload = tryonUploads.uploadTryOnPhoto;
  r.post(local(upload.path), express.raw({ type: () => true, limit: upload.maxBytes }), async (req, res) => {
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) throw new DomainError('validation', 'Send the photo itself as the body (Content-Type: application/octet-stream)');
    res.json(upload.response.parse(await tryon.upload(req.body)));
  });
  r.get(local(tryonFiles.photoImage), (req, res) => sendJpeg(res, tryon.photoFile(id(req))));
  r.get(local(tryonFiles.resultImage), (req, res) => sendJpeg(res, tryon.resultFile(id(req))));
  r.get(local(tryonFiles.preview), async (req, res) => {
    const q = TryOnPreviewQuerySchema.safeParse(req.query);
    if (!q.success) throw new DomainError('validation', 'The preview query is not valid', fieldErrors(q.error.issues));
    const { sku, pair, ...rest } = q.data;
    const override = { ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)), ...(pair ? { pair: pair === 'true' } : {}) };
    const jpeg = await tryon.preview(id(req), sku, override);
    res.set('Cache-Control', 'private, no-store');
    res.type('image/jpeg').send(jpeg);
  });
  return r;
}

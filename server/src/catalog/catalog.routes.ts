import express, { Router, type Request } from 'express';
import { api, catalogFiles, catalogUploads } from '../contracts/index.js';
import { route } from '../http/index.js';
import { DomainError } from '../shared/errors.js';
import type { ImportService } from './import.service.js';
import type { ProductService } from './product.service.js';

const local = (path: string) => path.replace(/^\/api/, '');

/** The raw body of an upload route, with that route's own size limit (the JSON limit is 1 MB). */
function rawBody(limit: number) {
  return express.raw({ type: 'application/octet-stream', limit });
}

function bytesOf(req: Request): Buffer {
  if (!Buffer.isBuffer(req.body)) throw new DomainError('unsupported_media_type', 'Send the file itself as the body, with Content-Type: application/octet-stream');
  return req.body;
}

const param = (req: Request, name: string) => String(req.params[name] ?? '');

/** Products and the import wizard. Thin: every rule lives in the services. */
export function catalogRoutes(products: ProductService, imports: ImportService): Router {
  const r = Router();
  route(r, api.listProducts, () => products.list());
  route(r, api.getProduct, ({ params }) => products.get(params.sku ?? ''));
  route(r, api.createProduct, ({ body }) => products.create(body));
  route(r, api.updateProduct, ({ body, params }) => products.update(params.sku ?? '', body));
  route(r, api.deleteProduct, ({ params }) => products.delete(params.sku ?? ''));
  route(r, api.deleteProductImage, ({ params }) => products.removeImage(params.sku ?? ''));

  r.post(local(catalogUploads.uploadProductImage.path), rawBody(catalogUploads.uploadProductImage.maxBytes), async (req, res) => {
    res.json(catalogUploads.uploadProductImage.response.parse(await products.setImage(param(req, 'sku'), bytesOf(req))));
  });
  r.get(local(catalogFiles.productImage), (req, res) => {
    const image = products.image(param(req, 'sku'));
    // Revalidated on every view (a 304 when unchanged), so a new upload shows at once.
    res.set('Cache-Control', 'private, no-cache');
    // The data dir may sit under a dot folder (~/.local/share/Revive): allow it, the path is ours.
    if ('file' in image) return res.sendFile(image.file, { dotfiles: 'allow' });
    res.type('image/svg+xml').send(image.svg);
  });

  route(r, api.listImports, () => imports.list());
  route(r, api.getImport, ({ params }) => imports.get(params.id ?? ''));
  route(r, api.runImport, ({ body, params }) => imports.run(params.id ?? '', body));
  r.post(local(catalogUploads.startImport.path), rawBody(catalogUploads.startImport.maxBytes), async (req, res) => {
    const fileName = typeof req.query.fileName === 'string' ? req.query.fileName : undefined;
    res.json(catalogUploads.startImport.response.parse(await imports.upload(bytesOf(req), fileName)));
  });
  r.get(local(catalogFiles.rejectedRowsCsv), (req, res) => {
    const id = param(req, 'id');
    const csv = imports.rejectedCsv(id);
    const name = imports.get(id).fileName.replace(/\.(csv|xlsx)$/i, '').replace(/[^\w.-]+/g, '_');
    res.type('text/csv; charset=utf-8').attachment(`${name}-rejected.csv`).send(csv);
  });
  return r;
}

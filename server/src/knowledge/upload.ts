import type { Request, Response } from 'express';
import { DomainError } from '../shared/errors.js';

/**
 * An upload's body, read as a stream and never held beyond `limit` bytes: a Content-Length over
 * the limit is refused before reading anything, and a body without one (or one that lies) is
 * counted as it arrives and refused the moment it passes the limit. A refused upload's connection
 * is closed once the 413 is sent, so the rest of a huge body is never read.
 */
export function readUpload(req: Request, res: Response, limit: number): Promise<Buffer> {
  const tooLarge = (bytes: number | null) => {
    res.set('Connection', 'close');
    res.on('finish', () => req.socket.destroySoon());
    const mb = (n: number) => (n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0);
    return new DomainError(
      'payload_too_large',
      bytes === null ? `The file is larger than ${mb(limit)} MB, the largest accepted` : `The file is ${mb(bytes)} MB; the largest accepted is ${mb(limit)} MB`,
    );
  };
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge(declared));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const done = (err?: Error) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
      if (err) reject(err);
      else resolve(Buffer.concat(chunks, total));
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        chunks.length = 0;
        req.pause();
        done(tooLarge(null));
      } else chunks.push(chunk);
    };
    const onEnd = () => done();
    const onError = (err: Error) => done(err);
    const onAborted = () => done(new DomainError('validation', 'The upload was interrupted'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}

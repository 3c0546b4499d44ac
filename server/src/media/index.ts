import type { Logger } from 'pino';
import type { DomainModule } from '../domains.js';
import { mediaRoutes } from './media.routes.js';

export { PUBLIC_MEDIA_FOLDERS, publicMediaPath } from './public-media.js';

/** Serves the public media folders (product photos) on the public listener, for Meta to fetch. */
export function mediaModule(mediaRoot: string, log: Logger): DomainModule {
  return { name: 'media', publicRouters: [mediaRoutes(mediaRoot, log)] };
}

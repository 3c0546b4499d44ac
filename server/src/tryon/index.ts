/** Virtual try-on: the shopper's photo, the product composed on it, kept only as long as the store says. */
export { createTryOn, type TryOnDeps, type TryOn } from './tryon.module.js';
export { createTryOnService, type TryOnService, type TryOnProduct, type TryOnOutcome, DEFAULT_RETENTION_DAYS } from './tryon.service.js';
export { tryOnPhotoHook } from './hook.js';
export { DISCLAIMER as TRYON_DISCLAIMER } from './compose.js';

export { createAdminApp, JSON_LIMIT } from './admin-app.js';
export { createPublicApp } from './public-app.js';
export { attachLive, LIVE_PATH, MAX_BUFFERED_BYTES } from './live.js';
export { listenLoopback, closeServer } from './listen.js';
export { Session, SESSION_COOKIE } from './session.js';
export { route } from './typed-route.js';

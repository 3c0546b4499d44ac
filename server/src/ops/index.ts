export { Bus } from './bus.js';

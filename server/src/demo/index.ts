export { readDemo, applyDemo, type DemoStore, type DemoSummary } from './load-demo.js';

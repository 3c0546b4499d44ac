export { readDemo, applyDemo, type DemoStore, type DemoSummary, type DemoTarget } from './load-demo.js';

export { readDemo, applyDemo, type DemoStore, type DemoSummary, type DemoTarget } from './load-demo.js';
export { DEMO_AGENTS, seedDemoAgents, type DemoAgentsTarget } from './demo-agents.js';

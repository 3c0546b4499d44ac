export { createPipeline, type PipelineDeps, type Pipeline } from './pipeline.module.js';
export { createPipelineService, type PipelineService, OPEN_STAGES } from './pipeline.service.js';
export { OWNER_HOLD_MINUTES, asksDiscount, titleFrom, type PipelineSignal, type SignalData } from './pipeline.auto.js';

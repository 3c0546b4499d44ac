export { createOfflineModel, OFFLINE_MODEL } from './model.js';
export { classifyIntent, readIntent, INTENTS, type Intent, type IntentReading, type IntentContext } from './intent.js';
export { detectLanguage } from './text.js';

export { createMistralModel, MISTRAL_CHAT_MODEL, type MistralModelOptions } from './model.js';
export { BAD_KEY_MESSAGE } from './errors.js';
export { mistralToolCallId } from './wire.js';

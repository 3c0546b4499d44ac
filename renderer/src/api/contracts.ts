/**
 * The renderer's single doorway to the shared contracts: the only server-side code it may import.
 * Everything else in the renderer imports schemas and types from here.
 */
export * from '../../../server/src/contracts/index.js';

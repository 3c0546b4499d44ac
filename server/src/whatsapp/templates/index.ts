/** Message templates: list from Meta, cache, send approved ones. Wired in domains.ts. */
export { createTemplates, type TemplatesModuleDeps, type Templates } from './templates.module.js';
export { countVariables, templateInfo } from './template-info.js';

export { createAgents, avatarsDir, type AgentsDeps } from './agents.module.js';
export { createAgentsService, copyName, FIRST_AGENT, type AgentsService, type AgentSkillCatalog } from './agents.service.js';
export { personaInstructions, band, type Band } from './persona.js';
export { illustratedOptions, illustratedSvg, normaliseDescription, type AvatarGenerator } from './avatar.js';

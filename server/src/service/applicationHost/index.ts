// The applicationHost.config language service: the model, its outline and its diagnostics.

export * from './model';
export { applicationHostSymbols } from './outline';
export { type AppFacts, validateApplicationHost } from './validation';
export { APPLICATION_HOST_RULES } from './rules/registry';
export type { AppHostRule } from './rules/types';

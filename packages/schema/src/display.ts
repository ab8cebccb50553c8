// The zod-free part of the schema package: labels, numbering and text folding, for browser bundles
// and terminals that should not load the validators (`@claimscope/schema/display`).
export * from './labels.js';
export * from './numbering.js';
export * from './text.js';

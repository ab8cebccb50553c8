// The zod-free part of the schema package: labels, numbering and text folding, for browser bundles
// and terminals that should not load the validators (`@claimscope/schema/display`).
// Extensionless on purpose: Next's Turbopack (16.4) does not map "./labels.js" to labels.ts in a
// workspace package, and every other consumer (tsc with Bundler resolution, vitest, tsx,
// tsdown) resolves these as well. The files it re-exports hold only type imports besides.
export * from './labels';
export * from './numbering';
export * from './text';

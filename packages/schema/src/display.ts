// The zod-free part of the schema package: labels, numbering and text folding, for browser bundles
// and terminals that should not load the validators (`@claimscope/schema/display`). The
// specifiers carry no extension because Turbopack, which compiles this file for the web site,
// does not map `./x.js` to `./x.ts` as TypeScript and tsx do.

export * from './counts';
export * from './document-diff';
export * from './labels';
export * from './numbering';
export * from './quote-context';
export * from './text';

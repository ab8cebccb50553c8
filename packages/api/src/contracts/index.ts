export * from './articles.js';
export * from './claims.js';
export * from './entities.js';
export * from './pagination.js';
export * from './relations.js';
export * from './search.js';
export * from './shared.js';
export * from './stats.js';

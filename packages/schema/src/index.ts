export * from './anchor.js';
export * from './article.js';
export * from './claim.js';
export * from './document.js';
export * from './entity.js';
export * from './limits.js';
export * from './provenance.js';
export * from './relation.js';

import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../src/index.js';
import { makeFixtureDocument } from '../src/testing/fixture-document.js';
import { describeStoreContract } from '../src/testing/store-contract.js';

describeStoreContract('memory store', async (documents) => createMemoryStore(documents));

describe('createMemoryStore refuses inconsistent input', () => {
  it('refuses a claim id used by two articles, naming both', () => {
    const copy = makeFixtureDocument('first');
    copy.article.id = 'copy';
    expect(() => createMemoryStore([makeFixtureDocument('first'), copy])).toThrow(
      /claim id "first\.c-author" is used in article "first" and again in article "copy"/,
    );
  });

  it('refuses one entity id with two kinds', () => {
    const other = makeFixtureDocument('second');
    const ap = other.entities.find((e) => e.id === 'ap');
    if (ap) ap.kind = 'organization';
    expect(() => createMemoryStore([makeFixtureDocument('first'), other])).toThrow(
      /entity "ap" is a outlet in article "first" but a organization in article "second"/,
    );
  });

  it('refuses the same article twice', () => {
    expect(() => createMemoryStore([makeFixtureDocument(), makeFixtureDocument()])).toThrow(
      /loaded twice/,
    );
  });
});

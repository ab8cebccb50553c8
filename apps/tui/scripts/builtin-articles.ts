// Prints the built-in corpus's article list as the API lists it (JSON), for the build to inline:
// start-up draws the first frame from it without loading the router or opening a store.
import { createMemoryStore } from '@claimscope/api';
import { loadCorpus } from '@claimscope/corpus';

const page = await createMemoryStore(loadCorpus()).listArticles({ cursor: null, limit: 100 });
if (page.nextCursor !== null) throw new Error('the built-in corpus lists on more than one page');
process.stdout.write(JSON.stringify(page.items));

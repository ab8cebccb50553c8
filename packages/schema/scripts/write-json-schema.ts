// Writes the JSON Schema of the document format, so tools outside TypeScript can validate too.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ArticleDocumentSchema } from '../src/index.js';

const out = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'generated',
  'article-document.schema.json',
);
const schema = z.toJSONSchema(ArticleDocumentSchema, { target: 'draft-2020-12', io: 'input' });
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ ...schema, $id: 'https://claimscope.dev/schema/article-document.v1.json', title: 'claimscope article document' }, null, 2)}\n`,
);
console.log(`wrote ${out}`);

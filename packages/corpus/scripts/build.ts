// Resolves every article's annotations, validates the result and writes
// `generated/<article-id>.json`. Exits non-zero listing every problem.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateArticleDocument } from '@claimscope/schema';
import { ARTICLE_SOURCES, resolveSource } from '../src/sources.js';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'generated');
let failed = false;

for (const source of ARTICLE_SOURCES) {
  const where = `articles/${source.dir}/annotations.ts`;
  const { document, problems } = resolveSource(source);
  if (problems.length > 0) {
    failed = true;
    console.error(`${where}: ${problems.length} problem(s) resolving annotations`);
    for (const p of problems) console.error(`  - ${p}`);
    continue;
  }
  const result = await validateArticleDocument(document);
  if (!result.ok) {
    failed = true;
    console.error(`${where}: the built document does not validate`);
    for (const issue of result.issues) console.error(`  - ${issue.path}: ${issue.message}`);
    continue;
  }
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `${document.article.id}.json`);
  // The parsed form is canonical (schema key order, defaults filled), so re-importing it is a no-op.
  writeFileSync(out, `${JSON.stringify(result.document, null, 2)}\n`);
  const d = document;
  console.log(
    `wrote ${out}: ${d.entities.length} entities, ${d.mentions.length} mentions, ${d.claims.length} claims, ${d.claimLinks.length} claim links, ${d.relations.length} relations`,
  );
}

if (failed) process.exit(1);

// Development aid: extracts a file and prints its claims and entities.
import { readFileSync } from 'node:fs';
import { validateArticleDocument } from '@claimscope/schema';
import { extract, looksLikeHtml } from '../src/index.js';

const path = process.argv[2] as string;
const content = readFileSync(path, 'utf8');
const doc = await extract(looksLikeHtml(content, path) ? { html: content } : { text: content });
const v = await validateArticleDocument(doc);
console.log('valid:', v.ok ? 'yes' : JSON.stringify(v.issues.slice(0, 5)));
console.log(doc.article.blocks.map((b) => `${b.kind}: ${b.text.slice(0, 60)}`).join('\n'));
console.log(
  doc.article.authorIds,
  doc.article.publisherId,
  doc.article.published,
  doc.article.source,
);
for (const e of doc.entities)
  console.log(`E ${e.id} ${e.kind} ${e.name} [${e.aliases.map((a) => a.name).join(', ')}]`);
for (const c of doc.claims)
  console.log(
    `C ${c.id} ${c.kind} spk=${c.speakerId} src=${c.source?.quote.exact} cue=${c.cue?.quote.exact} ch=${c.channel.kind}/${c.channel.outletId} ${c.modality}/${c.polarity} cont=${c.content.map((a) => a.quote.exact.slice(0, 50)).join(' | ')}${c.continuesId ? ` <-${c.continuesId}` : ''}`,
  );
for (const r of doc.relations)
  console.log(`R ${r.subjectId} ${r.predicate} ${r.objectId} (${r.role})`);

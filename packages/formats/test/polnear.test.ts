import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ArticleDocumentSchema } from '@claimscope/schema';
import { describe, expect, it } from 'vitest';
import { readBrat } from '../src/brat-reader.js';
import {
  findBratPairs,
  readBratPair,
  readWebAnnotations,
  writeBrat,
  writeWebAnnotations,
} from '../src/index.js';

// PolNeAR has no licence: it is read from ../shared when it is there, and nothing of it is kept.
const dev = join(fileURLToPath(new URL('.', import.meta.url)), '../../../../shared/polnear/dev');
const present = existsSync(dev);
if (!present) console.warn(`\n*** PolNeAR round trip SKIPPED: ${dev} is absent ***\n`);
if (present && process.env.CI === 'true') console.log(`PolNeAR dev split found at ${dev}`);

/** Each attribution event as its roles' spans, to see how many come out as they went in. */
function eventSignatures(ann: string): string[] {
  const spans = new Map<string, string>();
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    const [id = '', body = ''] = line.split('\t');
    if (id.startsWith('T')) spans.set(id, body.slice(body.indexOf(' ') + 1));
    if (id.startsWith('E'))
      events.push(
        body
          .trim()
          .split(' ')
          .slice(1)
          .map((arg) => {
            const [role, ref = ''] = arg.split(':');
            return `${role}=${spans.get(ref)}`;
          })
          .sort()
          .join('|'),
      );
  }
  return events;
}

describe.skipIf(!present)('PolNeAR dev split (read from ../shared/polnear, never copied)', () => {
  it('reads every article and round-trips brat and W3C to the same bytes', async () => {
    const pairs = await findBratPairs(dev);
    const totals = {
      articles: 0,
      claims: 0,
      mentions: 0,
      speakers: 0,
      unrepresented: 0,
      events: 0,
      eventsKept: 0,
    };
    const reasons = new Map<string, number>();
    let bratSame = 0;
    let w3cSame = 0;
    for (const pair of pairs) {
      const { document, unrepresented } = await readBratPair(pair);
      expect(ArticleDocumentSchema.safeParse(document).success).toBe(true);
      totals.articles++;
      totals.claims += document.claims.length;
      totals.mentions += document.mentions.length;
      totals.speakers += document.entities.length;
      totals.unrepresented += unrepresented.length;
      for (const u of unrepresented) {
        const reason = u.reason
          .replace(/[“"].*$/, '')
          .replace(/\S*\d\S*/g, '…')
          .trim();
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }

      const first = writeBrat(document);
      const again = readBrat(first.txt, first.ann, {
        articleId: document.article.id,
        origin: 'round trip',
      });
      if (writeBrat(again.document).ann === first.ann) bratSame++;

      const original = eventSignatures(await readFile(pair.annPath, 'utf8'));
      const written = new Set(eventSignatures(first.ann));
      totals.events += original.length;
      totals.eventsKept += original.filter((e) => written.has(e)).length;

      const w3c = JSON.stringify(writeWebAnnotations(document));
      const back = await readWebAnnotations(JSON.parse(w3c), document.article.text);
      expect(back.unrepresented).toEqual([]);
      if (JSON.stringify(writeWebAnnotations(back.document)) === w3c) w3cSame++;
    }
    console.log(
      [
        `PolNeAR dev: ${totals.articles} articles, ${totals.claims} claims, ${totals.mentions} mentions, ${totals.speakers} speaker entities`,
        `  brat round trip identical: ${bratSame}/${totals.articles}; W3C round trip identical: ${w3cSame}/${totals.articles}`,
        `  attribution events written back with the same Source/Cue/Content spans: ${totals.eventsKept}/${totals.events}`,
        `  listed as not represented: ${totals.unrepresented}`,
        ...[...reasons].map(([reason, n]) => `    ${n} × ${reason}`),
      ].join('\n'),
    );
    expect(totals.articles).toBe(84);
    expect(bratSame).toBe(totals.articles);
    expect(w3cSame).toBe(totals.articles);
  });
});

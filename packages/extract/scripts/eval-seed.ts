// Scores extraction of the seed article against its hand annotation in @claimscope/corpus:
// direct quotes found, right speaker, right channel, mentions by entity; prints the misses.
import { loadCorpus, SEED_ARTICLE_ID } from '@claimscope/corpus';
import { type ArticleDocument, validateArticleDocument } from '@claimscope/schema';
import { extract } from '../src/index.js';

export interface SeedScore {
  valid: boolean;
  quotes: { gold: number; found: number; speaker: number; channel: number };
  mentions: { predicted: number; gold: number; matched: number };
  misses: string[];
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;
const pos = (x: { position: { start: number; end: number } }) => x.position;

export async function scoreSeed(): Promise<SeedScore> {
  const gold = loadCorpus().find((d) => d.article.id === SEED_ARTICLE_ID) as ArticleDocument;
  const doc = await extract({ text: gold.article.text }, { id: 'seed' });
  const valid = (await validateArticleDocument(doc)).ok;
  const misses: string[] = [];
  const goldName = (id: string) => gold.entities.find((e) => e.id === id)?.name ?? id;
  const predName = (id: string) => doc.entities.find((e) => e.id === id)?.name ?? id;
  // Speakers agree when the predicted speaker's name is one of the gold speaker's names.
  const sameEntity = (goldId: string, predId: string) => {
    const g = gold.entities.find((e) => e.id === goldId);
    const p = doc.entities.find((e) => e.id === predId);
    if (!g || !p) return false;
    // The gold entity's names: its name, aliases and every surface form annotated for it.
    const forms = gold.mentions.filter((m) => m.entityId === g.id).map((m) => m.anchor.quote.exact);
    const names = [g.name, ...g.aliases.map((a) => a.name), ...forms].map((n) => n.toLowerCase());
    return [p.name, ...p.aliases.map((a) => a.name)].some((n) => names.includes(n.toLowerCase()));
  };
  const quotes = { gold: 0, found: 0, speaker: 0, channel: 0 };
  for (const g of gold.claims.filter((c) => c.kind === 'direct_quote')) {
    quotes.gold++;
    const gSpan = pos(g.content[0] as ArticleDocument['claims'][number]['content'][number]);
    // The predicted quote that matches the gold one best (the inner quote, not its container).
    const jaccard = (a: { start: number; end: number }) => {
      const inter = Math.max(0, Math.min(a.end, gSpan.end) - Math.max(a.start, gSpan.start));
      return inter / (Math.max(a.end, gSpan.end) - Math.min(a.start, gSpan.start));
    };
    const fit = (c: ArticleDocument['claims'][number]) =>
      Math.max(...c.content.map((a) => jaccard(pos(a))));
    const p = doc.claims
      .filter((c) => c.kind === 'direct_quote' && c.content.some((a) => overlap(pos(a), gSpan)))
      .sort((a, b) => fit(b) - fit(a))[0];
    const label = `"${g.content[0]?.quote.exact.slice(0, 50)}…"`;
    if (!p) {
      misses.push(`quote not found: ${label} (${goldName(g.speakerId)})`);
      continue;
    }
    quotes.found++;
    if (sameEntity(g.speakerId, p.speakerId)) quotes.speaker++;
    else
      misses.push(
        `wrong speaker: ${label}: ${predName(p.speakerId)}, expected ${goldName(g.speakerId)}`,
      );
    const outletAgrees =
      g.channel.outletId === null
        ? p.channel.outletId === null
        : p.channel.outletId !== null && sameEntity(g.channel.outletId, p.channel.outletId);
    if (g.channel.kind === p.channel.kind && outletAgrees) quotes.channel++;
    else
      misses.push(
        `wrong channel: ${label}: ${p.channel.kind}${p.channel.outletId ? ` (${predName(p.channel.outletId)})` : ''}, expected ${g.channel.kind}${g.channel.outletId ? ` (${goldName(g.channel.outletId)})` : ''}`,
      );
  }
  // Mentions: same span, and the predicted entity shares a name with the gold one.
  let matched = 0;
  const goldMentions = gold.mentions.filter((m) => m.form !== 'descriptor' || true);
  for (const g of goldMentions) {
    const p = doc.mentions.find(
      (m) =>
        m.anchor.position.start === g.anchor.position.start &&
        m.anchor.position.end === g.anchor.position.end,
    );
    if (p && sameEntity(g.entityId, p.entityId)) matched++;
    else
      misses.push(
        `mention missed: "${g.anchor.quote.exact}" (${goldName(g.entityId)})${p ? ` linked to ${predName(p.entityId)}` : ''}`,
      );
  }
  for (const p of doc.mentions)
    if (
      !gold.mentions.some(
        (g) =>
          g.anchor.position.start === p.anchor.position.start &&
          g.anchor.position.end === p.anchor.position.end,
      )
    )
      misses.push(`extra mention: "${p.anchor.quote.exact}" (${predName(p.entityId)})`);
  return {
    valid,
    quotes,
    mentions: { predicted: doc.mentions.length, gold: goldMentions.length, matched },
    misses,
  };
}

export function formatSeed(s: SeedScore): string {
  const pct = (n: number, d: number) => (d ? ((100 * n) / d).toFixed(1) : '0.0');
  const p = s.mentions.predicted ? s.mentions.matched / s.mentions.predicted : 0;
  const r = s.mentions.gold ? s.mentions.matched / s.mentions.gold : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return [
    `Seed article (hand annotation in @claimscope/corpus); extracted document ${s.valid ? 'validates' : 'DOES NOT VALIDATE'}`,
    `direct quotes found ${s.quotes.found}/${s.quotes.gold} (${pct(s.quotes.found, s.quotes.gold)} %), right speaker ${s.quotes.speaker}/${s.quotes.found} (${pct(s.quotes.speaker, s.quotes.found)} %), right channel ${s.quotes.channel}/${s.quotes.found} (${pct(s.quotes.channel, s.quotes.found)} %)`,
    `mentions P ${(100 * p).toFixed(1)}  R ${(100 * r).toFixed(1)}  F1 ${(100 * f).toFixed(1)} (${s.mentions.matched} of ${s.mentions.gold} gold, ${s.mentions.predicted} predicted)`,
    'misses:',
    ...s.misses.map((m) => `  ${m}`),
  ].join('\n');
}

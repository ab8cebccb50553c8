import { readFileSync } from 'node:fs';
import { type ArticleDocument, validateArticleDocument } from '@claimscope/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXTRACTOR_NAME, EXTRACTOR_VERSION, extract, looksLikeHtml } from '../src/index.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** Every annotation of the document, with where it is, for the provenance checks. */
function annotations(doc: ArticleDocument) {
  return [
    ...doc.entities.map((x) => ({ at: `entity ${x.id}`, provenance: x.provenance })),
    ...doc.mentions.map((x) => ({ at: `mention ${x.id}`, provenance: x.provenance })),
    ...doc.claims.map((x) => ({ at: `claim ${x.id}`, provenance: x.provenance })),
    ...doc.relations.map((x) => ({ at: `relation ${x.id}`, provenance: x.provenance })),
    { at: 'article', provenance: doc.article.provenance },
  ];
}

const speakerName = (doc: ArticleDocument, claimId: string) => {
  const claim = doc.claims.find((c) => c.id === claimId);
  return doc.entities.find((e) => e.id === claim?.speakerId)?.name;
};

/** The claim whose content starts with `words`. */
function claimSaying(doc: ArticleDocument, words: string) {
  const claim = doc.claims.find((c) => c.content[0]?.quote.exact.startsWith(words));
  if (!claim) throw new Error(`no claim whose content starts with ${JSON.stringify(words)}`);
  return claim;
}

describe('extract from plain text (a wire story written for these tests)', () => {
  const text = fixture('council-vote.txt');
  let doc: ArticleDocument;
  beforeAll(async () => {
    doc = await extract({ text }, { id: 'council-vote' });
  });

  it('passes document validation and keeps the text verbatim', async () => {
    const result = await validateArticleDocument(doc);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(doc.article.text).toBe(text);
    expect(doc.article.id).toBe('council-vote');
  });

  it('marks every annotation as made by this extractor and unreviewed', () => {
    for (const { at, provenance } of annotations(doc)) {
      expect(provenance.agent, at).toEqual({
        kind: 'rule',
        name: EXTRACTOR_NAME,
        version: EXTRACTOR_VERSION,
      });
      expect(provenance.review.status, at).toBe('unreviewed');
    }
  });

  it('types the headline, the body paragraphs and the promo at the end', () => {
    const kinds = doc.article.blocks.map((b) => b.kind);
    expect(kinds[0]).toBe('headline');
    expect(doc.article.headline).toBe('Harbor City Council Delays Vote on Bridge Tolls.');
    expect(kinds.at(-1)).toBe('related_link');
    expect(kinds.filter((k) => k === 'paragraph')).toHaveLength(10);
  });

  it('finds a direct quote given to an outlet: source, cue, speaker and interview channel', () => {
    const claim = claimSaying(doc, 'We are not going to rush this');
    expect(claim.kind).toBe('direct_quote');
    expect(claim.source?.quote.exact).toBe('Mayor Elena Marquez');
    expect(claim.cue?.quote.exact).toBe('told');
    expect(speakerName(doc, claim.id)).toBe('Elena Marquez');
    expect(claim.channel.kind).toBe('interview');
    expect(doc.entities.find((e) => e.id === claim.channel.outletId)?.name).toBe('Harbor Gazette');
  });

  it('continues a quote split by its attribution, with the same speaker and channel', () => {
    const first = claimSaying(doc, 'We are not going to rush this');
    const second = claimSaying(doc, 'People deserve to see the numbers first.');
    expect(second.continuesId).toBe(first.id);
    expect(second.speakerId).toBe(first.speakerId);
    expect(second.channel).toEqual(first.channel);
  });

  it('reads reported speech with its subject, and resolves "he added" to the last speaker', () => {
    const reported = claimSaying(doc, 'the tolls would raise');
    expect(reported.kind).toBe('indirect');
    expect(reported.source?.quote.exact).toBe(
      "Councilman David O'Neill, who chairs the transportation committee",
    );
    expect(speakerName(doc, reported.id)).toBe("David O'Neill");
    const added = claimSaying(doc, 'that the council would hold');
    expect(added.source?.quote.exact).toBe('He');
    expect(speakerName(doc, added.id)).toBe("David O'Neill");
    expect(added.modality).toBe('prediction');
  });

  it('links a surname and an acronym to the full name', () => {
    const oneill = doc.entities.find((e) => e.name === "David O'Neill");
    const surnameMentions = doc.mentions.filter(
      (m) => m.entityId === oneill?.id && m.anchor.quote.exact === "O'Neill",
    );
    expect(surnameMentions.length).toBeGreaterThan(0);
    const alliance = doc.entities.find((e) => e.name === 'Harbor Transit Alliance');
    expect(alliance?.aliases.map((a) => a.name)).toContain('HTA');
    expect(
      doc.mentions.filter((m) => m.entityId === alliance?.id).map((m) => m.anchor.quote.exact),
    ).toContain('HTA');
  });

  it('makes unnamed sources entities of their own kind', () => {
    const critics = claimSaying(doc, 'the tolls will hurt commuters');
    expect(doc.entities.find((e) => e.id === critics.speakerId)?.kind).toBe('unnamed_group');
    const analysts = claimSaying(doc, 'the vote could be delayed again');
    expect(doc.entities.find((e) => e.id === analysts.speakerId)?.kind).toBe('unnamed_group');
    expect(analysts.modality).toBe('hedged');
  });

  it('tells the channels apart: a report, a statement, a social-media post', () => {
    const report = claimSaying(doc, 'that state officials have offered');
    expect(report.channel.kind).toBe('report');
    expect(speakerName(doc, report.id)).toBe('Associated Press');
    const denial = claimSaying(doc, 'that any deal had been reached');
    expect(denial.channel.kind).toBe('statement');
    expect(denial.modality).toBe('denial');
    const tweet = claimSaying(doc, 'that she expected a decision');
    expect(tweet.channel.kind).toBe('social_media');
    expect(speakerName(doc, tweet.id)).toBe('Elena Marquez');
  });

  it('finds "according to" attributions', () => {
    const claim = claimSaying(doc, 'most drivers who cross the bridge');
    expect(claim.cue?.quote.exact).toBe('According to');
    expect(speakerName(doc, claim.id)).toBe('Harbor Transit Alliance');
  });

  it('states relations only in fixed patterns, with the evidence', () => {
    const relations = doc.relations.map((r) => [
      r.subjectId,
      r.predicate,
      r.objectId,
      r.evidence[0]?.quote.exact,
    ]);
    expect(relations).toContainEqual([
      'elena-marquez',
      'leader_of',
      'harbor-party',
      'Marquez, the leader of the Harbor Party',
    ]);
    expect(relations).toContainEqual([
      'rosa-delgado',
      'works_for',
      'harbor-transit-alliance',
      'Rosa Delgado, a spokeswoman for the HTA',
    ]);
    expect(relations).toHaveLength(2);
  });

  it("takes each claim's statement from its content", () => {
    for (const claim of doc.claims) {
      const words = claim.statement
        .replace(/[.…]+$/, '')
        .split(' ')
        .slice(0, 4)
        .join(' ');
      expect(claim.content.map((c) => c.quote.exact).join(' '), claim.id).toContain(words);
    }
  });
});

describe('quotation phenomena', () => {
  const text = [
    'Talks Resume',
    '',
    '“The first round went well,” said Amir Haddad, a negotiator. “We will meet again on Friday.”',
    '',
    '"When the minister said, \'we are ready to sign,\' everyone relaxed," Haddad added. "Then the lawyers arrived.',
    '',
    '"Nobody expected that," he said.',
  ].join('\n');
  let doc: ArticleDocument;
  beforeAll(async () => {
    doc = await extract({ text });
  });

  it('validates, with the article id taken from the headline', async () => {
    expect((await validateArticleDocument(doc)).ok).toBe(true);
    expect(doc.article.id).toBe('talks-resume');
  });

  it('reads curly quotes with an inverted attribution and its continuation', () => {
    const first = claimSaying(doc, 'The first round went well');
    expect(first.source?.quote.exact).toBe('Amir Haddad, a negotiator');
    expect(claimSaying(doc, 'We will meet again').continuesId).toBe(first.id);
  });

  it('makes a quote inside a quote its own claim, nested in the outer one', () => {
    const outer = claimSaying(doc, 'When the minister said');
    const inner = claimSaying(doc, 'we are ready to sign');
    expect(inner.parentId).toBe(outer.id);
    expect(inner.source?.quote.exact).toBe('the minister');
    expect(speakerName(doc, outer.id)).toBe('Amir Haddad');
  });

  it('attributes a paragraph-opening quote to a cue that ended the paragraph before with a colon', async () => {
    const colon = await extract({
      text: 'Budget Talks\n\nThe treasurer, Mia Holt, wrote:\n\n"We cannot spend money we do not have."',
    });
    const claim = claimSaying(colon, 'We cannot spend money');
    expect(claim.cue?.quote.exact).toBe('wrote');
    expect(claim.source?.quote.exact).toBe('The treasurer, Mia Holt');
    expect(speakerName(colon, claim.id)).toBe('Mia Holt');
  });

  it('carries a quote left open at the end of a paragraph into the next one', () => {
    const runOn = claimSaying(doc, 'Then the lawyers arrived.');
    expect(speakerName(doc, runOn.id)).toBe('Amir Haddad');
  });
});

describe('cues beyond "said" (sentences written for these tests)', () => {
  const text = [
    'Harbor Vote Nears',
    '',
    'Rep. Dana Ortiz (D-Ore.) said the harbor plan would pass. “Who pays for the dredging?” said Mayor Lee Park.',
    '',
    'Asked whether the port would close, the council declined to comment. New surveys show most residents back the plan.',
    '',
    '“We are not done,” Park continued. Ortiz spoke later, referring to the budget vote in March.',
    '',
    'The harbor bill is expected to pass in June.',
  ].join('\n');
  let doc: ArticleDocument;
  beforeAll(async () => {
    doc = await extract({ text });
  });

  it('keeps a bracketed party label and a question mark inside one sentence', () => {
    expect(claimSaying(doc, 'the harbor plan').source?.quote.exact).toBe(
      'Rep. Dana Ortiz (D-Ore.)',
    );
    expect(claimSaying(doc, 'Who pays for the dredging?').source?.quote.exact).toBe(
      'Mayor Lee Park',
    );
  });

  it('reads a question put by someone unnamed ("Asked whether …") without a source', () => {
    const asked = claimSaying(doc, 'whether the port would close');
    expect(asked.cue?.quote.exact).toBe('Asked');
    expect(asked.source).toBeNull();
  });

  it('gives a passive cue no source and keeps its subject in the content', () => {
    const expected = claimSaying(doc, 'The harbor bill');
    expect(expected.cue?.quote.exact).toBe('is expected');
    expect(expected.source).toBeNull();
    expect(expected.content.map((c) => c.quote.exact)).toEqual([
      'The harbor bill',
      'to pass in June',
    ]);
  });

  it('reads evidence verbs the tagger takes for nouns, verb and preposition cues, and quote-only cues', () => {
    expect(claimSaying(doc, 'most residents back').source?.quote.exact).toBe('New surveys');
    expect(claimSaying(doc, 'the budget vote').cue?.quote.exact).toBe('referring to');
    expect(speakerName(doc, claimSaying(doc, 'We are not done').id)).toBe('Lee Park');
  });
});

describe('long and nested sources, polls and asides (sentences written for these tests)', () => {
  const text = [
    'Ferry Fares Rise',
    '',
    '"The fares are too high," said Ann Smith, a former ferry captain and now head of the riders’ union. "Nobody asked us."',
    '',
    '"The boats are always late," said one commuter who asked not to be named.',
    '',
    "''I tell my friends, 'Take the bus instead,''' said Mr. Reyes, who runs a cafe by the pier.",
    '',
    '“The old board would never have raised fares. Nor would the mayor,” Cross wrote. “We deserve better.”',
    '',
    '"The pumps failed twice this winter. Who pays for the repairs?" the clerk said, according to the Gazette.',
    '',
    'In a Tribune poll released Monday, most riders said the fares were unfair. The ferry line still leads in the polls.',
    '',
    'As Jo Lane, the harbor master, put it: "The schedule will not change."',
    '',
    'Sen. Rita Vale (D-Ore.), chair of the transport panel, said — on the radio, no less — that the fares would be reviewed.',
  ].join('\n');
  let doc: ArticleDocument;
  beforeAll(async () => {
    doc = await extract({ text });
  });

  it('takes an inverted source with a coordinated appositive or a relative clause', () => {
    expect(claimSaying(doc, 'The fares are too high').source?.quote.exact).toBe(
      'Ann Smith, a former ferry captain and now head of the riders’ union',
    );
    expect(claimSaying(doc, 'The boats are always late').source?.quote.exact).toBe(
      'one commuter who asked not to be named',
    );
  });

  it("closes a quote at ''' (a nested single mark, then the doubled one)", () => {
    const quote = claimSaying(doc, 'I tell my friends');
    expect(quote.source?.quote.exact).toBe('Mr. Reyes, who runs a cafe by the pier');
    expect(quote.content[0]?.quote.exact).toBe("I tell my friends, 'Take the bus instead,'");
  });

  it('takes a name the tagger reads as a verb as the source ("Cross wrote")', () => {
    expect(claimSaying(doc, 'The old board').source?.quote.exact).toBe('Cross');
    expect(claimSaying(doc, 'We deserve better').kind).toBe('direct_quote');
  });

  it('gives "X said, according to Y" to Y, with the whole quote as content', () => {
    const reported = claimSaying(doc, 'The pumps failed twice');
    expect(reported.cue?.quote.exact).toBe('according to');
    expect(reported.source?.quote.exact).toBe('the Gazette');
    expect(reported.content[0]?.quote.exact).toBe(
      'The pumps failed twice this winter. Who pays for the repairs?',
    );
    expect(doc.claims.some((c) => c.source?.quote.exact === 'the clerk')).toBe(false);
  });

  it('reads a named poll after "in" as a source, but not a standing "in the polls"', () => {
    const poll = claimSaying(doc, 'most riders said');
    expect(poll.cue?.quote.exact).toBe('In');
    expect(poll.source?.quote.exact).toBe('a Tribune poll released Monday');
    expect(doc.claims.some((c) => c.source?.quote.exact === 'the polls')).toBe(false);
  });

  it('reads "as X put it:" and skips an aside between dashes after the cue', () => {
    const put = claimSaying(doc, 'The schedule will not change');
    expect(put.source?.quote.exact).toBe('Jo Lane, the harbor master');
    expect(put.cue?.quote.exact).toBe('put it');
    expect(claimSaying(doc, 'that the fares would be reviewed').source?.quote.exact).toBe(
      'Sen. Rita Vale (D-Ore.), chair of the transport panel',
    );
  });
});

describe('cue phrases, times and nested cues (sentences written for these tests)', () => {
  const text = [
    'Budget Talks Stall',
    '',
    'Half of the riders said they want lower fares. The mayor said a new study shows the line loses money. Most riders want a refund, the driver said.',
    '',
    'Ferry board spokeswoman Lina Ortiz on Monday morning said the budget was balanced.',
    '',
    'The old depot now sells fish. Said Omar Haddad, who has fished here for decades, “We were all proud.”',
    '',
    'The governor made it clear that she would veto the bill. Many voters see the fare rise as a mistake.',
    '',
    'When asked by a reporter whether the plan had changed, the aide smiled. The minister toured the flooded depot on Friday and said repairs would start soon.',
  ].join('\n');
  let doc: ArticleDocument;
  beforeAll(async () => {
    doc = await extract({ text });
  });
  const cues = () => doc.claims.map((c) => c.cue?.quote.exact);

  it('reports a wish or a finding inside reported words only as part of them', () => {
    expect(claimSaying(doc, 'they want lower fares').source?.quote.exact).toBe(
      'Half of the riders',
    );
    expect(claimSaying(doc, 'a new study shows').cue?.quote.exact).toBe('said');
    expect(claimSaying(doc, 'Most riders want a refund').source?.quote.exact).toBe('the driver');
    expect(cues()).not.toContain('want');
    expect(cues()).not.toContain('shows');
  });

  it('leaves a time between the source and the cue out of both', () => {
    const said = claimSaying(doc, 'the budget was balanced');
    expect(said.source?.quote.exact).toBe('Ferry board spokeswoman Lina Ortiz');
    expect(said.cue?.quote.exact).toBe('said');
  });

  it('reads a sentence-initial "Said X, “…”"', () => {
    const quote = claimSaying(doc, 'We were all proud.');
    expect(quote.source?.quote.exact).toBe('Omar Haddad, who has fished here for decades');
    expect(quote.kind).toBe('direct_quote');
  });

  it('reads "made it clear that" and "see X as Y"', () => {
    expect(claimSaying(doc, 'that she would veto').cue?.quote.exact).toBe('made it clear');
    const view = claimSaying(doc, 'the fare rise as a mistake');
    expect(view.cue?.quote.exact).toBe('see');
    expect(view.source?.quote.exact).toBe('Many voters');
  });

  it('names the asker of "When asked by X whether …" and the subject of "toured … and said"', () => {
    const asked = claimSaying(doc, 'whether the plan had changed');
    expect(asked.source?.quote.exact).toBe('a reporter');
    expect(claimSaying(doc, 'repairs would start soon').source?.quote.exact).toBe('The minister');
  });
});

describe('extract from an HTML page (written for these tests)', () => {
  const html = fixture('harbor-page.html');
  let doc: ArticleDocument;
  beforeAll(async () => {
    doc = await extract({ html });
  });

  it('is recognised as HTML by name and by content', () => {
    expect(looksLikeHtml(html)).toBe(true);
    expect(looksLikeHtml('plain words', 'story.html')).toBe(true);
    expect(looksLikeHtml('<p>tag-like text</p>', 'story.txt')).toBe(false);
  });

  it('validates, with headline, dek, byline, publisher, date and URL from the page', async () => {
    expect((await validateArticleDocument(doc)).ok).toBe(true);
    expect(doc.article.headline).toBe('Port workers walk out over pay');
    expect(doc.article.dek).toMatch(/^Hundreds of dock workers stopped work on Monday/);
    expect(doc.article.authorIds.map((id) => doc.entities.find((e) => e.id === id)?.name)).toEqual([
      'Nina Park',
    ]);
    expect(doc.entities.find((e) => e.id === doc.article.publisherId)?.name).toBe('Harbor Gazette');
    expect(doc.article.published).toEqual({ status: 'known', date: '2026-11-23' });
    expect(doc.article.source.url).toBe('https://gazette.example.com/2026/11/port-strike');
  });

  it('keeps the article text and leaves out navigation, sidebars and the footer', () => {
    expect(doc.article.text).toContain(
      'Hundreds of dock workers stopped work on Monday after talks',
    );
    for (const furniture of ['Most read', 'Storm closes schools', 'All rights reserved', 'Home'])
      expect(doc.article.text).not.toContain(furniture);
    const kinds = doc.article.blocks.map((b) => b.kind);
    expect(kinds).toContain('photo_credit');
    expect(kinds.at(-1)).toBe('related_link');
  });

  it('attributes the quotes and the statement', () => {
    const quote = claimSaying(doc, 'We have waited two years for a fair offer');
    expect(quote.source?.quote.exact).toBe('Samuel Obi, the president of the Dockworkers Union');
    expect(speakerName(doc, quote.id)).toBe('Samuel Obi');
    const statement = claimSaying(doc, 'that it had made a generous offer');
    expect(statement.channel.kind).toBe('statement');
    expect(speakerName(doc, statement.id)).toBe('Port Authority');
    const later = claimSaying(doc, 'If this lasts more than a week');
    expect(later.channel.kind).toBe('interview');
    expect(speakerName(doc, later.id)).toBe('Jane Morrow');
  });
});

describe('the package', () => {
  it('reports the version of its package.json in provenance', () => {
    const pkg = JSON.parse(fixture('../../package.json')) as { version: string };
    expect(EXTRACTOR_VERSION).toBe(pkg.version);
  });

  it('refuses empty text and bad ids with a message naming the problem', async () => {
    await expect(extract({ text: '  \n\n ' })).rejects.toThrow(/empty/);
    await expect(extract({ text: 'A headline\n\nA paragraph.' }, { id: 'Bad Id' })).rejects.toThrow(
      /lowercase/,
    );
  });
});

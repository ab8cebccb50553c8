// Spot checks that document how the seed article is annotated. Each reads as a rule of the craft.
import type { Claim, Mention } from '@claimscope/schema';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/index.js';

const doc = loadCorpus()[0] ?? expect.fail('no seed article');
const { text } = doc.article;

/** The mention whose span is the unique occurrence of `target` inside `context`. */
function mentionIn(context: string, target: string): Mention | undefined {
  const at = text.indexOf(context);
  expect(at, `context ${JSON.stringify(context)}`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(context, at + 1), `context ${JSON.stringify(context)} is ambiguous`).toBe(-1);
  const start = at + context.indexOf(target);
  return doc.mentions.find(
    (m) => m.anchor.position.start === start && m.anchor.position.end === start + target.length,
  );
}

/** The claim whose content includes `words`. */
function claimWith(words: string): Claim {
  const found = doc.claims.filter((c) => c.content.some((a) => a.quote.exact.includes(words)));
  const innermost = found.find((c) => !found.some((o) => o.parentId === c.id));
  return innermost ?? expect.fail(`no claim contains ${JSON.stringify(words)}`);
}

const claimById = (id: string | null) => doc.claims.find((c) => c.id === id);

describe('mentions', () => {
  it('IS in "fighting IS on the ground" is the Islamic State, as an acronym', () => {
    expect(mentionIn('fighting IS on the ground', 'IS')).toMatchObject({
      entityId: 'islamic-state',
      form: 'acronym',
    });
  });

  it('the typo "Islamic Sate" is a mention of the Islamic State with form misspelling', () => {
    expect(mentionIn('between Islamic Sate and Nusra', 'Islamic Sate')).toMatchObject({
      entityId: 'islamic-state',
      form: 'misspelling',
    });
  });

  it('"al Qaeda in Iraq" is a historical name of the Islamic State, not a mention of al Qaeda', () => {
    const m = mentionIn('a godsend for al Qaeda in Iraq, or', 'al Qaeda in Iraq');
    expect(m).toMatchObject({ entityId: 'islamic-state', form: 'historical_name' });
  });

  it('"the Islamic State in Iraq" and "Islamic State of Iraq and Syria" are historical names too', () => {
    expect(mentionIn('or the Islamic State in Iraq,', 'Islamic State in Iraq')?.form).toBe(
      'historical_name',
    );
    expect(
      mentionIn('then-stateless Islamic State of Iraq and Syria', 'Islamic State of Iraq and Syria')
        ?.form,
    ).toBe('historical_name');
  });

  it('every Nusra variant names the Nusra Front', () => {
    for (const [context, target] of [
      ['al Qaeda-backed Nusra Front', 'Nusra Front'],
      ['outside of Jabhat al-Nusra,', 'Jabhat al-Nusra'],
      ['I want Jabhat al Nusra to', 'Jabhat al Nusra'],
      ['left the Nusra files', 'Nusra'],
    ] as const)
      expect(mentionIn(context, target)?.entityId, target).toBe('nusra-front');
  });

  it('partial names inside quotes and cues are mentions ("Maqdisi", "Al-Maqdisi", "Baghdadi")', () => {
    expect(mentionIn('," Maqdisi', 'Maqdisi')?.entityId).toBe('abu-muhammad-al-maqdisi');
    expect(mentionIn('Al-Maqdisi, a mentor', 'Al-Maqdisi')?.entityId).toBe(
      'abu-muhammad-al-maqdisi',
    );
    expect(mentionIn("Baghdadi said 'No.'", 'Baghdadi')).toMatchObject({
      entityId: 'abu-bakr-al-baghdadi',
      form: 'partial_name',
    });
  });

  it('the photo credit, the promos and the footer carry mentions too', () => {
    expect(mentionIn('Photo via AP/', 'AP')?.entityId).toBe('associated-press');
    expect(mentionIn('AP/ Mohammad Hannon', 'Mohammad Hannon')?.entityId).toBe('mohammad-hannon');
    expect(mentionIn('Raqqa is being slaughtered', 'Raqqa')?.entityId).toBe('raqqa');
    expect(mentionIn('Follow Alice Speri', 'Alice Speri')?.entityId).toBe('alice-speri');
    expect(mentionIn('Twitter: @alicesperi', '@alicesperi')).toMatchObject({
      entityId: 'alice-speri',
      form: 'alias',
    });
  });

  it("al Qaeda's Yemen-based offshoot is an entity of its own, mentioned by a descriptor", () => {
    expect(mentionIn('Yemen-based offshoot denounced', 'offshoot')).toMatchObject({
      entityId: 'al-qaeda-in-the-arabian-peninsula',
      form: 'descriptor',
    });
  });

  it('unnamed sources are unnamed_group entities', () => {
    const kinds = new Map(doc.entities.map((e) => [e.id, e.kind]));
    for (const id of [
      'analysts',
      'us-officials',
      'western-officials',
      'western-observers',
      'critics',
      'islamist-scholars',
      'local-commanders',
      'islamic-state-leaders',
    ])
      expect(kinds.get(id), id).toBe('unnamed_group');
  });
});

describe('claims', () => {
  it("Joscelyn's quote was told to the AP, not VICE News: an interview the article relays", () => {
    const c = claimWith("That is what's underway now");
    expect(c.speakerId).toBe('tom-joscelyn');
    expect(c.channel).toMatchObject({ kind: 'interview', outletId: 'associated-press' });
  });

  it('al Qaeda\'s "Let\'s just have a truce in Syria" is nested in what Joscelyn told the AP', () => {
    const c = claimWith("Let's just have a truce in Syria");
    expect(c.speakerId).toBe('al-qaeda');
    expect(claimById(c.parentId)?.speakerId).toBe('tom-joscelyn');
  });

  it('al-Tamimi, Sanderson and Levitt told VICE News', () => {
    for (const [words, speaker] of [
      ['De facto truces', 'aymenn-jawad-al-tamimi'],
      ['You are looking at this group', 'tom-sanderson'],
      ['The image of a divided front', 'matthew-levitt'],
    ] as const)
      expect(claimWith(words)).toMatchObject({
        speakerId: speaker,
        channel: { kind: 'interview', outletId: 'vice-news' },
      });
  });

  it('"he added" continues the nearest attribution: same speaker, same channel', () => {
    const c = claimWith('Also in Qalamoun');
    const continued = claimById(c.continuesId);
    expect(c.speakerId).toBe('aymenn-jawad-al-tamimi');
    expect(continued?.speakerId).toBe('aymenn-jawad-al-tamimi');
    expect(c.channel).toEqual(continued?.channel);
    expect(c.cue?.quote.exact).toBe('he added');
  });

  it("Sanderson's quote running over two paragraphs is one claim with two content spans", () => {
    const c = claimWith('If you denigrate it in any way');
    expect(c.content).toHaveLength(2);
    expect(c.content[1]?.quote.exact).toMatch(/^At a certain point/);
    expect(new Set(c.content.map((a) => a.blockId)).size).toBe(2);
  });

  it("Maqdisi's letter is channel letter", () => {
    const c = claimWith("Don't rejoice when one side");
    expect(c.speakerId).toBe('abu-muhammad-al-maqdisi');
    expect(c.channel.kind).toBe('letter');
    expect(c.cue?.quote.exact).toBe('wrote in a recent letter');
  });

  it('"the AP reported" is a report by the AP', () => {
    const c = claimWith('Calls for a united jihadi front');
    expect(c).toMatchObject({ speakerId: 'associated-press', kind: 'indirect' });
    expect(c.channel).toMatchObject({ kind: 'report', outletId: 'associated-press' });
  });

  it("Baghdadi's 'No.' is nested inside Levitt's quote, a refusal", () => {
    const c = doc.claims.find((x) => x.content[0]?.quote.exact === 'No.') ?? expect.fail();
    expect(c).toMatchObject({
      speakerId: 'abu-bakr-al-baghdadi',
      modality: 'denial',
      polarity: 'negative',
    });
    expect(claimById(c.parentId)?.speakerId).toBe('matthew-levitt');
  });

  it("Zawahiri's order is nested inside Levitt's quote", () => {
    const c = claimWith('I want Jabhat al Nusra to be my element');
    expect(c.speakerId).toBe('ayman-al-zawahiri');
    expect(claimById(c.parentId)?.speakerId).toBe('matthew-levitt');
  });

  it('"I don\'t think a true reconciliation is possible" has negative polarity', () => {
    expect(claimWith("I don't think a true reconciliation")).toMatchObject({
      speakerId: 'aymenn-jawad-al-tamimi',
      polarity: 'negative',
    });
  });

  it('"I\'m sure" about what they would do is a prediction; "may make him shift" is hedged', () => {
    expect(claimWith('they would conduct attacks').modality).toBe('prediction');
    expect(claimWith('may make him shift').modality).toBe('hedged');
  });

  it('Islamic State leaders "insist" the strikes do not hurt them: a contested denial', () => {
    const c = claimWith('not affecting their capabilities');
    expect(c).toMatchObject({ speakerId: 'islamic-state-leaders', modality: 'denial' });
    expect(doc.claimLinks.some((l) => l.fromId === c.id && l.kind === 'contradicts')).toBe(true);
  });

  it('time expressions are kept as written and never resolved (the text gives no date)', () => {
    expect(claimWith('Also in Qalamoun').time).toEqual({ text: 'since January', resolved: null });
    expect(doc.claims.every((c) => c.time === null || c.time.resolved === null)).toBe(true);
  });

  it("the author's own assertions are spoken by Alice Speri through the authorial channel", () => {
    const c = claimWith('ISIS was originally born as an Iraq-based');
    expect(c).toMatchObject({
      kind: 'author_assertion',
      speakerId: 'alice-speri',
      channel: { kind: 'authorial' },
    });
  });

  it("al-Tamimi's impossibility claim contradicts Sanderson's 'no choice but to support them'", () => {
    const from = claimWith("I don't think a true reconciliation");
    const to = claimWith('no choice but to support them');
    expect(doc.claimLinks).toContainEqual(
      expect.objectContaining({ fromId: from.id, toId: to.id, kind: 'contradicts' }),
    );
  });
});

describe('relations', () => {
  const rel = (s: string, p: string, o: string) =>
    doc.relations.filter((r) => r.subjectId === s && r.predicate === p && r.objectId === o);

  it('Sanderson is co-director of the Transnational Threats Project, with the evidence span', () => {
    const [r] = rel('tom-sanderson', 'works_for', 'transnational-threats-project');
    expect(r?.role).toBe('co-director');
    expect(r?.evidence[0]?.quote.exact).toBe('co-director of the Transnational Threats Project');
  });

  it('al-Zarqawi is recorded as the text states it: "al Qaeda\'s late leader"', () => {
    const [r] = rel('abu-musab-al-zarqawi', 'leader_of', 'al-qaeda');
    expect(r).toMatchObject({ past: true, assertedBy: { kind: 'author' } });
  });

  it('the Qalamoun truce is asserted by al-Tamimi through his claim, since January', () => {
    const [r] = rel('nusra-front', 'truce_with', 'islamic-state').filter((x) => x.time !== null);
    expect(r?.time?.text).toBe('since January');
    expect(claimById(r?.assertedBy.kind === 'claim' ? r.assertedBy.claimId : null)?.speakerId).toBe(
      'aymenn-jawad-al-tamimi',
    );
  });

  it('al-Maqdisi was arrested in Jordan and mentored al-Zarqawi', () => {
    expect(rel('abu-muhammad-al-maqdisi', 'arrested_in', 'jordan')).toHaveLength(1);
    expect(rel('abu-muhammad-al-maqdisi', 'mentor_of', 'abu-musab-al-zarqawi')).toHaveLength(1);
  });
});

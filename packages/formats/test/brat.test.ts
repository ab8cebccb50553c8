import { loadCorpus } from '@claimscope/corpus';
import { ArticleDocumentSchema } from '@claimscope/schema';
import { describe, expect, it } from 'vitest';
import { readBrat, writeBrat } from '../src/index.js';
import { testDocument, testText } from './fixture.js';

const roundTrip = (doc: ReturnType<typeof testDocument>) => {
  const first = writeBrat(doc);
  const read = readBrat(first.txt, first.ann, { articleId: doc.article.id, origin: 'test' });
  return { first, read, second: writeBrat(read.document) };
};

describe('brat standoff', () => {
  it('writes mentions by entity kind, tied to their entities, and claims as PolNeAR attributions', () => {
    const { txt, ann } = writeBrat(testDocument());
    expect(txt).toBe(testText);
    const lines = ann.trimEnd().split('\n');
    expect(lines).toContain('T1\tUnnamed_group 65 74\tofficials');
    expect(lines).toContain('N1\tReference T1 claimscope:officials\tofficials');
    expect(lines.filter((l) => /^T\d+\tPerson /.test(l))).toHaveLength(5);
    // Ann Lee's interview: source (her name, nearest the cue), cue, content, trigger on the cue.
    const event = lines.find((l) => l.startsWith('E2\t')) as string;
    expect(event).toMatch(/^E2\tAttribution:T\d+ Content:T\d+ Cue:T\d+ Source:T\d+$/);
    const role = (name: string) => {
      const id = new RegExp(`${name}:(T\\d+)`).exec(event)?.[1];
      return lines.find((l) => l.startsWith(`${id}\t`));
    };
    expect(role('Source')).toMatch(/\tSource \d+ \d+\tAnn Lee$/);
    expect(role('Cue')).toMatch(/\tCue \d+ \d+\ttold the Harbour Gazette$/);
    // The author's own claim has no source words: PolNeAR's Attribution-no-source.
    expect(lines.at(-1)).toMatch(/^E6\tAttribution-no-source:T\d+ Content:T\d+$/);
    // A content of two spans is one discontinuous span.
    expect(ann).toMatch(/\tContent \d+ \d+;\d+ \d+\tWe expect a deal\. Even Lee called it/);
  });

  it('counts offsets in code points, as brat does, past a character outside the BMP', () => {
    const { ann } = writeBrat(testDocument());
    const utf16 = testText.indexOf('Nobody');
    const codePoints = [...testText.slice(0, utf16)].length;
    expect(codePoints).toBe(utf16 - 1);
    expect(ann).toContain(
      `\tContent ${codePoints} ${codePoints + 'Nobody wants to move first,'.length}\t`,
    );
  });

  it('round-trips: export, import, export gives the same bytes', () => {
    const { first, read, second } = roundTrip(testDocument());
    expect(second.ann).toBe(first.ann);
    expect(second.txt).toBe(first.txt);
    expect(read.unrepresented).toEqual([]);
    expect(ArticleDocumentSchema.safeParse(read.document).success).toBe(true);
  });

  it('turns attributions into claims: source words name the speaker, with the cue and content', () => {
    const { read } = roundTrip(testDocument());
    const doc = read.document;
    expect(doc.claims).toHaveLength(6);
    const [officials, lee] = doc.claims;
    expect(officials?.speakerId).toBe('officials');
    expect(lee?.speakerId).toBe('ann-lee');
    expect(lee?.cue?.quote.exact).toBe('told the Harbour Gazette');
    expect(lee?.content.map((a) => a.quote.exact)).toEqual(['will fail within a week,']);
    expect(lee?.kind).toBe('direct_quote');
    expect(doc.claims[0]?.kind).toBe('indirect');
    expect(doc.claims[5]?.speakerId).toBe('formats-test.unattributed');
    expect(doc.mentions).toHaveLength(8);
    expect(doc.article.provenance.agent.name).toBe('claimscope import from brat standoff');
    expect(doc.claims[0]?.provenance.agent.name).toBe('claimscope import from brat standoff');
  });

  it('reads PolNeAR-style files: speakers from source words, and lists what it cannot hold', () => {
    const txt =
      'A made-up headline\n\nThe mayor said the bridge will open. “It is safe,” aides insisted.\n\nRead more here.';
    const at = (words: string) => {
      const start = txt.indexOf(words);
      return `${start} ${start + words.length}\t${words}`;
    };
    const ann = [
      `T1\tSource ${at('The mayor')}`,
      `T2\tCue ${at('said')}`,
      `T3\tContent ${at('the bridge will open')}`,
      `T4\tAttribution ${at('said')}`,
      'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
      `T5\tContent ${at('It is safe,')}`,
      `T6\tCue ${at('insisted')}`,
      `T7\tAttribution-no-source ${at('insisted')}`,
      'E2\tAttribution-no-source:T7 Content:T5 Cue:T6',
      `T8\tDiscard ${at('Read more here.')}`,
      'R1\tSupports Arg1:T3 Arg2:T5',
      `T9\tAttribution-no-source ${at('aides')}`,
      'E3\tAttribution-no-source:T9 ',
    ].join('\n');
    const { document, unrepresented } = readBrat(txt, ann, {
      articleId: 'made-up',
      origin: 'test',
    });
    expect(document.claims.map((c) => [c.speakerId, c.kind, c.cue?.quote.exact])).toEqual([
      ['made-up.the-mayor', 'indirect', 'said'],
      ['made-up.unattributed', 'direct_quote', 'insisted'],
    ]);
    expect(document.entities.find((e) => e.id === 'made-up.the-mayor')?.name).toBe('The mayor');
    expect(document.mentions.map((m) => m.anchor.quote.exact)).toEqual(['The mayor']);
    expect(unrepresented.map((u) => u.where).sort()).toEqual(['E3', 'R1', 'T8']);
    expect(unrepresented.find((u) => u.where === 'T8')?.reason).toMatch(/Discard span/);
  });

  it('reads common NER labels of other brat projects as entity kinds', () => {
    const txt = 'Harbour news\n\nMaria Costa met the Port Authority in Lisbon.';
    const at = (words: string) => {
      const start = txt.indexOf(words);
      return `${start} ${start + words.length}\t${words}`;
    };
    const ann = [
      `T1\tPER ${at('Maria Costa')}`,
      `T2\tORG ${at('Port Authority')}`,
      `T3\tGPE ${at('Lisbon')}`,
    ].join('\n');
    const { document, unrepresented } = readBrat(txt, ann, { articleId: 'ner', origin: 'test' });
    expect(unrepresented).toEqual([]);
    expect(document.entities.map((e) => [e.id, e.kind])).toEqual([
      ['ner.maria-costa', 'person'],
      ['ner.port-authority', 'organization'],
      ['ner.lisbon', 'place'],
    ]);
  });

  it('round-trips the seed article', () => {
    for (const doc of loadCorpus()) {
      const { first, second } = roundTrip(doc);
      expect(second.ann).toBe(first.ann);
    }
  });
});

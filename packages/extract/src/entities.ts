// Named entities and their mentions, found by rules: capitalised runs (with name particles and
// hyphens), acronyms tied to their expansions, surnames and possessives linked to the full name,
// a general gazetteer for places and outlets, and unnamed groups where they are sources.
import type { EntityKind, MentionForm } from '@claimscope/schema';
import { hasWhitespace } from './chars.js';
import {
  DEMONYM_PLACES,
  NAME_COMPOUND_SUFFIX,
  NAME_PARTICLES,
  NOT_NAMES,
  ORGANIZATION_WORDS,
  ORGANIZATIONS,
  OUTLET_WORDS,
  OUTLETS,
  PERSON_TITLES,
  PLACES,
} from './gazetteer.js';
import { UNNAMED_SOURCE_NOUNS } from './lexicon.js';
import { analyse } from './nlp.js';
import type { Span } from './quotes.js';

export interface FoundEntity {
  key: string;
  kind: EntityKind;
  name: string;
  aliases: Set<string>;
  /** Why the kind was chosen, for the description. */
  reason: string;
}

/**
 * The unnamed group called `name` ("analysts", "US officials"), added to `entities` under `key`
 * unless it is there already; returns its key.
 */
export function unnamedGroup(
  entities: Map<string, FoundEntity>,
  name: string,
  reason: string,
): string {
  const key = slug(name);
  if (!entities.has(key))
    entities.set(key, { key, kind: 'unnamed_group', name, aliases: new Set(), reason });
  return key;
}

export interface FoundMention extends Span {
  entity: string;
  form: MentionForm;
  block: number;
}

export interface EntityIndex {
  entities: Map<string, FoundEntity>;
  mentions: FoundMention[];
}

interface Run extends Span {
  block: number;
  text: string;
  lower: string;
  /** More than one word. */
  multiWord: boolean;
  /** A title stood before it ("Mr.", "President"). */
  titled: boolean;
  /** The run starts its sentence (so a capital letter proves nothing). */
  sentenceStart: boolean;
  /** In a headline, where title case capitalises every word: names known from elsewhere only. */
  titleCase: boolean;
}

export interface EntityBlock extends Span {
  index: number;
  kind: string;
}

// Letters and combining marks as explicit ranges (Latin with its extensions, Greek, Cyrillic):
// without the Unicode flag the run expression costs half as much, with the same runs on PolNeAR.
const LETTER = String.raw`A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af\u0370-\u03ff\u0400-\u052f`;
const MARK = String.raw`\u0300-\u036f`;
const WORD = `(?:[A-Z][${LETTER}${MARK}’'.]*|[A-Z]{2,}s?)(?:-[${LETTER}][${LETTER}${MARK}’']*)*`;
// "as", "at", "ad" are English words before a space: as particles they only count with a hyphen.
const PARTICLE = String.raw`(?:(?:al|el|bin|ibn|abu|Abu|Al|El|de|del|der|van|von|da|di|du|le|la|bint)[-\s\u00a0]|(?:ul|ad|as|ash|az)-)`;
const CONNECT = String.raw`(?:\s(?:of|for|and|in|on)(?:\sthe)?\s)`;
const RUN = new RegExp(
  String.raw`(?<![${LETTER}0-9’'-])${PARTICLE}?${WORD}(?:(?:[\s\u00a0]|${CONNECT})${PARTICLE}?${WORD})*`,
  'g',
);

const OUTLET_BY_NAME = new Map<string, string>();
for (const [name, ...aliases] of OUTLETS)
  for (const n of [name, ...aliases]) OUTLET_BY_NAME.set(n.toLowerCase(), name);

const slugs = new Map<string, string>();

export function slug(name: string): string {
  // Names recur within and across articles; the normalisation is the costly part.
  const known = slugs.get(name);
  if (known !== undefined) return known;
  if (slugs.size > 10_000) slugs.clear();
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const result = s || 'entity';
  slugs.set(name, result);
  return result;
}

const words = (s: string) => s.split(/[\s\u00a0]+/);

// Regular expressions with `\p{…}` live at module level: tsx (esbuild) turns such a literal into
// `new RegExp(…)`, which would build a new object on every call of the function holding it.
const HAS_UPPER = /\p{Lu}/u;
/** Where `splitNames` cuts (global: `lastIndex` is reset before each use). */
const NAME_CUT = /[’']s(?=[\s\u00a0])|-(\p{Ll}+)(?=[\s\u00a0]|$)/gu;
const PARTICLE_NAME = /^(?:al|el)[-\s\u00a0](\p{Lu}[\p{L}\p{M}’']+)$/u;
const BARE_PARTICLE_NAME = /^(?:al|el|Al|El)-(\p{Lu}[\p{L}\p{M}’']*)$/u;
const SPOKESPEOPLE_AFTER = /^[\s\u00a0]+(leaders|officials)(?![\p{L}\p{N}-])/u;
const CAPITALISED_WORD = /^\p{Lu}\p{Ll}+$/u;
const WORD_AFTER_SPACE = /^[\s\u00a0]+\p{L}/u;

/** Bodies named for what they work on: "Program on …", "Committee on …", "Council on …". */
const ON_HEADS = new Set(
  'Program|Programme|Committee|Subcommittee|Council|Commission|Conference|Center|Centre|Institute|Panel|Board|Office|Caucus|Initiative|Project|Task Force'.split(
    '|',
  ),
);

/** Whether `splitSentences` or `splitNames` may cut a run: it holds a full stop, hyphen or apostrophe. */
function hasSplitChar(run: string): boolean {
  for (let k = 0; k < run.length; k++) {
    const c = run.charCodeAt(k);
    if (c === 46 || c === 45 || c === 39 || c === 8217) return true;
  }
  return false;
}

/** The characters that end a sentence or open a quote before a run (one character each). */
const SENTENCE_ENDS = '.!?:"“”‘—';

/** Whether a run holds a space, a hyphen or an apostrophe: where a shorter known form can start or end. */
function hasWordEdge(run: string): boolean {
  for (let k = 0; k < run.length; k++) {
    const c = run.charCodeAt(k);
    if (c <= 32 || c === 160 || c === 45 || c === 39 || c === 8217) return true;
  }
  return false;
}

const CONNECTORS = new Set(['of', 'for', 'and', 'in', 'on', 'the']);

interface RunContext {
  sentenceStart: boolean;
  /** A bracketed acronym follows the run: "al Qaeda in Iraq [ISIS]", "… (AQAP)". */
  acronymAfter: boolean;
  /** Names with "in" inside that the text has already tied to an acronym. */
  inNames: Set<string>;
}

/** Splits a capitalised run where a connector joins two names that are not one organisation. */
function cleanRun(
  text: string,
  start: number,
  context: RunContext,
): { text: string; start: number; titled: boolean }[] {
  // One word (most runs): no leading words, connectors or peoples to look for.
  if (!hasWhitespace(text)) {
    if (NOT_NAMES.has(text) || PERSON_TITLES.has(text)) return [];
    // Only a run ending in an apostrophe or "s" can end in a possessive (most end otherwise).
    const last = text[text.length - 1];
    const bare = last === 's' || last === "'" || last === '’' ? text.replace(/[’']s?$/, '') : text;
    return bare.length > 1 ? [{ text: bare, start, titled: false }] : [];
  }
  let t = text;
  let s = start;
  let titled = false;
  // Leading words that are not names ("The", "But", "Mr."), and titles (remembered).
  for (;;) {
    const m = /^([^\s\u00a0]+)[\s\u00a0]+/.exec(t);
    if (!m?.[1]) break;
    const w = m[1];
    if (PERSON_TITLES.has(w)) titled = true;
    // A connector left at the front once the words before it are gone ("Also in Qalamoun").
    else if (!NOT_NAMES.has(w.replace(/[’'].*$/, '')) && !(s > start && CONNECTORS.has(w))) break;
    if (w === 'The' && OUTLET_BY_NAME.has(t.toLowerCase().replace(/[’']s$/, ''))) break;
    // A capital "The" inside a sentence belongs to the name ("director of The Washington Institute").
    if (w === 'The' && !context.sentenceStart && s === start) break;
    t = t.slice(m[0].length);
    s += m[0].length;
  }
  if (NOT_NAMES.has(t) || PERSON_TITLES.has(t)) return [];
  // A possessive ends the name: "Clinton's" → "Clinton".
  t = t.replace(/[’']s?$/, '');
  // "of"/"for"/"on"/"in"/"and" inside a run only when the part before it names an organisation.
  const parts: { text: string; start: number; titled: boolean }[] = [];
  const connector = /[\s\u00a0](of|for|and|in|on)(?:[\s\u00a0]the)?[\s\u00a0]/g;
  let from = 0;
  // An "of", "for", "on" or "in" already joined into the current part.
  let joinedConnector = false;
  for (let m = connector.exec(t); m !== null; m = connector.exec(t)) {
    const before = t.slice(from, m.index);
    const lastWord = words(before).pop() ?? '';
    const restText = t.slice(m.index + m[0].length);
    const rest = words(restText);
    const firstAfter = rest[0] ?? '';
    const lastAfter = rest[rest.length - 1] ?? '';
    // "and" joins inside one name ("Center for Strategic and International Studies", "Program on
    // Counterterrorism and Intelligence", "Islamic State of Iraq and Syria"), not two names ("al
    // Qaeda and the Islamic State", "the Department of Justice and FBI").
    const joinsName =
      m[1] === 'and'
        ? (!ORGANIZATION_WORDS.has(lastWord) &&
            ORGANIZATION_WORDS.has(lastAfter) &&
            /\s(?:of|for)\s/.test(t.slice(0, m.index))) ||
          (joinedConnector &&
            rest.length <= 3 &&
            !/[\s\u00a0](?:of|for|and|in|on)[\s\u00a0]/.test(restText) &&
            !rest.some((w) => ORGANIZATION_WORDS.has(w)) &&
            !ORGANIZATIONS.has(restText) &&
            !OUTLET_BY_NAME.has(restText.toLowerCase()) &&
            !PERSON_TITLES.has(firstAfter))
        : m[1] === 'in'
          ? // "al Qaeda in Iraq [ISIS]" is one name, "Hamas in Gaza" is not: only the acronym the
            // text ties to the whole (and later repetitions of that name) tell them apart.
            inName(before, m[0], restText, context)
          : m[1] === 'on'
            ? // "Commission on Presidential Debates", not "Republicans on the House … Committee".
              ON_HEADS.has(lastWord)
            : ORGANIZATION_WORDS.has(lastWord);
    if (
      !NOT_NAMES.has(firstAfter) &&
      (joinsName ||
        (m[1] === 'of' &&
          /^(?:University|Institute|Bank|Department|Ministry|Museum|Office|Secretary|Council|Church|Court|Republic|Kingdom|State|Islamic State)$/.test(
            before,
          )))
    ) {
      if (m[1] !== 'and') joinedConnector = true;
      continue;
    }
    parts.push({ text: before, start: s + from, titled });
    from = m.index + m[0].length;
    titled = false;
    joinedConnector = false;
  }
  parts.push({ text: t.slice(from), start: s + from, titled });
  // "Iraqi Kurds": a nationality, then a people.
  const out: { text: string; start: number; titled: boolean }[] = [];
  const keep = (p: { text: string; start: number; titled: boolean }) => {
    if (p.text.length > 1 && HAS_UPPER.test(p.text)) out.push(p);
  };
  for (const p of parts) {
    const space = p.text.search(/[\s\u00a0]/);
    if (
      space < 0 ||
      !DEMONYM_PLACES.has(p.text.slice(0, space)) ||
      !GROUP_WORDS.has(p.text.slice(space + 1))
    )
      keep(p);
    else {
      keep({ text: p.text.slice(0, space), start: p.start, titled: false });
      keep({ text: p.text.slice(space + 1), start: p.start + space + 1, titled: false });
    }
  }
  return out;
}

function inName(before: string, connector: string, rest: string, context: RunContext): boolean {
  const [place = '', ...more] = rest.split(/[\s\u00a0](?:of|for|and|in|on)[\s\u00a0]/);
  const name = `${before}${connector}${place}`;
  if (context.inNames.has(name)) return true;
  if (!context.acronymAfter || more.length > 0 || words(place).length > 3) return false;
  context.inNames.add(name);
  return true;
}

const ABBREVIATION =
  /(?:^|[\s\u00a0])(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Jr|Sr|Prof|Rev|[A-Z])\.$/;

/** Splits a run where a sentence ends inside it ("VICE News. And"), keeping abbreviations. */
function splitSentences(run: string, index: number): { text: string; index: number }[] {
  if (!run.includes('.')) return [{ text: run, index }];
  const out: { text: string; index: number }[] = [];
  let from = 0;
  const stop = /\.[\s\u00a0]+/g;
  for (let m = stop.exec(run); m !== null; m = stop.exec(run)) {
    if (ABBREVIATION.test(run.slice(0, m.index + 1))) continue;
    out.push({ text: run.slice(from, m.index), index: index + from });
    from = m.index + m[0].length;
  }
  out.push({ text: run.slice(from), index: index + from });
  return out.filter((p) => p.text.length > 0);
}

/**
 * Splits a run where one name ends inside it: after a possessive ("Washington Institute's
 * Program …") and at a hyphenated modifier ("Iraq-based al Qaeda", "al Qaeda-backed Nusra Front").
 */
function splitNames(run: string, index: number): { text: string; index: number }[] {
  if (!/[-’']/.test(run)) return [{ text: run, index }];
  const out: { text: string; index: number }[] = [];
  let from = 0;
  const cut = NAME_CUT;
  cut.lastIndex = 0;
  for (let m = cut.exec(run); m !== null; m = cut.exec(run)) {
    if (m[1] !== undefined && !NAME_COMPOUND_SUFFIX.test(m[1])) continue;
    // A possessive stays on its name (trimmed later), a compound's suffix is dropped.
    const to = m[1] === undefined ? m.index + m[0].length : m.index;
    out.push({ text: run.slice(from, to), index: index + from });
    from = m.index + m[0].length;
    while (from < run.length && /[\s\u00a0]/.test(run[from] as string)) from++;
  }
  out.push({ text: run.slice(from), index: index + from });
  return out.filter((p) => p.text.length > 0);
}

function findRuns(text: string, blocks: EntityBlock[]): Run[] {
  const runs: Run[] = [];
  const inNames = new Set<string>();
  for (const block of blocks) {
    const body = text.slice(block.start, block.end);
    RUN.lastIndex = 0;
    for (let m = RUN.exec(body); m !== null; m = RUN.exec(body)) {
      // Most runs are one word that names nothing ("The", "But", "I"): dropped before any work.
      if (NOT_NAMES.has(m[0]) || PERSON_TITLES.has(m[0])) continue;
      // A run without a full stop, hyphen or apostrophe (most) has nothing to split.
      if (!hasSplitChar(m[0])) {
        addRun(m[0], m.index);
        continue;
      }
      for (const sentence of splitSentences(m[0], m.index))
        for (const piece of splitNames(sentence.text, sentence.index))
          addRun(piece.text, piece.index);
    }
    function addRun(runText: string, index: number): void {
      const absolute = block.start + index;
      // The text before the run, read backwards past spaces (not sliced: runs are many).
      let k = index - 1;
      while (k >= 0 && isSpace(body.charCodeAt(k))) k--;
      const previous = k >= 0 ? (body[k] as string) : '';
      const sentenceStart = previous === '' || SENTENCE_ENDS.includes(previous);
      const titleBefore =
        previous === '.' &&
        /(?:^|\s)(Mr\.|Mrs\.|Ms\.|Dr\.|Sen\.|Rep\.|Gov\.|Gen\.)$/.test(
          body.slice(Math.max(0, k - 5), k + 1),
        );
      const acronymAfter =
        runText.includes(' in ') &&
        /^[\s\u00a0]*[([][A-Z]{2,6}[)\]]/.test(
          body.slice(index + runText.length, index + runText.length + 12),
        );
      for (const part of cleanRun(runText, absolute, { sentenceStart, acronymAfter, inNames })) {
        const lastChar = part.text[part.text.length - 1];
        const trimmed =
          lastChar === '.' || lastChar === '’' || lastChar === "'"
            ? part.text.replace(/[.’']+$/, (x) =>
                /^[A-Z]\.$|\.[A-Z]\.$/.test(part.text.slice(-3)) ? x : '',
              )
            : part.text;
        if (!trimmed) continue;
        runs.push({
          start: part.start,
          end: part.start + trimmed.length,
          block: block.index,
          text: trimmed,
          lower: trimmed.toLowerCase(),
          multiWord: hasWhitespace(trimmed),
          titled: part.titled || titleBefore,
          sentenceStart: sentenceStart && part.start === absolute,
          titleCase: block.kind === 'headline',
        });
      }
    }
  }
  return runs;
}

function classify(name: string, titled: boolean): { kind: EntityKind; reason: string } | null {
  const lower = name.toLowerCase();
  if (OUTLET_BY_NAME.has(lower)) return { kind: 'outlet', reason: 'a news outlet' };
  if (PLACES.has(name)) return { kind: 'place', reason: 'a place' };
  if (ORGANIZATIONS.has(name)) return { kind: 'organization', reason: 'a well-known organisation' };
  const ws = words(name);
  // "Syrian al Qaeda", "al Qaeda in Iraq": a well-known organisation's branch.
  for (let k = 1; k < ws.length; k++)
    if (ORGANIZATIONS.has(ws.slice(k).join(' ')) || ORGANIZATIONS.has(ws.slice(0, k).join(' ')))
      return { kind: 'organization', reason: 'named after a well-known organisation' };
  // Only names the text ties to an acronym keep an "in" inside ("… in Iraq [ISIS]").
  if (ws.includes('in')) return { kind: 'organization', reason: 'named with its acronym' };
  const last = ws[ws.length - 1] ?? '';
  if (ws.length > 1 && OUTLET_WORDS.has(last) && !ORGANIZATION_WORDS.has(last))
    return { kind: 'outlet', reason: 'named like a news outlet' };
  if (ws.some((w) => ORGANIZATION_WORDS.has(w.replace(/[’']s$/, ''))))
    return { kind: 'organization', reason: 'named like an organisation' };
  if (titled) return { kind: 'person', reason: 'named with a title' };
  if (/^[A-Z]{2,6}$/.test(name)) return { kind: 'organization', reason: 'an acronym' };
  if (
    ws.length >= 2 &&
    ws.length <= 4 &&
    ws.every((w) => /^[A-Z][a-z’'.-]|^[a-z]+-|^(?:al|bin|ibn|de|van|von|da|di|el|le|la)$/.test(w))
  )
    return { kind: 'person', reason: 'a personal name' };
  return null;
}

/** Finds entities and mentions in the blocks; `sourceSpans` are attribution sources (speakers). */
export function findEntities(
  text: string,
  blocks: EntityBlock[],
  sourceSpans: Span[],
): EntityIndex {
  const runs = findRuns(text, blocks);
  const entities = new Map<string, FoundEntity>();
  const byForm = new Map<string, { key: string; form: MentionForm }>();
  const isSource = (r: Span) => sourceSpans.some((s) => s.start <= r.start && r.end <= s.end);
  // The run is the head of a source ("Levitt", "Levitt, a scholar"), not a modifier ("Shipping companies").
  const headsSource = (r: Span) =>
    sourceSpans.some(
      (s) =>
        s.start <= r.start &&
        (r.end === s.end || (s.end > r.end && /^[\s\u00a0]*,/.test(text.slice(r.end, s.end)))),
    );
  const add = (name: string, kind: EntityKind, reason: string): string => {
    const existing = byForm.get(name);
    if (existing) return existing.key;
    let key = slug(name);
    // "Al Qaeda" at a sentence's start is the "al Qaeda" of elsewhere: same letters, same kind.
    const same = entities.get(key);
    if (same && same.kind === kind && same.name !== name) {
      alias(name, key, 'alias');
      return key;
    }
    while (entities.has(key) && entities.get(key)?.name !== name) key = `${key}-2`;
    if (!entities.has(key)) entities.set(key, { key, kind, name, aliases: new Set(), reason });
    byForm.set(name, { key, form: 'name' });
    return key;
  };
  const alias = (form: string, key: string, mentionForm: MentionForm) => {
    if (byForm.has(form)) return;
    byForm.set(form, { key, form: mentionForm });
    entities.get(key)?.aliases.add(form);
  };

  // Outlets from the gazetteer, with their short forms.
  for (const r of runs) {
    const canonical = OUTLET_BY_NAME.get(r.lower);
    if (!canonical) continue;
    const key = add(canonical, 'outlet', 'a news outlet');
    if (r.text !== canonical) alias(r.text, key, /^[A-Z]{2,}$/.test(r.text) ? 'acronym' : 'alias');
  }
  // Several-word names first: they define the surnames and parts that single words refer to.
  const multi = runs
    .filter((r) => r.multiWord && !r.titleCase)
    .sort((a, b) => b.text.length - a.text.length);
  for (const r of multi) {
    if (byForm.has(r.text)) continue;
    const c = classify(r.text, r.titled);
    if (!c) continue;
    const key = add(r.text, c.kind, c.reason);
    // "the Islamic State (ISIS)": an acronym in brackets right after the name.
    const after = text.slice(r.end, r.end + 12);
    const acronym = /^[\s\u00a0]*[([]([A-Z][A-Za-z]{1,7})[)\]]/.exec(after);
    if (acronym?.[1]) alias(acronym[1], key, 'acronym');
    // "al Qaeda" is also "Qaeda" ("the Qaeda-IS dispute").
    const particleName = PARTICLE_NAME.exec(r.text)?.[1];
    if (c.kind === 'organization' && particleName) alias(particleName, key, 'partial_name');
    if (c.kind === 'person') {
      const ws = words(r.text);
      const surname = ws[ws.length - 1] as string;
      alias(surname, key, 'partial_name');
      // "al-Tamimi" and "Tamimi" for "Aymenn Jawad al-Tamimi".
      const bare = surname.replace(/^(?:al|el|Al|El)-/, '');
      if (bare !== surname) {
        alias(bare, key, 'partial_name');
        alias(`Al-${bare}`, key, 'partial_name');
      }
      const last2 = ws.slice(-2);
      if (ws.length > 2 && NAME_PARTICLES.has((last2[0] ?? '').toLowerCase()))
        alias(last2.join(' '), key, 'partial_name');
    }
  }
  // Acronyms that spell an entity's initials ("AP" for "Associated Press").
  const initials = (name: string) =>
    words(name)
      .filter((w) => /^[A-Z]/.test(w))
      .map((w) => w[0])
      .join('');
  // Each entity's initials are spelt once (no entity is added in this loop).
  let spelt: { key: string; initials: string }[] | undefined;
  for (const r of runs) {
    if (byForm.has(r.text) || !/^[A-Z]{2,6}$/.test(r.text)) continue;
    spelt ??= [...entities.values()]
      .filter((e) => e.kind !== 'person')
      .map((e) => ({ key: e.key, initials: initials(e.name) }));
    let match: string | undefined;
    let matches = 0;
    for (const e of spelt)
      if (e.initials === r.text) {
        match ??= e.key;
        matches++;
      }
    if (matches === 1 && match !== undefined) alias(r.text, match, 'acronym');
  }
  // Single words: a known form, a place, an acronym, or a speaker the text quotes.
  for (const r of runs) {
    if (byForm.has(r.text)) continue;
    if (r.multiWord || r.titleCase) continue;
    // "Critics", "Analysts": unnamed sources, made entities of their own kind by the document.
    if (UNNAMED_SOURCE_NOUNS.has(r.lower)) continue;
    if (r.sentenceStart && !isSource(r) && !PLACES.has(r.text) && !ORGANIZATIONS.has(r.text))
      continue;
    const c = classify(r.text, r.titled);
    if (c) add(r.text, c.kind, c.reason);
    else if (headsSource(r) && /^[A-Z][a-z]/.test(r.text))
      add(r.text, 'person', 'quoted as a source');
  }
  // "al-Baghdadi" where "Baghdadi" is known: the whole word names the same person.
  for (const r of runs) {
    if (r.text[2] !== '-') continue;
    const bare = BARE_PARTICLE_NAME.exec(r.text)?.[1];
    const known = bare ? byForm.get(bare) : undefined;
    if (known && !byForm.has(r.text)) alias(r.text, known.key, 'partial_name');
  }
  // "US officials", "Islamic State leaders": the people who speak for a place or an organisation,
  // an unnamed group of their own.
  const spokespeople = (m: FoundMention): FoundMention => {
    const kind = entities.get(m.entity)?.kind;
    if (kind !== 'place' && kind !== 'organization') return m;
    const after = SPOKESPEOPLE_AFTER.exec(text.slice(m.end, m.end + 12));
    if (!after) return m;
    const name = `${text.slice(m.start, m.end)} ${after[1]}`;
    const key = unnamedGroup(entities, name, 'an unnamed group');
    return { ...m, end: m.end + after[0].length, entity: key, form: 'descriptor' };
  };
  // Every occurrence of every known form, longest forms first; spans never overlap.
  const mentions: FoundMention[] = [];
  // Characters already in a mention: one flag per character, so overlap checks cost a mention's length.
  const takenChars = new Uint8Array(text.length);
  const isFree = (start: number, end: number) => {
    for (let k = start; k < end; k++) if (takenChars[k] === 1) return false;
    return true;
  };
  const take = (start: number, end: number) => takenChars.fill(1, start, end);
  // Longest forms first (ties in the order the forms were found), each form left to right.
  const rank = new Map(
    [...byForm.keys()]
      .map((form, order) => ({ form, order }))
      .sort((a, b) => b.form.length - a.form.length || a.order - b.order)
      .map(({ form }, i) => [form, i]),
  );
  const addMention = (r: Run, at: number, form: string) => {
    const { key, form: mentionForm } = byForm.get(form) as { key: string; form: MentionForm };
    const start = r.start + at;
    const end = start + form.length;
    if (!isFree(start, end)) return;
    const mention = spokespeople({ start, end, entity: key, form: mentionForm, block: r.block });
    take(mention.start, mention.end);
    mentions.push(mention);
  };
  for (const r of runs) {
    // One word with no hyphen or apostrophe (most runs) holds no shorter form: looked up whole.
    if (!hasWordEdge(r.text)) {
      if (rank.has(r.text)) addMention(r, 0, r.text);
      continue;
    }
    // A run can hold a shorter known form ("Levitt's" → "Levitt"): every stretch between word
    // edges is looked up, rather than every known form searched for in the run.
    const lefts = [0];
    const rights: number[] = [];
    for (let k = 0; k < r.text.length; k++) {
      const c = r.text.charCodeAt(k);
      const space = c <= 32 || c === 160;
      if (space || c === 45) lefts.push(k + 1);
      if (space || c === 45 || c === 39 || c === 8217) rights.push(k);
    }
    rights.push(r.text.length);
    const found: { at: number; form: string; rank: number }[] = [];
    for (const from of lefts)
      for (const to of rights) {
        if (to <= from) continue;
        const form = r.text.slice(from, to);
        const order = rank.get(form);
        if (order !== undefined) found.push({ at: from, form, rank: order });
      }
    found.sort((a, b) => a.rank - b.rank || a.at - b.at);
    for (const { at, form } of found) addMention(r, at, form);
  }
  for (const group of findUnnamedGroups(text, blocks)) {
    if (!isFree(group.start, group.end)) continue;
    const phrase = text.slice(group.start, group.end);
    const name = CAPITALISED_WORD.test(phrase) ? phrase.toLowerCase() : phrase;
    const key = unnamedGroup(entities, name, 'an unnamed group');
    take(group.start, group.end);
    mentions.push({ ...group, entity: key, form: 'descriptor' });
  }
  // Nationality adjectives before a word ("Syrian and Iraqi militant groups", "Western weapons")
  // name the place; "the West" itself.
  for (const r of runs) {
    const place =
      r.text === 'West' && !r.sentenceStart
        ? 'the West'
        : DEMONYM_PLACES.has(r.text) && WORD_AFTER_SPACE.test(text.slice(r.end, r.end + 2))
          ? DEMONYM_PLACES.get(r.text)
          : undefined;
    if (!place || !isFree(r.start, r.end)) continue;
    const key = add(place, 'place', 'a place');
    take(r.start, r.end);
    mentions.push({
      start: r.start,
      end: r.end,
      entity: key,
      form: place.endsWith(r.text) ? 'name' : 'descriptor',
      block: r.block,
    });
  }
  // Peoples and faiths ("Syrians", "Muslims", "Kurds"): named groups, from the gazetteer.
  for (const r of runs) {
    const group = GROUP_WORDS.get(r.text);
    if (!group || !isFree(r.start, r.end)) continue;
    const key = add(group, 'group', 'a people or faith');
    take(r.start, r.end);
    mentions.push({
      start: r.start,
      end: r.end,
      entity: key,
      form: r.text === group ? 'name' : 'alias',
      block: r.block,
    });
  }
  // "Follow Jane Roe on Twitter: @janeroe": the handle is the person's.
  for (const block of blocks) {
    const body = text.slice(block.start, block.end);
    const handle = /\bon Twitter:?[\s\u00a0]*(@\w{1,15})\b/.exec(body);
    const name = handle?.[1];
    if (!handle || !name) continue;
    const start = block.start + handle.index + handle[0].length - name.length;
    const person = mentions
      .filter(
        (m) =>
          m.block === block.index && m.end <= start && entities.get(m.entity)?.kind === 'person',
      )
      .pop();
    if (!person || !isFree(start, start + name.length)) continue;
    entities.get(person.entity)?.aliases.add(name);
    mentions.push({
      start,
      end: start + name.length,
      entity: person.entity,
      form: 'alias',
      block: block.index,
    });
  }
  mentions.sort((a, b) => a.start - b.start);
  return { entities, mentions };
}

/** Demonyms and faiths, each with the group it names. */
const GROUP_WORDS = new Map<string, string>();
for (const [group, ...forms] of [
  ['Syrians', 'Syrian'],
  ['Iraqis', 'Iraqi'],
  ['Iranians', 'Iranian'],
  ['Afghans', 'Afghan'],
  ['Americans', 'American'],
  ['Russians', 'Russian'],
  ['Britons', 'British'],
  ['Europeans', 'European'],
  ['Arabs', 'Arab'],
  ['Kurds', 'Kurdish'],
  ['Palestinians', 'Palestinian'],
  ['Israelis', 'Israeli'],
  ['Turks', 'Turkish'],
  ['Saudis', 'Saudi'],
  ['Yemenis', 'Yemeni'],
  ['Libyans', 'Libyan'],
  ['Egyptians', 'Egyptian'],
  ['Pakistanis', 'Pakistani'],
  ['Chinese'],
  ['Mexicans', 'Mexican'],
  ['Muslims', 'Muslim'],
  ['Christians', 'Christian'],
  ['Jews', 'Jewish'],
  ['Sunnis', 'Sunni'],
  ['Shiites', 'Shiite', 'Shia'],
  ['Hindus', 'Hindu'],
  ['Westerners', 'Western'],
  ['Democrats'],
  ['Republicans'],
] as const)
  for (const form of [group, ...forms]) GROUP_WORDS.set(form, group);

const GROUP_NOUNS = new Set(
  `analysts|officials|observers|critics|experts|fighters|commanders|rebels|scholars|recruits|diplomats|militants|jihadis|lawmakers|activists|residents|sources|leaders|investigators|researchers|strategists|aides|advisers|insiders|supporters|opponents|voters|witnesses|authorities|prosecutors|circles|figures|groups|forces|community`.split(
    '|',
  ),
);
/** Flags the last characters of the group nouns (all but one end in "s"), by character code. */
const GROUP_NOUN_ENDINGS = new Uint8Array(0x10000);
for (const w of GROUP_NOUNS) GROUP_NOUN_ENDINGS[w.charCodeAt(w.length - 1)] = 1;
const GROUP_MODIFIERS = new Set(
  `US|U.S.|Western|Arab|European|American|Syrian|Iraqi|Iranian|Russian|Turkish|Israeli|Palestinian|Kurdish|Islamist|Sunni|Shiite|foreign|local|senior|religious|potential|prospective|western|military|intelligence|security|government|administration|rebel|former|top|independent|international`.split(
    '|',
  ),
);
const BARE_GROUP_NOUNS = new Set(
  'analysts|officials|observers|critics|experts|diplomats|rebels'.split('|'),
);
const WORD_CHAR = /[\p{L}\p{N}-]/u;
/** Space, tab, line breaks, no-break space. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160;
}

/**
 * "analysts", or a modifier and a group noun ("US officials", "foreign fighters"), within blocks, in
 * text order: read off wink-nlp's tokens of the text (already made for the attributions), with a
 * set lookup per token rather than a regular expression over the text.
 */
function findUnnamedGroups(text: string, blocks: EntityBlock[]): (Span & { block: number })[] {
  const out: (Span & { block: number })[] = [];
  const { tokens } = analyse(text);
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens.text(i);
    // A character comparison rules out most tokens before the set is asked.
    if (GROUP_NOUN_ENDINGS[word.charCodeAt(word.length - 1)] !== 1 || !GROUP_NOUNS.has(word))
      continue;
    const start = tokens.start(i);
    const end = tokens.end(i);
    const block = blockAt(blocks, start);
    if (!block || end > block.end) continue;
    if (start > block.start && WORD_CHAR.test(text[start - 1] as string)) continue;
    if (end < text.length && WORD_CHAR.test(text[end] as string)) continue;
    // The word before, across spaces only, may be a modifier that belongs to the group's name.
    const modifier =
      i > 0 &&
      tokens.start(i - 1) >= block.start &&
      tokens.end(i - 1) < start &&
      /^[\s\u00a0]+$/.test(text.slice(tokens.end(i - 1), start)) &&
      GROUP_MODIFIERS.has(tokens.text(i - 1));
    if (modifier) out.push({ start: tokens.start(i - 1), end, block: block.index });
    else if (BARE_GROUP_NOUNS.has(word)) out.push({ start, end, block: block.index });
  }
  return out;
}

/** The block holding a character (blocks in text order, not overlapping). */
function blockAt(blocks: EntityBlock[], at: number): EntityBlock | undefined {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid] as EntityBlock;
    if (at < b.start) hi = mid - 1;
    else if (at >= b.end) lo = mid + 1;
    else return b;
  }
  return undefined;
}

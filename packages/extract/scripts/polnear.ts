// Reads PolNeAR (text and brat standoff attributions) from ../shared/polnear. Nothing of it is
// copied into the repository: it is read at evaluation time only.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '../src/quotes.js';

export interface ScoredAttribution {
  source: Span[] | null;
  cue: Span[];
  content: Span[];
}

export interface PolnearArticle {
  name: string;
  text: string;
  gold: ScoredAttribution[];
}

export const POLNEAR_DIR = new URL('../../../../shared/polnear/', import.meta.url).pathname;

export function polnearAvailable(): boolean {
  return existsSync(join(POLNEAR_DIR, 'dev', 'text'));
}

function parseSpans(ranges: string): Span[] {
  return ranges.split(';').map((r) => {
    const [start, end] = r.trim().split(/\s+/).map(Number);
    return { start: start ?? 0, end: end ?? 0 };
  });
}

export function parseAnnotations(ann: string): ScoredAttribution[] {
  const spans = new Map<string, Span[]>();
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    const [id, body] = line.split('\t');
    if (!id || !body) continue;
    if (id.startsWith('T')) {
      const m = /^\S+ (.+)$/.exec(body);
      if (m?.[1]) spans.set(id, parseSpans(m[1]));
    } else if (id.startsWith('E')) events.push(body);
  }
  return events.map((body) => {
    const roles = body.trim().split(/\s+/).slice(1);
    const out: ScoredAttribution = { source: null, cue: [], content: [] };
    for (const role of roles) {
      const [name, ref] = role.split(':');
      const s = spans.get(ref ?? '') ?? [];
      if (name?.startsWith('Source')) out.source = [...(out.source ?? []), ...s];
      else if (name?.startsWith('Cue')) out.cue.push(...s);
      else if (name?.startsWith('Content')) out.content.push(...s);
    }
    return out;
  });
}

export function loadSplit(split: 'train' | 'dev'): PolnearArticle[] {
  const dir = join(POLNEAR_DIR, split);
  const annotations = readdirSync(join(dir, 'attributions')).sort();
  return readdirSync(join(dir, 'text'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.txt$/, '');
      // Several annotators' files: the alphabetically first, as the corpus README says.
      const ann = annotations.find((a) => a.startsWith(`${name}_`));
      return {
        name,
        text: readFileSync(join(dir, 'text', file), 'utf8'),
        gold: ann ? parseAnnotations(readFileSync(join(dir, 'attributions', ann), 'utf8')) : [],
      };
    });
}

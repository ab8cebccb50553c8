// Prints the attributions found in a text file (development aid).
import { readFileSync } from 'node:fs';
import { findAttributions, textBlocks } from '../src/index.js';

const text = readFileSync(process.argv[2] as string, 'utf8');
const blocks = textBlocks(text).filter((b) => b.kind !== 'banner' && b.kind !== 'footer');
const show = (s: { start: number; end: number } | null) =>
  s ? JSON.stringify(text.slice(s.start, s.end)) : '-';
findAttributions(text, blocks).forEach((a, i) => {
  console.log(
    `${i} ${a.kind} src=${show(a.source)} cue=${show(a.cue)} cont=${a.content.map((c) => show(c).slice(0, 70)).join(' | ')}${a.continues !== null ? ` cont<-${a.continues}` : ''}${a.parent !== null ? ` parent=${a.parent}` : ''}`,
  );
});

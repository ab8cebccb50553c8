// Development aid: prints each token of a text file with its tag and lemma, by sentence.
import { readFileSync } from 'node:fs';
import { analyse } from '../src/nlp.js';

const text = readFileSync(process.argv[2] as string, 'utf8');
const { tokens, sentences } = analyse(text);
for (const s of sentences) {
  const words: string[] = [];
  for (let i = s.first; i <= s.last; i++) words.push(`${tokens.text(i)}/${tokens.pos(i)}`);
  console.log(words.join(' '));
}

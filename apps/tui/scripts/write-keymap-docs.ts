// Writes KEYS.md from the keymap table; a test fails when the file is out of date.
import { writeFileSync } from 'node:fs';
import { keymapMarkdown } from '../src/keys/keysMarkdown.js';

const target = new URL('../KEYS.md', import.meta.url);
writeFileSync(target, keymapMarkdown());
console.log(`wrote ${target.pathname}`);

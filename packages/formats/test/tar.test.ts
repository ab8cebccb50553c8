import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTar } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'claimscope-tar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tar archives of brat files', () => {
  it('are read by tar(1), long names and non-ASCII text included', () => {
    const long = `${'a-very-long-article-id-'.repeat(6)}end.ann`;
    const archive = writeTar([
      { name: 'story.txt', content: 'Café 🌊\n' },
      { name: long, content: 'T1\tPerson 0 4\tCafé\n' },
    ]);
    expect(archive.length % 512).toBe(0);
    writeFileSync(join(dir, 'a.tar'), archive);
    execFileSync('tar', ['-xf', 'a.tar'], { cwd: dir });
    expect(readFileSync(join(dir, 'story.txt'), 'utf8')).toBe('Café 🌊\n');
    expect(readFileSync(join(dir, long), 'utf8')).toBe('T1\tPerson 0 4\tCafé\n');
  });
});

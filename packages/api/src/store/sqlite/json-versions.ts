import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTICLES_DIR } from '../data-folder.js';
import type { StoredVersion } from '../stored-version.js';

const VERSION_FILE = /^v(\d{6,})\.json$/;

/**
 * Every article version in a data folder of the JSON embedded store (`articles/<id>/v000001.json`,
 * one file per version, written atomically), in import order, for the first start of the SQLite
 * store on that folder. Leftover temporary files of interrupted writes are not versions: skipped.
 */
export function readJsonVersions(dataDir: string): StoredVersion[] {
  const articlesDir = join(dataDir, ARTICLES_DIR);
  let articleIds: string[];
  try {
    articleIds = readdirSync(articlesDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const versions: StoredVersion[] = [];
  for (const articleId of articleIds) {
    const dir = join(articlesDir, articleId);
    for (const name of readdirSync(dir)) {
      if (!VERSION_FILE.test(name)) continue;
      const path = join(dir, name);
      try {
        versions.push(JSON.parse(readFileSync(path, 'utf8')) as StoredVersion);
      } catch (error) {
        throw new Error(
          `cannot read the stored article version ${path}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
  return versions.sort(
    (a, b) =>
      (a.importedAt ?? '').localeCompare(b.importedAt ?? '') ||
      a.articleId.localeCompare(b.articleId) ||
      a.version - b.version,
  );
}

import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { syncDirectory, withImportLock } from '../store/folder-lock.js';
import type { Draft } from './draft.js';
import { type DraftStore, isNextRevision, newestFirst } from './draft-store.js';

/**
 * Drafts as files `drafts/<id>.json` in the data folder, each replaced whole (a new file renamed
 * over it) under the folder's drafts lock, so a crash leaves the previous save or the new one.
 */
export function createFileDraftStore(dataDir: string): DraftStore {
  const dir = join(dataDir, 'drafts');
  const pathOf = (id: string) => join(dir, `${id}.json`);
  const read = async (path: string): Promise<Draft | null> => {
    try {
      return JSON.parse(await readFile(path, 'utf8')) as Draft;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new Error(
        `cannot read the draft ${path}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  return {
    saveDraft: async (draft) => {
      await mkdir(dir, { recursive: true });
      return withImportLock(join(dataDir, 'drafts.lock'), async () => {
        if (!isNextRevision(await read(pathOf(draft.id)), draft)) return false;
        const temporary = join(dir, `.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
        const file = await open(temporary, 'w', 0o600);
        try {
          await file.writeFile(JSON.stringify(draft));
          await file.sync();
        } finally {
          await file.close();
        }
        try {
          await rename(temporary, pathOf(draft.id));
        } catch (error) {
          await rm(temporary, { force: true });
          throw error;
        }
        await syncDirectory(dir);
        return true;
      });
    },
    getDraft: (id) => (/^draft-[0-9a-f]{16}$/.test(id) ? read(pathOf(id)) : Promise.resolve(null)),
    listDrafts: async (owner) => {
      const names = await readdir(dir).catch(() => [] as string[]);
      const drafts: Draft[] = [];
      for (const name of names)
        if (/^draft-[0-9a-f]{16}\.json$/.test(name)) {
          const draft = await read(join(dir, name));
          if (draft?.owner === owner) drafts.push(draft);
        }
      return drafts.sort(newestFirst);
    },
  };
}

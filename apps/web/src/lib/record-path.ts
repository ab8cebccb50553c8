import { foldText } from '@claimscope/schema/display';

/** The API's id syntax (the schema's `Id`): lowercase letters, digits and . _ : - */
export const RECORD_ID = /^[a-z0-9][a-z0-9._:-]*$/;

const RECORD_PATH = /^\/(articles|entities|claims)\/([^/]+)(\/cards)?$/;

/** The id a hand-typed or mis-cased id stands for: "Matthew Levitt" → "matthew-levitt". */
export function normalizeRecordId(id: string): string {
  return foldText(id)
    .trim()
    .replace(/[\s_]+/g, '-');
}

/**
 * The canonical path for a record page whose id is spelt in another case, with spaces or with
 * accents (`/entities/Matthew%20Levitt` → `/entities/matthew-levitt`), or null when the path is
 * already canonical or no id could be made of it (the page then answers 404).
 */
export function canonicalRecordPath(pathname: string): string | null {
  const match = RECORD_PATH.exec(pathname);
  if (!match) return null;
  const [, collection, encoded, rest = ''] = match;
  let id: string;
  try {
    id = decodeURIComponent(encoded ?? '');
  } catch {
    return null;
  }
  const normalized = normalizeRecordId(id);
  if (normalized === id || !RECORD_ID.test(normalized)) return null;
  return `/${collection}/${normalized}${rest}`;
}

import { RECORD_ID } from './record-path';

/** A page's search params as Next hands them over: a key may come once, several times or not at all. */
export type SearchParamsRecord = Record<string, string | string[] | undefined>;

/** Every value of `key`, with comma-separated lists split and empty values dropped. */
export function paramValues(params: SearchParamsRecord, key: string): string[] {
  return [params[key] ?? []]
    .flat()
    .flatMap((v) => v.split(','))
    .filter(Boolean);
}

/** The most characters of a text filter the API takes (its `TextFilterSchema`). */
export const TEXT_FILTER_MAX = 200;

/** The first value of `key` as words to filter by: trimmed, cut to what the API takes ('' for none). */
export function textParam(params: SearchParamsRecord, key: string): string {
  return ([params[key] ?? []].flat()[0] ?? '').trim().slice(0, TEXT_FILTER_MAX);
}

/** The first value of `key` if it is a record id the API could accept, else null. */
export function idParam(params: SearchParamsRecord, key: string): string | null {
  const value = paramValues(params, key)[0];
  return value && RECORD_ID.test(value) ? value : null;
}

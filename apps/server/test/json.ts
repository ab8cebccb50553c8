// biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies of many shapes and assert on them.
export type Json = any;

/** The parsed JSON body of a response, loosely typed for assertions. */
export async function readJson(response: Response): Promise<Json> {
  return response.json();
}

import { createClaimscopeClient, TRPCClientError } from '@claimscope/client';
import type { CliOptions } from './args.js';

type Print = (line: string) => void;

/**
 * `claimscope import`: into the embedded store of this machine, or with `--api` into a server
 * through its admin-only `article.import`. Returns the exit code: 1 when any document was rejected.
 */
export async function runImport(
  options: CliOptions,
  paths: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  print: Print,
): Promise<number> {
  // The import helpers load only for this command.
  const { countOutcome, describeOutcome, importPaths, readDocumentCandidates } = await import(
    '@claimscope/api'
  );
  if (options.api === null) {
    const { openLocalStore } = await import('../api/local.js');
    const { defaultDataDir } = await import('@claimscope/api');
    const dataDir = options.dataDir ?? defaultDataDir(env);
    const store = await openLocalStore({ kind: 'embedded', dataDir });
    try {
      print(`importing into ${dataDir}`);
      const totals = await importPaths(store, paths, print);
      print(`${totals.stored} stored, ${totals.unchanged} unchanged, ${totals.rejected} rejected`);
      return totals.rejected > 0 ? 1 : 0;
    } finally {
      await store.close();
    }
  }

  const token = env.CLAIMSCOPE_ADMIN_TOKEN?.trim();
  if (!token)
    throw new Error("import with --api needs the server's admin token in CLAIMSCOPE_ADMIN_TOKEN");
  const client = createClaimscopeClient({
    url: options.api,
    headers: { authorization: `Bearer ${token}` },
  });
  print(`importing into ${options.api}`);
  const totals = { stored: 0, unchanged: 0, rejected: 0 };
  let index = 0;
  // One document per request keeps each under the server's body limit.
  for await (const entry of readDocumentCandidates(paths)) {
    if ('unreadable' in entry) {
      totals.rejected += 1;
      print(`rejected   ${entry.source}\n  (file): ${entry.unreadable}`);
      continue;
    }
    let report: Awaited<ReturnType<typeof client.article.import.mutate>>;
    try {
      report = await client.article.import.mutate({ documents: [entry.candidate] });
    } catch (error) {
      if (error instanceof TRPCClientError && error.data?.httpStatus === 413) {
        totals.rejected += 1;
        print(
          `rejected   ${entry.source}\n  (document): larger than the server accepts in one request`,
        );
        continue;
      }
      throw error;
    }
    for (const outcome of report.outcomes) {
      const located = { ...outcome, index: index++, source: entry.source };
      print(describeOutcome(located));
      countOutcome(totals, located);
    }
  }
  print(`${totals.stored} stored, ${totals.unchanged} unchanged, ${totals.rejected} rejected`);
  return totals.rejected > 0 ? 1 : 0;
}

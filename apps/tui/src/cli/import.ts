import { createClaimscopeClient, TRPCClientError } from '@claimscope/client';
import { type Environment, readSettings } from '../config.js';
import type { CliOptions } from './args.js';

type Print = (line: string) => void;

/**
 * Documents read from brat standoff or W3C Web Annotation files; what each could not carry over
 * is printed before it is imported, never dropped in silence.
 */
async function* formatCandidates(paths: readonly string[], format: 'brat' | 'w3c', print: Print) {
  const { readFormatCandidates } = await import('@claimscope/formats/readers');
  for await (const entry of readFormatCandidates(paths, format)) {
    if ('candidate' in entry)
      for (const note of entry.unrepresented)
        print(`not represented  ${entry.source} ${note.where}: ${note.reason}`);
    yield entry;
  }
}

/**
 * `claimscope import`: into the embedded store of this machine, or with `--api` into a server
 * through its admin-only `article.import`. Returns the exit code: 1 when any document was rejected.
 */
export async function runImport(
  options: CliOptions,
  paths: readonly string[],
  env: Environment,
  print: Print,
  from: 'brat' | 'w3c' | null = null,
): Promise<number> {
  // The import helpers load only for this command.
  const { defaultDataDir, importCandidates, importDocument, readDocumentCandidates } = await import(
    '@claimscope/api'
  );
  const settings = readSettings(env);
  const candidates = from ? formatCandidates(paths, from, print) : readDocumentCandidates(paths);
  if (options.api === null) {
    const { openLocalStore } = await import('../api/local.js');
    const dataDir = options.dataDir ?? defaultDataDir(settings.dataDirVariables);
    const store = await openLocalStore({ kind: 'embedded', dataDir });
    try {
      print(`importing into ${dataDir}`);
      const totals = await importCandidates(
        candidates,
        (candidate, index, source) => importDocument(store, candidate, index, source),
        print,
      );
      print(`${totals.stored} stored, ${totals.unchanged} unchanged, ${totals.rejected} rejected`);
      return totals.rejected > 0 ? 1 : 0;
    } finally {
      await store.close();
    }
  }

  const token = settings.adminToken;
  if (!token)
    throw new Error("import with --api needs the server's admin token in CLAIMSCOPE_ADMIN_TOKEN");
  const client = createClaimscopeClient({
    url: options.api,
    headers: { authorization: `Bearer ${token}` },
  });
  print(`importing into ${options.api}`);
  // One document per request keeps each under the server's body limit.
  const totals = await importCandidates(
    candidates,
    async (candidate, index, source) => {
      try {
        const [outcome] = (await client.article.import.mutate({ documents: [candidate] })).outcomes;
        if (!outcome) throw new Error('the server answered an import with no outcome');
        return { ...outcome, index, source };
      } catch (error) {
        if (!(error instanceof TRPCClientError && error.data?.httpStatus === 413)) throw error;
        const message = 'larger than the server accepts in one request';
        return {
          index,
          source,
          articleId: null,
          status: 'rejected',
          version: null,
          issues: [{ path: '(document)', message }],
        };
      }
    },
    print,
  );
  print(`${totals.stored} stored, ${totals.unchanged} unchanged, ${totals.rejected} rejected`);
  return totals.rejected > 0 ? 1 : 0;
}

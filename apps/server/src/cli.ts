import { parseArgs } from 'node:util';
import { importPaths } from '@claimscope/api';
import { openStoreFromEnv } from './store.js';

const USAGE = `usage: claimscope-server <command>

commands:
  import <file|dir>...   validate and import documents (JSON: one ArticleDocument or an array);
                         a directory is searched for .json files. Each document is stored whole
                         or not at all, and refused over 1 MiB of JSON (the API's limit too);
                         exits 1 if any was rejected.
  migrate                apply the PostgreSQL migrations (needs CLAIMSCOPE_DATABASE_URL)

options:
  --data-dir <dir>       the embedded store's data directory (default: CLAIMSCOPE_DATA_DIR,
                         else $XDG_DATA_HOME/claimscope, else ~/.local/share/claimscope)
  -h, --help             show this help

The store is PostgreSQL when CLAIMSCOPE_DATABASE_URL is set, else the embedded data directory.`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const env = { ...process.env };
  if (values['data-dir']) env.CLAIMSCOPE_DATA_DIR = values['data-dir'];
  const print = (line: string) => process.stdout.write(`${line}\n`);

  if (command === 'migrate') {
    if (!env.CLAIMSCOPE_DATABASE_URL) {
      process.stderr.write(
        'migrate needs CLAIMSCOPE_DATABASE_URL (the embedded store has no migrations)\n',
      );
      return 2;
    }
    const { migratePostgres } = await import('@claimscope/api/postgres');
    const applied = await migratePostgres(env.CLAIMSCOPE_DATABASE_URL);
    print(applied.length ? `applied ${applied.join(', ')}` : 'the database is up to date');
    return 0;
  }
  if (command === 'import') {
    if (rest.length === 0) {
      process.stderr.write('import needs at least one file or directory\n');
      return 2;
    }
    const { store, description } = await openStoreFromEnv(env);
    try {
      print(`importing into ${description}`);
      const totals = await importPaths(store, rest, print);
      print(`${totals.stored} stored, ${totals.unchanged} unchanged, ${totals.rejected} rejected`);
      return totals.rejected > 0 ? 1 : 0;
    } finally {
      await store.close();
    }
  }
  process.stderr.write(`unknown command "${command}"\n\n${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`claimscope: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

import { parseArgs } from 'node:util';
import {
  AccountError,
  type ClaimStore,
  changePassword,
  createAccount,
  importPaths,
  MIN_PASSWORD_LENGTH,
  ROLES,
} from '@claimscope/api';
import { readStoreSettings } from './config.js';
import { readPassword } from './password-input.js';
import { openStoreFromEnv } from './store.js';

const USAGE = `usage: claimscope-server <command>

commands:
  import <file|dir>...   validate and import documents (JSON: one ArticleDocument or an array);
                         a directory is searched for .json files. Each document is stored whole
                         or not at all, and refused over 1 MiB of JSON (the API's limit too);
                         exits 1 if any was rejected.
  migrate                apply the PostgreSQL migrations (needs CLAIMSCOPE_DATABASE_URL)
  user add <name> [--role viewer|editor|admin]
                         create an account (role editor unless given); the first admin is
                         made this way. The password is asked for at the terminal (twice), or
                         read as the first line of stdin; never from the command line.
  user list              the accounts and their roles
  user remove <name>     delete an account and end its sessions
  user passwd <name>     set a new password (asked for as in add); ends the account's sessions

options:
  --data-dir <dir>       the embedded store's data directory (default: CLAIMSCOPE_DATA_DIR,
                         else $XDG_DATA_HOME/claimscope, else ~/.local/share/claimscope)
  -h, --help             show this help

The store is PostgreSQL when CLAIMSCOPE_DATABASE_URL is set, else the embedded data directory.`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      role: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
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
  if (command === 'user') {
    const [action, username, ...extra] = rest;
    const settings = readStoreSettings(env);
    if (settings.documentsFile && !settings.databaseUrl) {
      process.stderr.write(
        'accounts need the embedded data folder or PostgreSQL; CLAIMSCOPE_DOCUMENTS is read-only\n',
      );
      return 2;
    }
    const needsName = action === 'add' || action === 'remove' || action === 'passwd';
    if (
      !action ||
      !['add', 'list', 'remove', 'passwd'].includes(action) ||
      extra.length > 0 ||
      needsName !== (username !== undefined)
    ) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    if (values.role !== undefined && action !== 'add') {
      process.stderr.write('--role goes with user add only\n');
      return 2;
    }
    const { store } = await openStoreFromEnv(env);
    try {
      return await manageUser(store, action, username ?? '', values.role ?? 'editor', print);
    } catch (error) {
      if (!(error instanceof AccountError)) throw error;
      process.stderr.write(`claimscope: ${error.message}\n`);
      return 1;
    } finally {
      await store.close();
    }
  }
  process.stderr.write(`unknown command "${command}"\n\n${USAGE}\n`);
  return 2;
}

async function manageUser(
  store: ClaimStore,
  action: string,
  username: string,
  role: string,
  print: (line: string) => void,
): Promise<number> {
  const prompt = `password for ${username} (at least ${MIN_PASSWORD_LENGTH} characters): `;
  if (action === 'list') {
    const accounts = await store.accounts.listAccounts();
    if (accounts.length === 0)
      print('no accounts yet: add the first admin with "user add <name> --role admin"');
    for (const account of accounts)
      print(`${account.username}\t${account.role}\t${account.createdAt}`);
    return 0;
  }
  if (action === 'remove') {
    if (!(await store.accounts.removeAccount(username)))
      throw new AccountError(`username: there is no account "${username}"`);
    print(`removed ${username}; its sessions are ended`);
    return 0;
  }
  if (action === 'add') {
    // Before the password is asked for: a typo in the role or a taken name fails at once.
    if (!(ROLES as readonly string[]).includes(role))
      throw new AccountError(`role: "${role}" is not one of ${ROLES.join(', ')}`);
    if (await store.accounts.findAccount(username))
      throw new AccountError(`username: "${username}" is taken`);
    const account = await createAccount(store.accounts, {
      username,
      role,
      password: await readPassword(prompt, true),
    });
    print(`added ${account.username} (${account.role})`);
    return 0;
  }
  if (!(await store.accounts.findAccount(username)))
    throw new AccountError(`username: there is no account "${username}"`);
  await changePassword(store.accounts, username, await readPassword(prompt, true));
  print(`changed the password of ${username}; its sessions are ended`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`claimscope: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

import { parseArgs } from 'node:util';
import { CSV_TABLES, EXPORT_FORMAT_NAMES } from '@claimscope/formats/names';
import { ENTITY_KINDS } from '@claimscope/schema/display';
import {
  type Environment,
  httpUrl,
  readSettings,
  SettingsError,
  type TerminalSettings,
} from '../config.js';

/** Exit code for a command line that cannot be understood, as in most Unix tools. */
export const USAGE_EXIT_CODE = 2;

export const SUBCOMMANDS = [
  'article',
  'entities',
  'claims',
  'relations',
  'search',
  'import',
  'export',
  'extract',
] as const;
export type Subcommand = (typeof SUBCOMMANDS)[number];

export interface CliOptions {
  /** The API to talk to; null runs the API in-process over the embedded store. */
  api: string | null;
  /** The embedded store's data directory (--data-dir), else the default (CLAIMSCOPE_DATA_DIR, …). */
  dataDir: string | null;
  articleId: string | null;
  json: boolean;
  /** `--review unreviewed,disputed`: only what has one of these review statuses (entities, claims, relations). */
  review?: ReviewStatus[];
}

export const REVIEW_STATUSES = ['unreviewed', 'reviewed', 'disputed', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'interactive'; options: CliOptions }
  | { kind: 'article'; options: CliOptions }
  | { kind: 'entities'; options: CliOptions; entityKind: string | null }
  | { kind: 'claims'; options: CliOptions; speakerId: string | null; aboutId: string | null }
  | { kind: 'relations'; options: CliOptions; entityId: string | null }
  | { kind: 'search'; options: CliOptions; query: string }
  | {
      kind: 'import';
      options: CliOptions;
      paths: string[];
      /** Read brat standoff or W3C Web Annotation instead of ArticleDocument JSON. */
      from?: 'brat' | 'w3c';
    }
  | ExportCommand
  | { kind: 'extract'; options: CliOptions; paths: string[]; out: string | null };

/** `claimscope export`: one article (`--article`) or the whole corpus, in one of the field's formats. */
export interface ExportCommand {
  kind: 'export';
  options: CliOptions;
  format: (typeof EXPORT_FORMAT_NAMES)[number];
  /** For csv: which table. */
  table: (typeof CSV_TABLES)[number];
  /** A file (a folder for brat); null writes to stdout (brat: ./claimscope-brat). */
  out: string | null;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `claimscope: browse annotated news articles (entities, claims, relations)

Usage:
  claimscope [--api <url>] [--article <id>]     the interactive terminal UI (needs a TTY)
  claimscope article   [--json]                  the article: headline, byline, counts, text
  claimscope entities  [--kind <kind>] [--json]  entities, most mentioned first
  claimscope claims    [--speaker <id>] [--about <id>] [--json]
  claimscope relations [--entity <id>] [--json]
                   entities, claims and relations take --review unreviewed|reviewed|disputed|rejected
                   (several comma-separated): unreviewed lists machine-made drafts nobody checked
  claimscope search <query> [--json]
  claimscope import <file|dir>...                validate and import documents (ArticleDocument JSON;
                                                 .txt and .html articles are extracted first)
  claimscope import --from brat <dir|file.ann>... brat standoff (also PolNeAR's folder layout)
  claimscope import --from w3c <file.jsonld>...   W3C Web Annotations, each of the x.txt beside it
  claimscope export --format <format> [--article <id>] [--out <path>] [--table <table>]
                   one article, or without --article the whole corpus, as w3c, schemaorg,
                   csv (--table claims|entities|mentions|relations), jsonl, json, or brat
                   (a folder of .txt and .ann files)
  claimscope extract <file|dir>... [--out <dir>] [--json]
                                                 draft annotation of .txt and .html articles

Options:
  --api <url>      a claimscope server, e.g. http://localhost:4000 (or its /trpc endpoint)
                   (default: $CLAIMSCOPE_API_URL, else in-process: see below)
  --data-dir <dir> the embedded store's folder of imported documents (default:
                   $CLAIMSCOPE_DATA_DIR, else $XDG_DATA_HOME/claimscope, else ~/.local/share/claimscope)
  --article <id>   which article to show (default: the first one)
  --json           print JSON instead of text (subcommands only)
  --out <dir>      extract: write <input name>.json per input into <dir>
  -h, --help       show this help
  -v, --version    show the version

Without --api, the UI and the subcommands read the built-in corpus plus what was imported into
the data directory. 'import' with --api sends the documents to that server's article.import,
authorised by $CLAIMSCOPE_ADMIN_TOKEN. Each document is validated first and stored whole or not
at all; import exits 1 if any was rejected. 'extract' needs nothing running: it prints who is
quoted through which channel (or the document with --json, or writes files with --out), every
annotation machine-made and unreviewed; it exits 1 if any input could not be read or extracted.

Keys in the UI: press ? for help. Exit codes: 0 ok, 1 error, 2 bad usage.`;

const OPTIONS = {
  api: { type: 'string' },
  article: { type: 'string' },
  json: { type: 'boolean' },
  kind: { type: 'string' },
  speaker: { type: 'string' },
  about: { type: 'string' },
  entity: { type: 'string' },
  review: { type: 'string' },
  'data-dir': { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  table: { type: 'string' },
  from: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type OptionName = keyof typeof OPTIONS;

/** Which options each command accepts beyond --api, --article, --help and --version. */
const COMMAND_OPTIONS: Record<Subcommand | 'interactive', readonly OptionName[]> = {
  interactive: [],
  article: ['json'],
  entities: ['json', 'kind', 'review'],
  claims: ['json', 'speaker', 'about', 'review'],
  relations: ['json', 'entity', 'review'],
  search: ['json'],
  import: ['from'],
  export: ['format', 'out', 'table'],
  extract: ['json', 'out'],
};

const COMMON: readonly OptionName[] = ['api', 'article', 'data-dir', 'help', 'version'];

/** Turns node's parseArgs errors into one line that names the culprit. */
function parseError(error: unknown): UsageError {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return new UsageError(`unknown option '${unknown[1]}'`);
  const missing = /Option '([^']+)' argument missing/.exec(message);
  if (missing)
    return new UsageError(
      `option '${missing[1]?.replace(/^-\w, /, '').replace(/ <value>$/, '')}' needs a value`,
    );
  return new UsageError(message.split('\n')[0] ?? message);
}

/** The `--api` flag's URL, checked as CLAIMSCOPE_API_URL is. */
function validUrl(value: string): string {
  const parsed = httpUrl('--api').safeParse(value);
  if (parsed.success) return parsed.data;
  throw new UsageError(parsed.error.issues[0]?.message ?? `--api: '${value}' is not a URL`);
}

/** The environment's settings, a bad one reported as a usage error. */
function settingsOf(env: Environment): TerminalSettings {
  try {
    return readSettings(env);
  } catch (error) {
    if (error instanceof SettingsError) throw new UsageError(error.message);
    throw error;
  }
}

/** Parses argv (without node and the script) and the environment into one command. */
export function parseCommandLine(argv: readonly string[], env: Environment): CliCommand {
  let parsed: ReturnType<
    typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>
  >;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw parseError(error);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };

  const [first, ...rest] = positionals;
  let command: Subcommand | 'interactive' = 'interactive';
  if (first !== undefined) {
    if (!(SUBCOMMANDS as readonly string[]).includes(first))
      throw new UsageError(
        `unknown command '${first}'; expected one of: ${SUBCOMMANDS.join(', ')}`,
      );
    command = first as Subcommand;
  }
  const allowed = new Set([...COMMON, ...COMMAND_OPTIONS[command]]);
  for (const name of Object.keys(values) as OptionName[]) {
    if (!allowed.has(name))
      throw new UsageError(
        command === 'interactive'
          ? `option '--${name}' only works with a subcommand`
          : `option '--${name}' does not apply to '${command}'`,
      );
  }
  if (command === 'search') {
    if (rest.length === 0)
      throw new UsageError(`'search' needs a query, e.g. claimscope search zarqawi`);
  } else if (command === 'export') {
    if (rest.length > 0) throw new UsageError(`unexpected argument '${rest[0]}'`);
    if (!EXPORT_FORMAT_NAMES.includes(values.format as never))
      throw new UsageError(
        `'export' needs --format, one of: ${EXPORT_FORMAT_NAMES.join(', ')}${values.format ? ` (got '${values.format}')` : ''}`,
      );
    if (values.table !== undefined && !CSV_TABLES.includes(values.table as never))
      throw new UsageError(
        `--table must be one of: ${CSV_TABLES.join(', ')}, got '${values.table}'`,
      );
  } else if (command === 'import') {
    if (rest.length === 0) throw new UsageError(`'import' needs at least one file or directory`);
    if (values.from !== undefined && values.from !== 'brat' && values.from !== 'w3c')
      throw new UsageError(`--from must be brat or w3c, got '${values.from}'`);
  } else if (command === 'extract') {
    if (rest.length === 0) throw new UsageError(`'extract' needs at least one file or directory`);
  } else if (rest.length > 0) {
    throw new UsageError(`unexpected argument '${rest[0]}'`);
  }

  const api = values.api !== undefined ? validUrl(values.api) : settingsOf(env).apiUrl;
  const options: CliOptions = {
    api,
    articleId: values.article ?? null,
    dataDir: values['data-dir'] ?? null,
    json: values.json ?? false,
    ...(values.review !== undefined ? { review: reviewStatuses(values.review) } : {}),
  };
  switch (command) {
    case 'interactive':
      return { kind: 'interactive', options };
    case 'article':
      return { kind: 'article', options };
    case 'entities':
      return { kind: 'entities', options, entityKind: entityKind(values.kind) };
    case 'claims':
      return {
        kind: 'claims',
        options,
        speakerId: values.speaker ?? null,
        aboutId: values.about ?? null,
      };
    case 'relations':
      return { kind: 'relations', options, entityId: values.entity ?? null };
    case 'search':
      return { kind: 'search', options, query: rest.join(' ') };
    case 'import':
      return {
        kind: 'import',
        options,
        paths: rest,
        ...(values.from ? { from: values.from as 'brat' | 'w3c' } : {}),
      };
    case 'export':
      return {
        kind: 'export',
        options,
        format: values.format as ExportCommand['format'],
        table: (values.table ?? 'claims') as ExportCommand['table'],
        out: values.out ?? null,
      };
    case 'extract':
      return { kind: 'extract', options, paths: rest, out: values.out ?? null };
  }
}

/** `--review`, one status or several separated by commas. */
function reviewStatuses(value: string): ReviewStatus[] {
  const statuses = value.split(',').map((s) => s.trim());
  for (const status of statuses)
    if (!(REVIEW_STATUSES as readonly string[]).includes(status))
      throw new UsageError(
        `--review: '${status}' is not a review status; expected one of: ${REVIEW_STATUSES.join(', ')}`,
      );
  return statuses as ReviewStatus[];
}

/** `--kind`, checked here so that the message can list the kinds there are. */
function entityKind(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (!(ENTITY_KINDS as readonly string[]).includes(value))
    throw new UsageError(
      `--kind: '${value}' is not an entity kind; expected one of: ${ENTITY_KINDS.join(', ')}`,
    );
  return value;
}

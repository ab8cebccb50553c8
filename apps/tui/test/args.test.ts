import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from '../src/cli/args.js';

const parse = (argv: string[], env: Record<string, string> = {}) => parseCommandLine(argv, env);

describe('parseCommandLine', () => {
  it('runs the UI in-process by default', () => {
    expect(parse([])).toEqual({
      kind: 'interactive',
      options: { api: null, articleId: null, dataDir: null, json: false },
    });
  });

  it('imports files and folders, into a chosen data directory', () => {
    expect(parse(['import', 'a.json', 'more/', '--data-dir', '/tmp/d'])).toEqual({
      kind: 'import',
      options: { api: null, articleId: null, dataDir: '/tmp/d', json: false },
      paths: ['a.json', 'more/'],
    });
    expect(() => parse(['import'])).toThrow("'import' needs at least one file or directory");
  });

  it('takes the API from --api, else from CLAIMSCOPE_API_URL', () => {
    expect(parse(['--api', 'http://h:4000/trpc'])).toMatchObject({
      options: { api: 'http://h:4000/trpc' },
    });
    expect(parse([], { CLAIMSCOPE_API_URL: 'http://e/trpc' })).toMatchObject({
      options: { api: 'http://e/trpc' },
    });
    expect(
      parse(['--api', 'http://a/trpc'], { CLAIMSCOPE_API_URL: 'http://e/trpc' }),
    ).toMatchObject({
      options: { api: 'http://a/trpc' },
    });
  });

  it('parses subcommands and their options', () => {
    expect(parse(['claims', '--speaker', 'matthew-levitt', '--json'])).toMatchObject({
      kind: 'claims',
      speakerId: 'matthew-levitt',
      options: { json: true },
    });
    expect(parse(['search', 'al', 'qaeda'])).toMatchObject({ kind: 'search', query: 'al qaeda' });
    expect(parse(['entities', '--kind', 'person'])).toMatchObject({
      kind: 'entities',
      entityKind: 'person',
    });
  });

  it('answers --help and --version first', () => {
    expect(parse(['claims', '--help'])).toEqual({ kind: 'help' });
    expect(parse(['-v'])).toEqual({ kind: 'version' });
  });

  it.each([
    [['--bogus'], "unknown option '--bogus'"],
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['entities', '--speaker', 'x'], "option '--speaker' does not apply to 'entities'"],
    [['--json'], "option '--json' only works with a subcommand"],
    [['search'], "'search' needs a query"],
    [['entities', 'extra'], "unexpected argument 'extra'"],
    [['--api', 'localhost:4000'], '--api must be an http(s) URL'],
    [['--api'], "option '--api' needs a value"],
  ])('rejects %j clearly', (argv, message) => {
    expect(() => parse(argv)).toThrow(UsageError);
    expect(() => parse(argv)).toThrow(message);
  });
});

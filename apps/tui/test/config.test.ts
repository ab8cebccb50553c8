import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from '../src/cli/args.js';
import { readSettings, SettingsError } from '../src/config.js';

describe('the terminal settings, read from the environment', () => {
  it('runs in-process on the SQLite store, in colour, when nothing (or blank) is set', () => {
    for (const env of [{}, { CLAIMSCOPE_API_URL: ' ', CLAIMSCOPE_EMBEDDED_STORE: '' }])
      expect(readSettings(env)).toEqual({
        apiUrl: null,
        adminToken: null,
        embeddedStore: 'sqlite',
        dataDirVariables: {},
        colour: true,
      });
  });

  it('reads the API, the admin token, the store, the data folder and NO_COLOR', () => {
    expect(
      readSettings({
        CLAIMSCOPE_API_URL: ' http://e:4000/trpc ',
        CLAIMSCOPE_ADMIN_TOKEN: ' secret ',
        CLAIMSCOPE_EMBEDDED_STORE: 'json',
        CLAIMSCOPE_DATA_DIR: '/srv/claimscope',
        HOME: '/home/ana',
        NO_COLOR: '1',
        UNRELATED: 'ignored',
      }),
    ).toEqual({
      apiUrl: 'http://e:4000/trpc',
      adminToken: 'secret',
      embeddedStore: 'json',
      dataDirVariables: { CLAIMSCOPE_DATA_DIR: '/srv/claimscope', HOME: '/home/ana' },
      colour: false,
    });
    // An empty NO_COLOR does not count (https://no-color.org).
    expect(readSettings({ NO_COLOR: '' }).colour).toBe(true);
  });

  it('refuses a bad value with a message naming the variable, which the command line reports', () => {
    expect(() => readSettings({ CLAIMSCOPE_EMBEDDED_STORE: 'postgres' })).toThrow(
      new SettingsError(
        "CLAIMSCOPE_EMBEDDED_STORE must be sqlite (the default) or json, got 'postgres'",
      ),
    );
    expect(() => parseCommandLine([], { CLAIMSCOPE_API_URL: 'localhost:4000' })).toThrow(
      new UsageError(
        "CLAIMSCOPE_API_URL must be an http(s) URL such as http://localhost:4000, got 'localhost:4000'",
      ),
    );
    expect(() => parseCommandLine(['--api', 'ftp://h'], {})).toThrow(
      new UsageError("--api must be an http(s) URL such as http://localhost:4000, got 'ftp://h'"),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { readConfig, readStoreSettings } from '../src/config.js';

describe('settings, read once through one schema', () => {
  it('gives the defaults for an empty environment', () => {
    expect(readConfig({})).toEqual({
      host: '127.0.0.1',
      port: 4000,
      corsOrigins: [],
      siteOrigins: [],
      adminToken: null,
    });
    expect(readStoreSettings({ HOME: '/home/ann' })).toEqual({
      databaseUrl: null,
      poolSize: undefined,
      documentsFile: null,
      embeddedStore: 'sqlite',
      dataDir: '/home/ann/.local/share/claimscope',
    });
  });

  it('reads every variable', () => {
    expect(
      readConfig({
        HOST: '0.0.0.0',
        PORT: '0',
        CLAIMSCOPE_CORS_ORIGINS: 'https://a.test/, http://b.test:3000',
        CLAIMSCOPE_SITE_ORIGINS: 'https://site.test',
        CLAIMSCOPE_ADMIN_TOKEN: '  a-token-of-sixteen+  ',
      }),
    ).toEqual({
      host: '0.0.0.0',
      port: 0,
      corsOrigins: ['https://a.test', 'http://b.test:3000'],
      siteOrigins: ['https://site.test'],
      adminToken: 'a-token-of-sixteen+',
    });
    expect(
      readStoreSettings({
        CLAIMSCOPE_DATABASE_URL: 'postgres://db/claims',
        CLAIMSCOPE_DATABASE_POOL_SIZE: '8',
        CLAIMSCOPE_DATA_DIR: '/srv/claimscope',
        CLAIMSCOPE_EMBEDDED_STORE: 'json',
      }),
    ).toMatchObject({
      embeddedStore: 'json',
      databaseUrl: 'postgres://db/claims',
      poolSize: 8,
      dataDir: '/srv/claimscope',
    });
  });

  it('refuses bad values with one message naming each variable', () => {
    expect(() =>
      readConfig({
        PORT: '70000',
        CLAIMSCOPE_CORS_ORIGINS: 'https://a.test/path',
        CLAIMSCOPE_ADMIN_TOKEN: 'short',
      }),
    ).toThrow(
      'PORT must be an integer from 0 to 65535, got "70000"; CLAIMSCOPE_CORS_ORIGINS: "https://a.test/path" is not an origin such as https://claimscope.dev; CLAIMSCOPE_ADMIN_TOKEN must be at least 16 characters long',
    );
    expect(() => readStoreSettings({ CLAIMSCOPE_DATABASE_POOL_SIZE: '1' })).toThrow(
      /^CLAIMSCOPE_DATABASE_POOL_SIZE must be an integer from 2 to 1000/,
    );
    expect(() => readStoreSettings({ CLAIMSCOPE_EMBEDDED_STORE: 'mysql' })).toThrow(
      /CLAIMSCOPE_EMBEDDED_STORE.*sqlite.*json/,
    );
  });
});

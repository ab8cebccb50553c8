import { describe, expect, it } from 'vitest';
import { DEFAULT_API_TIMEOUT_MS, DEFAULT_API_URL, webSettings } from '~/config';

describe('the web settings, read from the environment', () => {
  it('defaults to the local API server when nothing (or blank) is set', () => {
    for (const env of [{}, { CLAIMSCOPE_API_URL: '  ', CLAIMSCOPE_API_TIMEOUT_MS: '' }])
      expect(webSettings(env)).toEqual({
        apiUrl: DEFAULT_API_URL,
        apiOrigin: 'http://127.0.0.1:4000',
        apiTimeoutMs: DEFAULT_API_TIMEOUT_MS,
      });
  });

  it('takes the API endpoint and its origin from CLAIMSCOPE_API_URL, and the timeout in ms', () => {
    expect(
      webSettings({
        CLAIMSCOPE_API_URL: ' https://api.claimscope.dev/trpc/ ',
        CLAIMSCOPE_API_TIMEOUT_MS: '3000',
      }),
    ).toEqual({
      apiUrl: 'https://api.claimscope.dev/trpc/',
      apiOrigin: 'https://api.claimscope.dev',
      apiTimeoutMs: 3000,
    });
  });

  it('refuses a bad value with a message that names the variable', () => {
    expect(() => webSettings({ CLAIMSCOPE_API_TIMEOUT_MS: 'soon' })).toThrow(
      'CLAIMSCOPE_API_TIMEOUT_MS must be a number of milliseconds above 0, got "soon"',
    );
    expect(() => webSettings({ CLAIMSCOPE_API_TIMEOUT_MS: '0' })).toThrow(
      'CLAIMSCOPE_API_TIMEOUT_MS must be a number of milliseconds above 0, got "0"',
    );
    expect(() => webSettings({ CLAIMSCOPE_API_URL: 'ftp://example.org/trpc' })).toThrow(
      'CLAIMSCOPE_API_URL must be an http(s) URL such as http://127.0.0.1:4000/trpc, got "ftp://example.org/trpc"',
    );
  });
});

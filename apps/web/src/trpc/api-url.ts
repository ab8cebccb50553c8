export const DEFAULT_API_URL = 'http://127.0.0.1:4000/trpc';

/** Where the claimscope tRPC API lives, read at run time so one build serves any deployment. */
export function apiUrl(): string {
  return process.env.CLAIMSCOPE_API_URL?.trim() || DEFAULT_API_URL;
}

/** The API server's root, where its plain `/api/…` URLs live: CLAIMSCOPE_API_URL names its tRPC endpoint. */
export function apiOrigin(): string {
  return apiUrl()
    .replace(/\/+$/, '')
    .replace(/\/trpc$/, '');
}

/** How long the server waits for the API before showing the error view. */
export function apiTimeoutMs(): number {
  const value = Number(process.env.CLAIMSCOPE_API_TIMEOUT_MS);
  return Number.isFinite(value) && value > 0 ? value : 5_000;
}

/** Seconds the server keeps an API answer before asking again (the corpus changes rarely). */
export const API_REVALIDATE_SECONDS = 60;

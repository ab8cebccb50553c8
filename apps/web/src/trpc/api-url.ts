import { webSettings } from '~/config';

/** Where the claimscope tRPC API lives (CLAIMSCOPE_API_URL). */
export function apiUrl(): string {
  return webSettings().apiUrl;
}

/** The API server's root, where its plain `/api/…` URLs live: CLAIMSCOPE_API_URL names its tRPC endpoint. */
export function apiOrigin(): string {
  return webSettings().apiOrigin;
}

/** How long the server waits for the API before showing the error view (CLAIMSCOPE_API_TIMEOUT_MS). */
export function apiTimeoutMs(): number {
  return webSettings().apiTimeoutMs;
}

/** Seconds the server keeps an API answer before asking again (the corpus changes rarely). */
export const API_REVALIDATE_SECONDS = 60;

import { apiTimeoutMs, apiUrl } from '~/trpc/api-url';

/**
 * The browser's same-origin door to the API: forwards `/trpc/<procedure>?…` to CLAIMSCOPE_API_URL,
 * read per request, so the address is never baked into the build and no CORS is needed.
 */
/**
 * What the API needs to know who asks and from where: the session cookie, and the page's origin
 * with this site's host and scheme, so the API can refuse writes from other sites' pages.
 */
function forwardedHeaders(request: Request): Record<string, string> {
  const { host, protocol } = new URL(request.url);
  const headers: Record<string, string> = {
    'content-type': request.headers.get('content-type') ?? 'application/json',
    'x-forwarded-host': request.headers.get('host') ?? host,
    'x-forwarded-proto': request.headers.get('x-forwarded-proto') ?? protocol.replace(':', ''),
  };
  for (const name of ['cookie', 'origin', 'sec-fetch-site']) {
    const value = request.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return headers;
}

async function forward(request: Request, params: Promise<{ trpc: string }>): Promise<Response> {
  const { trpc: path } = await params;
  const { search } = new URL(request.url);
  const target = `${apiUrl().replace(/\/$/, '')}/${encodeURIComponent(path).replace(/%2C/g, ',')}${search}`;
  try {
    const upstream = await fetch(target, {
      method: request.method,
      headers: forwardedHeaders(request),
      body: request.method === 'GET' ? undefined : await request.text(),
      signal: AbortSignal.timeout(apiTimeoutMs()),
      cache: 'no-store',
    });
    const headers = new Headers({
      'content-type': upstream.headers.get('content-type') ?? 'application/json',
    });
    for (const cookie of upstream.headers.getSetCookie()) headers.append('set-cookie', cookie);
    const cacheControl = upstream.headers.get('cache-control');
    if (cacheControl?.startsWith('private')) headers.set('cache-control', cacheControl);
    return new Response(upstream.body, { status: upstream.status, headers });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    const message = timedOut
      ? `The claimscope API did not answer within ${apiTimeoutMs()} ms.`
      : 'The claimscope API cannot be reached.';
    return Response.json(
      {
        error: {
          message,
          code: -32603,
          data: { code: timedOut ? 'TIMEOUT' : 'BAD_GATEWAY', httpStatus: timedOut ? 504 : 502 },
        },
      },
      { status: timedOut ? 504 : 502 },
    );
  }
}

type Context = { params: Promise<{ trpc: string }> };

export const GET = (request: Request, context: Context) => forward(request, context.params);
export const POST = (request: Request, context: Context) => forward(request, context.params);
export const dynamic = 'force-dynamic';

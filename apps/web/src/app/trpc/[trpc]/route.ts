import { apiTimeoutMs, apiUrl } from '~/trpc/api-url';

/**
 * The browser's same-origin door to the API: forwards `/trpc/<procedure>?…` to CLAIMSCOPE_API_URL,
 * read per request, so the address is never baked into the build and no CORS is needed.
 */
async function forward(request: Request, params: Promise<{ trpc: string }>): Promise<Response> {
  const { trpc: path } = await params;
  const { search } = new URL(request.url);
  const target = `${apiUrl().replace(/\/$/, '')}/${encodeURIComponent(path).replace(/%2C/g, ',')}${search}`;
  try {
    const upstream = await fetch(target, {
      method: request.method,
      headers: { 'content-type': request.headers.get('content-type') ?? 'application/json' },
      body: request.method === 'GET' ? undefined : await request.text(),
      signal: AbortSignal.timeout(apiTimeoutMs()),
      cache: 'no-store',
    });
    return new Response(upstream.body, {
      status: upstream.status,
      headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/json' },
    });
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

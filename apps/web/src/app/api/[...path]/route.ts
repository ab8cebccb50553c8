import { apiOrigin, apiTimeoutMs } from '~/trpc/api-url';

/**
 * The browser's same-origin door to the API's plain URLs (`/api/…`: reads and downloads), as
 * `/trpc` is for tRPC: forwards GET and HEAD to the server named by CLAIMSCOPE_API_URL, read per
 * request, streaming the answer (a corpus export is never held here) with the headers a
 * download needs.
 */

/** Headers of the API's answer worth passing on. */
const PASSED_ON = ['content-type', 'content-disposition', 'etag', 'cache-control', 'last-modified'];

async function forward(request: Request, params: Promise<{ path: string[] }>): Promise<Response> {
  const { path } = await params;
  const { search } = new URL(request.url);
  const target = `${apiOrigin()}/api/${path.map(encodeURIComponent).join('/')}${search}`;
  // The deadline covers the answer's start, not a long download's body.
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('timeout', 'TimeoutError')),
    apiTimeoutMs(),
  );
  try {
    const upstream = await fetch(target, {
      method: request.method,
      headers: {
        accept: request.headers.get('accept') ?? '*/*',
        ...(request.headers.get('if-none-match')
          ? { 'if-none-match': request.headers.get('if-none-match') as string }
          : {}),
      },
      signal: controller.signal,
      cache: 'no-store',
    });
    clearTimeout(timer);
    const headers = new Headers();
    for (const name of PASSED_ON) {
      const value = upstream.headers.get(name);
      if (value) headers.set(name, value);
    }
    return new Response(request.method === 'HEAD' ? null : upstream.body, {
      status: upstream.status,
      headers,
    });
  } catch (error) {
    clearTimeout(timer);
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return Response.json(
      {
        error: {
          message: timedOut
            ? `The claimscope API did not answer within ${apiTimeoutMs()} ms.`
            : 'The claimscope API cannot be reached.',
          code: -32603,
          data: { code: timedOut ? 'TIMEOUT' : 'BAD_GATEWAY', httpStatus: timedOut ? 504 : 502 },
        },
      },
      { status: timedOut ? 504 : 502 },
    );
  }
}

type Context = { params: Promise<{ path: string[] }> };

export const GET = (request: Request, context: Context) => forward(request, context.params);
export const HEAD = (request: Request, context: Context) => forward(request, context.params);
export const dynamic = 'force-dynamic';

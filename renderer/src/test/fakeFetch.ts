export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

type Reply = { status?: number; json?: unknown; text?: string };
type Handler = (request: RecordedRequest) => Reply | Promise<Reply>;

/** A fetch that answers from `routes` ("GET /api/health" → handler) and records every request. */
export function createFakeFetch(routes: Record<string, Handler>) {
  const requests: RecordedRequest[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request: RecordedRequest = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: { ...(init?.headers as Record<string, string> | undefined) },
      // JSON bodies parsed; uploads (a Blob) kept as they are.
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : init?.body instanceof Blob ? init.body : undefined,
      credentials: init?.credentials,
    };
    requests.push(request);
    const handler = routes[`${request.method} ${request.url}`];
    if (!handler) return new Response(JSON.stringify({ error: { code: 'not_found', message: 'No route' } }), { status: 404 });
    const reply = await handler(request);
    const body = reply.text ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
    return new Response(body, { status: reply.status ?? 200, headers: { 'Content-Type': 'application/json' } });
  };
  return { fetch, requests };
}

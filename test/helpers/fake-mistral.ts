import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkChatRequest, type FakeChatRequest } from './fake-mistral-chat.js';

export { salesAssistantResponder, type FakeChatRequest, type FakeChatMessage } from './fake-mistral-chat.js';

export interface FakeMistralCall {
  path: string;
  model: unknown;
  input: unknown;
}

/** One chat request as received (recorded before it is checked), and what the fake answered. */
export interface FakeChatCall {
  body: FakeChatRequest;
  /** The HTTP status answered. */
  status: number;
  /** Why the fake refused it (the real API's message), when it did. */
  error: string | null;
}

/** What a programmed responder answers: words and/or tool calls, or an HTTP failure. */
export type FakeChatReply =
  | {
      content?: string;
      /** `arguments` given as text is sent as-is (malformed JSON included); an object is serialised. */
      toolCalls?: { name: string; arguments: string | object }[];
      usage?: { promptTokens: number; completionTokens: number };
    }
  | { status: number; body?: unknown; headers?: Record<string, string> };

export type FakeChatResponder = (body: FakeChatRequest, callIndex: number) => FakeChatReply | Promise<FakeChatReply>;

export interface FakeMistral {
  /** Origin to pass as the SDK's `serverURL`. */
  url: string;
  apiKey: string;
  /** Embeddings calls. */
  calls: FakeMistralCall[];
  /** Chat completion calls, in order. */
  chatCalls: FakeChatCall[];
  /** Every request received, authorised or not. */
  readonly requests: number;
  /** Status codes to answer before serving normally, one per request of either endpoint (e.g. [429, 503]). */
  failNext(...statuses: number[]): void;
  /** How chat requests that pass the checks are answered (default: the words "OK"). */
  respond(handler: FakeChatResponder): void;
  close(): Promise<void>;
}

/** A deterministic 1024-d vector for a text, so tests can compare what came back. */
export function fakeVector(text: string, dimensions = 1024): number[] {
  const v = new Array<number>(dimensions).fill(0);
  for (let i = 0; i < text.length; i += 1) {
    const at = (text.charCodeAt(i) * 31 + i) % dimensions;
    v[at] = (v[at] ?? 0) + 1;
  }
  v[0] = (v[0] ?? 0) + 0.5;
  return v;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const tokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));

/**
 * A local stand-in for api.mistral.ai that checks what the real API checks: the bearer key (401
 * otherwise) and then, per endpoint —
 * - `POST /v1/embeddings`: a JSON body with `model` and a non-empty `input` list of strings (422);
 * - `POST /v1/chat/completions`: `model`, `messages` (roles, snake_case fields, 9-character tool
 *   call ids, every tool result answering an earlier call, the last message from the user or a
 *   tool) and `tools` (see fake-mistral-chat.ts), answered in the shape the SDK validates.
 */
export async function startFakeMistral(apiKey = 'test-mistral-key'): Promise<FakeMistral> {
  const calls: FakeMistralCall[] = [];
  const chatCalls: FakeChatCall[] = [];
  const failures: number[] = [];
  let responder: FakeChatResponder = () => ({ content: 'OK' });
  let requests = 0;
  let toolCallIds = 0;

  const failure = (res: ServerResponse): boolean => {
    const status = failures.shift();
    if (status === undefined) return false;
    send(res, status, { object: 'error', message: `fake failure ${status}`, type: 'fake', param: null, code: null }, status === 429 ? { 'retry-after': '0' } : {});
    return true;
  };

  async function chat(res: ServerResponse, text: string): Promise<void> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return send(res, 400, { object: 'error', message: 'Invalid JSON body', type: 'invalid_request_error', param: null, code: null });
    }
    const body = (parsed && typeof parsed === 'object' ? parsed : {}) as FakeChatRequest;
    const call: FakeChatCall = { body, status: 200, error: null };
    chatCalls.push(call);
    const index = chatCalls.length - 1;
    if (failures.length > 0) {
      call.status = failures[0] ?? 0;
      failure(res);
      return;
    }
    const problem = checkChatRequest(parsed);
    if (problem) {
      call.status = problem.status;
      call.error = problem.message;
      return send(res, problem.status, problem.body);
    }
    const reply = await responder(body, index);
    if ('status' in reply) {
      call.status = reply.status;
      return send(res, reply.status, reply.body ?? { object: 'error', message: `programmed ${reply.status}`, type: 'fake', param: null, code: null }, reply.headers);
    }
    const toolCalls = (reply.toolCalls ?? []).map((c) => {
      toolCallIds += 1;
      return {
        id: `T${String(toolCallIds).padStart(8, '0')}`,
        type: 'function',
        function: { name: c.name, arguments: typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments) },
        index: 0,
      };
    });
    const content = reply.content ?? '';
    const usage = reply.usage ?? {
      promptTokens: tokens(JSON.stringify(body.messages)),
      completionTokens: tokens(content + toolCalls.map((c) => c.function.name + c.function.arguments).join('')),
    };
    send(res, 200, {
      id: `cmpl-${index + 1}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      usage: { prompt_tokens: usage.promptTokens, completion_tokens: usage.completionTokens, total_tokens: usage.promptTokens + usage.completionTokens },
      choices: [
        {
          index: 0,
          finish_reason: toolCalls.length > 0 ? 'tool_calls' : 'stop',
          message: { role: 'assistant', content, tool_calls: toolCalls.length > 0 ? toolCalls : null, prefix: false },
        },
      ],
    });
  }

  function embeddings(res: ServerResponse, path: string, text: string): void {
    let parsed: { model?: unknown; input?: unknown };
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      return send(res, 400, { detail: 'Invalid JSON' });
    }
    calls.push({ path, model: parsed.model, input: parsed.input });
    if (failure(res)) return;
    const input = parsed.input;
    if (parsed.model !== 'mistral-embed' || !Array.isArray(input) || input.length === 0 || !input.every((s) => typeof s === 'string')) {
      return send(res, 422, { object: 'error', message: 'model must be mistral-embed and input a non-empty list of strings' });
    }
    const texts = input as string[];
    const used = texts.reduce((n, t) => n + Math.ceil(t.length / 4), 0);
    send(res, 200, {
      id: `emb-${calls.length}`,
      object: 'list',
      // Real responses are in input order; reversing here proves the client sorts by `index`.
      data: texts.map((t, index) => ({ object: 'embedding', embedding: fakeVector(t), index })).reverse(),
      model: 'mistral-embed',
      usage: { prompt_tokens: used, total_tokens: used },
    });
  }

  const server: Server = createServer((req, res) => {
    requests += 1;
    void (async () => {
      const body = await readBody(req);
      if (req.headers.authorization !== `Bearer ${apiKey}`) return send(res, 401, { message: 'Unauthorized', request_id: 'fake' });
      if (req.method === 'POST' && req.url === '/v1/embeddings') return embeddings(res, req.url, body);
      if (req.method === 'POST' && req.url === '/v1/chat/completions') return chat(res, body);
      return send(res, 404, { detail: 'Not Found' });
    })().catch((err: unknown) => send(res, 500, { object: 'error', message: `fake crashed: ${String(err)}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    calls,
    chatCalls,
    get requests() {
      return requests;
    },
    failNext: (...statuses) => failures.push(...statuses),
    respond: (handler) => {
      responder = handler;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A test that timed out leaves a request hanging: do not wait for it.
        server.closeAllConnections();
      }),
  };
}

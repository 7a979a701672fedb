/** Small HTTP helpers for the editor server: JSON answers, refusals as data, bounded request bodies. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiError, ApiProblem } from '../../editor/api/types.ts';

/** A request the server turns down: the status and the JSON body to answer with. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly status: number;
  readonly problems: readonly ApiProblem[] | undefined;

  constructor(status: number, message: string, problems?: readonly ApiProblem[]) {
    super(message);
    this.status = status;
    this.problems = problems;
  }

  body(): ApiError {
    return this.problems ? { error: this.message, problems: [...this.problems] } : { error: this.message };
  }
}

/** The page's own files may load only from this server; nothing is framed, nothing leaks a referrer. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};

export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    ...securityHeaders,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  response.end(body);
}

export function sendError(response: ServerResponse, error: HttpError): void {
  sendJson(response, error.status, error.body());
}

/** A model is a few hundred kilobytes at most; anything far larger is a mistake or an attack. */
const bodyLimit = 8 * 1024 * 1024;

export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'send the body as JSON (content-type: application/json)');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > bodyLimit) throw new HttpError(413, `the body is larger than ${bodyLimit / 1024 / 1024} MB`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'the body is not valid JSON');
  }
}

/** A string field of a JSON body, or a 400 naming it. */
export function stringField(body: unknown, key: string): string {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
  if (typeof value !== 'string') throw new HttpError(400, `the body needs "${key}" (a string)`);
  return value;
}

export function optionalStringField(body: unknown, key: string): string | undefined {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new HttpError(400, `"${key}" must be a string`);
  return value;
}

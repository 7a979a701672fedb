/**
 * A JSON request to the editor server from its own page's origin, for the API tests. Each request
 * opens its own connection (agent: false): a kept-alive socket can be closed by the server while a
 * slow test runs, and the next request then fails with ECONNRESET.
 */
import { request } from 'node:http';
import type { EditorServer } from '../../../cli/server/server.ts';

export interface Answer {
  status: number;
  body: any;
}

export function callApi(server: EditorServer, method: string, path: string, body?: unknown): Promise<Answer> {
  const origin = server.url.replace(/\/$/, '');
  const text = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: '127.0.0.1', port: server.port, method, path, agent: false, headers: { origin, ...(text ? { 'content-type': 'application/json' } : {}) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(text);
  });
}

/**
 * Who may talk to the editor server: only the page it serves. The Host must be the server's own
 * 127.0.0.1:port (a rebound DNS name is refused), a request that carries an Origin must come from
 * that address, and a request that changes or runs anything must carry it.
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http.ts';

const safeMethods = new Set(['GET', 'HEAD']);

export function checkRequest(request: IncomingMessage, host: string, port: number): void {
  const own = `${host}:${port}`;
  const origin = request.headers.origin;
  if (request.headers.host !== own) {
    throw new HttpError(403, `refused: this server answers only at http://${own}/ (the request came for ${JSON.stringify(request.headers.host ?? '')})`);
  }
  if (origin !== undefined && origin !== `http://${own}`) {
    throw new HttpError(403, `refused: requests from ${JSON.stringify(origin)} are not accepted; use the editor at http://${own}/`);
  }
  if (!safeMethods.has(request.method ?? 'GET')) {
    if (origin === undefined) throw new HttpError(403, `refused: a ${request.method} request must come from the editor page at http://${own}/ (no Origin header)`);
    if (request.headers['sec-fetch-site'] !== undefined && request.headers['sec-fetch-site'] !== 'same-origin') {
      throw new HttpError(403, 'refused: only the editor page itself may change models');
    }
  }
}

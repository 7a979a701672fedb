/** The built editor (out/editor/, from `npm run editor:build`), served as files under the same path rules as the models. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { ServerResponse } from 'node:http';
import { HttpError, securityHeaders } from './http.ts';
import { inside, plainName } from './paths.ts';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.map': 'application/json; charset=utf-8',
};

export function serveStatic(staticRoot: string, segments: readonly string[], response: ServerResponse, head: boolean): void {
  for (const segment of segments) plainName(segment, 'file');
  let path = inside(staticRoot, ...segments);
  if (existsSync(path) && statSync(path).isDirectory()) path = inside(staticRoot, ...segments, 'index.html');
  if (!existsSync(path) || !statSync(path).isFile()) {
    if (segments.length === 0) throw new HttpError(503, 'the editor is not built: run npm run editor:build (or npm run editor), then reload');
    throw new HttpError(404, `no file /${segments.join('/')}`);
  }
  const type = contentTypes[extname(path)];
  if (!type) throw new HttpError(404, `no file /${segments.join('/')}`);
  const body = readFileSync(path);
  response.writeHead(200, {
    ...securityHeaders,
    'content-type': type,
    'content-length': body.length,
    // vite puts a content hash in every asset name; the page itself is always fetched afresh.
    'cache-control': segments[0] === 'assets' ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  response.end(head ? undefined : body);
}

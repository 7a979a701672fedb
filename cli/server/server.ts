/**
 * The editor's local server (node:http, 127.0.0.1 only): the built page, and a small JSON API over
 * the models folder.
 *
 *   GET  /api/models                  the models: name, process title, number of cases
 *   GET  /api/models/<name>           its XML and version
 *   PUT  /api/models/<name>           save { xml, baseVersion? }: loadable models only, previous kept in .backup/
 *   GET  /api/models/<name>/cases     its case files: file, title
 *   GET  /api/models/<name>/cases/<f> one case file's text (trainer mode parses and runs it in the page)
 *   POST /api/lint                    { name, xml } → lint issues
 *   POST /api/run                     { model, case, xml } → the case's path, step by step (trainer mode)
 *   GET|POST /api/models/<name>/coverage   the case suite's coverage of the saved or given XML (coverage-api.ts)
 *   GET  /api/households, POST /api/run-all   one household through every model (run-all-api.ts)
 *   GET  /api/scenarios               the simulation scenarios in models/scenarios/: name, title, model, text (what-if mode)
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseCaseFile } from '../../engine/case-file.ts';
import { parseModel } from '../../engine/model.ts';
import { InputError } from '../../engine/problems.ts';
import { checkRequest } from './guard.ts';
import { HttpError, optionalStringField, readJsonBody, sendError, sendJson, stringField } from './http.ts';
import { lintXml } from './lint-api.ts';
import { handleCoverage } from './coverage-api.ts';
import { handleHouseholds, handleRunAll } from './run-all-api.ts';
import { listCases, listModels, modelLabel, readModel, saveModel } from './models-api.ts';
import { listScenarios } from './scenarios-api.ts';
import { ModelsFolder, pathSegments, plainName } from './paths.ts';
import { serveStatic } from './static.ts';
import { readCase, runForTrainer } from './trainer.ts';
import { repositoryRoot } from '../repository.ts';

export const defaultStaticRoot = join(repositoryRoot, 'out', 'editor');

export interface EditorServerOptions {
  /** The folder of .bpmn files (and cases/<model>/); the server never reads or writes outside it. */
  modelsRoot: string;
  /** The built editor; default out/editor/ in the repository. */
  staticRoot?: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface EditorServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const host = '127.0.0.1';

function refusedProblems(error: unknown): HttpError {
  if (error instanceof InputError) {
    return new HttpError(422, `${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}: ${error.problems[0]?.message ?? ''}`, error.problems);
  }
  throw error;
}

async function route(request: IncomingMessage, response: ServerResponse, folder: ModelsFolder, staticRoot: string): Promise<void> {
  const method = request.method ?? 'GET';
  const rawPath = (request.url ?? '/').split('?')[0] ?? '/';
  const segments = pathSegments(rawPath);
  const [first, second, third, fourth, ...extra] = segments;
  const allow = (...methods: string[]) => {
    if (!methods.includes(method)) throw new HttpError(405, `${method} is not allowed here; use ${methods.join(' or ')}`);
  };

  if (first !== 'api') {
    allow('GET', 'HEAD');
    serveStatic(staticRoot, segments, response, method === 'HEAD');
    return;
  }
  if (second === 'models' && third === undefined) {
    allow('GET');
    return sendJson(response, 200, listModels(folder));
  }
  if (second === 'models' && third !== undefined && fourth === undefined) {
    allow('GET', 'PUT');
    if (method === 'GET') return sendJson(response, 200, readModel(folder, third));
    const body = await readJsonBody(request);
    return sendJson(response, 200, await saveModel(folder, third, stringField(body, 'xml'), optionalStringField(body, 'baseVersion')));
  }
  if (second === 'models' && third !== undefined && fourth === 'cases' && extra.length === 0) {
    allow('GET');
    readModel(folder, third); // 404 for a model that is not there
    return sendJson(response, 200, listCases(folder, third));
  }
  if (second === 'models' && third !== undefined && fourth === 'cases' && extra.length === 1) {
    allow('GET');
    return sendJson(response, 200, readCase(folder, third, extra[0]!));
  }
  if (second === 'scenarios' && third === undefined) {
    allow('GET');
    return sendJson(response, 200, listScenarios(folder));
  }
  if (second === 'models' && third !== undefined && fourth === 'coverage') return handleCoverage(request, response, folder, third, extra);
  if (second === 'run-all' && third === undefined) return handleRunAll(request, response, folder);
  if (second === 'households' && third === undefined) return handleHouseholds(request, response);
  if (second === 'lint' && third === undefined) {
    allow('POST');
    const body = await readJsonBody(request);
    return sendJson(response, 200, await lintXml(plainName(stringField(body, 'name'), 'model'), stringField(body, 'xml')));
  }
  if (second === 'run' && third === undefined) {
    allow('POST');
    const body = await readJsonBody(request);
    const name = stringField(body, 'model');
    const caseName = stringField(body, 'case');
    const casePath = folder.caseFile(name, caseName);
    if (!existsSync(casePath) || !statSync(casePath).isFile()) throw new HttpError(404, `no case "${caseName}" in models/cases/${name}/`);
    try {
      const model = await parseModel(stringField(body, 'xml'), modelLabel(name));
      const caseFile = parseCaseFile(readFileSync(casePath, 'utf8'), `models/cases/${name}/${caseName}`);
      return sendJson(response, 200, await runForTrainer(model, name, caseName, caseFile));
    } catch (error) {
      throw refusedProblems(error);
    }
  }
  throw new HttpError(404, `no such endpoint: ${method} ${rawPath}`);
}

export async function startEditorServer(options: EditorServerOptions): Promise<EditorServer> {
  const folder = new ModelsFolder(options.modelsRoot);
  if (!existsSync(folder.root) || !statSync(folder.root).isDirectory()) throw new Error(`${folder.root}: no models folder`);
  const staticRoot = options.staticRoot ?? defaultStaticRoot;
  let port = 0;
  const server: Server = createServer((request, response) => {
    const handle = async () => {
      checkRequest(request, host, port);
      await route(request, response, folder, staticRoot);
    };
    handle().catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      if (error instanceof HttpError) return sendError(response, error);
      console.error('mashflow serve: a request failed unexpectedly; this is a bug:', error);
      sendJson(response, 500, { error: `the server failed: ${(error as Error).message}` });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

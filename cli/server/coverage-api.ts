/**
 * Coverage view: a model's case suite (models/cases/<name>/*.yaml) run with the reference executor,
 * as `mashflow test` runs it (runCaseSuite), and which flow nodes and sequence flows no case reached.
 *
 * A suite takes seconds to tens of seconds, so answers are cached by a hash of the XML and the case
 * files, a second request for a suite already running waits for that run, and the page can ask how
 * far a running suite has got.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseCaseFile, type CaseFile } from '../../engine/case-file.ts';
import { parseModel } from '../../engine/model.ts';
import { formatProblem, InputError } from '../../engine/problems.ts';
import type { CoverageCase, CoverageProgress, CoverageResult } from '../../editor/api/types.ts';
import { runCaseSuite } from '../commands/test.ts';
import { HttpError, readJsonBody, sendJson, stringField } from './http.ts';
import { modelLabel, readModel } from './models-api.ts';
import type { ModelsFolder } from './paths.ts';

/** A case file of the suite: parsed, or the problems that keep it from running. */
interface SuiteFile {
  file: string;
  text: string;
  parsed: CaseFile | undefined;
  problems: string[];
}

function readSuite(folder: ModelsFolder, name: string): SuiteFile[] {
  const casesFolder = folder.casesFolder(name);
  if (!existsSync(casesFolder) || !statSync(casesFolder).isDirectory()) return [];
  const suite: SuiteFile[] = [];
  for (const file of readdirSync(casesFolder).sort()) {
    if (!/\.ya?ml$/.test(file) || file.startsWith('.')) continue;
    let path: string;
    try {
      path = folder.caseFile(name, file);
    } catch {
      continue; // a name the API could not address, or a link out of the folder: not part of the suite
    }
    if (!statSync(path).isFile()) continue;
    const text = readFileSync(path, 'utf8');
    try {
      suite.push({ file, text, parsed: parseCaseFile(text, `models/cases/${name}/${file}`), problems: [] });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      suite.push({ file, text, parsed: undefined, problems: error.problems.map(formatProblem) });
    }
  }
  return suite;
}

/** Same XML and same case files: same answer. The model name is in the key as it is in messages. */
function cacheKey(name: string, xml: string, suite: readonly SuiteFile[]): string {
  const hash = createHash('sha256').update(name).update('\0').update(xml);
  for (const { file, text } of suite) hash.update('\0').update(file).update('\0').update(text);
  return hash.digest('hex');
}

type Computed = Omit<CoverageResult, 'cached'>;

/** Enough for every bundled model and a few edits of each; the oldest goes first. */
const cacheLimit = 24;
const cache = new Map<string, Promise<Computed>>();
/** Keyed by models folder and model name: what the page polls while it waits. */
const progress = new Map<string, CoverageProgress>();

function progressKey(folder: ModelsFolder, name: string): string {
  return `${folder.root}\0${name}`;
}

async function computeCoverage(folder: ModelsFolder, name: string, xml: string, suite: readonly SuiteFile[]): Promise<Computed> {
  const started = performance.now();
  const model = await parseModel(xml, modelLabel(name));
  const runnable = suite.filter((entry) => entry.parsed !== undefined);
  const key = progressKey(folder, name);
  const state: CoverageProgress = { running: true, done: 0, total: runnable.length, last: '' };
  progress.set(key, state);
  try {
    const run = await runCaseSuite(
      model,
      runnable.map((entry) => entry.parsed!),
      (done, caseFile) => {
        state.done = done;
        state.last = caseFile.title;
        // Let the server answer other requests (progress polls, lint) between cases.
        return new Promise((resolve) => setImmediate(resolve));
      },
    );
    const reachedBy: Record<string, string[]> = {};
    const cases: CoverageCase[] = [];
    let index = 0;
    for (const entry of suite) {
      if (!entry.parsed) {
        cases.push({ file: entry.file, title: entry.file, passed: false, problems: entry.problems });
        continue;
      }
      const outcome = run.cases[index++]!;
      const problems = [...outcome.inputProblems, ...outcome.mismatches.map((mismatch) => `${mismatch.key}: expected ${mismatch.expected}, got ${mismatch.actual}`)];
      cases.push({ file: entry.file, title: outcome.title, passed: problems.length === 0, problems });
      if (!outcome.result) continue;
      for (const id of new Set([...outcome.result.path.map((step) => step.id), ...outcome.result.flowsTaken])) {
        (reachedBy[id] ??= []).push(entry.file);
      }
    }
    const { nodes, flows } = run.coverage;
    const uncoveredNodes = new Set(nodes.missing);
    const uncoveredFlows = new Set(flows.missing);
    return {
      model: name,
      nodes: { total: nodes.total, covered: [...model.nodes.keys()].filter((id) => !uncoveredNodes.has(id)), uncovered: nodes.missing },
      flows: { total: flows.total, covered: [...model.flows.keys()].filter((id) => !uncoveredFlows.has(id)), uncovered: flows.missing },
      reachedBy,
      cases,
      milliseconds: Math.round(performance.now() - started),
    };
  } finally {
    state.running = false;
  }
}

/** The suite's coverage of this XML: from the cache, from a run already under way, or run now. */
export async function coverageOf(folder: ModelsFolder, name: string, xml: string): Promise<CoverageResult> {
  const suite = readSuite(folder, name);
  const key = cacheKey(name, xml, suite);
  const known = cache.get(key);
  if (known) {
    // Most recently used last, so the oldest is the one to forget.
    cache.delete(key);
    cache.set(key, known);
    return { ...(await known), cached: true };
  }
  const computing = computeCoverage(folder, name, xml, suite);
  cache.set(key, computing);
  while (cache.size > cacheLimit) cache.delete(cache.keys().next().value!);
  try {
    return { ...(await computing), cached: false };
  } catch (error) {
    cache.delete(key); // a refusal is cheap to repeat and the model may be fixed on disk meanwhile
    if (error instanceof InputError) {
      throw new HttpError(422, `the engine cannot load this model (${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}): ${error.problems[0]?.message ?? ''}`, error.problems);
    }
    throw error;
  }
}

/**
 *   GET  /api/models/<name>/coverage            the saved file's coverage
 *   POST /api/models/<name>/coverage  { xml }   the page's diagram, maybe unsaved
 *   GET  /api/models/<name>/coverage/progress   how far a running suite has got
 */
export async function handleCoverage(request: IncomingMessage, response: ServerResponse, folder: ModelsFolder, name: string, rest: readonly string[]): Promise<void> {
  const method = request.method ?? 'GET';
  const saved = readModel(folder, name); // 404 for a model that is not there, 403 for a name out of the folder
  if (rest.length === 1 && rest[0] === 'progress') {
    if (method !== 'GET') throw new HttpError(405, `${method} is not allowed here; use GET`);
    return sendJson(response, 200, progress.get(progressKey(folder, name)) ?? { running: false, done: 0, total: 0, last: '' });
  }
  if (rest.length > 0) throw new HttpError(404, `no such endpoint: ${method} /api/models/${name}/coverage/${rest.join('/')}`);
  if (method === 'GET') return sendJson(response, 200, await coverageOf(folder, name, saved.xml));
  if (method === 'POST') return sendJson(response, 200, await coverageOf(folder, name, stringField(await readJsonBody(request), 'xml')));
  throw new HttpError(405, `${method} is not allowed here; use GET or POST`);
}

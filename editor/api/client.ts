/** The page's side of the editor server's JSON API (see cli/server/server.ts). */
import type {
  ApiError,
  ApiProblem,
  CaseDocument,
  CaseSummary,
  CoverageProgress,
  CoverageResult,
  HouseholdSummary,
  LintResult,
  ModelDocument,
  ModelSummary,
  RunAllRequest,
  RunAllResult,
  SaveResult,
  ScenarioSummary,
  TrainerRun,
} from './types.ts';

/** A refusal from the server: its sentence and, for a bad model or case, the engine's problems. */
export class ApiFailure extends Error {
  override readonly name = 'ApiFailure';
  readonly status: number;
  readonly problems: readonly ApiProblem[];

  constructor(status: number, message: string, problems: readonly ApiProblem[]) {
    super(message);
    this.status = status;
    this.problems = problems;
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) } });
  } catch {
    throw new ApiFailure(0, 'the mashflow server is not answering; is `mashflow serve` still running?', []);
  }
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const failure = (body ?? {}) as Partial<ApiError>;
    throw new ApiFailure(response.status, failure.error ?? `the server answered ${response.status}`, failure.problems ?? []);
  }
  return body as T;
}

const json = (method: string, value: unknown): RequestInit => ({ method, body: JSON.stringify(value) });
const segment = encodeURIComponent;

export const api = {
  models: () => call<ModelSummary[]>('/api/models'),
  model: (name: string) => call<ModelDocument>(`/api/models/${segment(name)}`),
  save: (name: string, xml: string, baseVersion: string) => call<SaveResult>(`/api/models/${segment(name)}`, json('PUT', { xml, baseVersion })),
  lint: (name: string, xml: string) => call<LintResult>('/api/lint', json('POST', { name, xml })),
  cases: (name: string) => call<CaseSummary[]>(`/api/models/${segment(name)}/cases`),
  caseFile: (name: string, file: string) => call<CaseDocument>(`/api/models/${segment(name)}/cases/${segment(file)}`),
  run: (model: string, caseFile: string, xml: string) => call<TrainerRun>('/api/run', json('POST', { model, case: caseFile, xml })),
  scenarios: () => call<ScenarioSummary[]>('/api/scenarios'),
  coverage: (name: string, xml: string) => call<CoverageResult>(`/api/models/${segment(name)}/coverage`, json('POST', { xml })),
  coverageProgress: (name: string) => call<CoverageProgress>(`/api/models/${segment(name)}/coverage/progress`),
  households: () => call<HouseholdSummary[]>('/api/households'),
  runAll: (request: RunAllRequest) => call<RunAllResult>('/api/run-all', json('POST', request)),
};

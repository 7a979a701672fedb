/**
 * The authorities endpoint against a temporary copy of models/: one household through every model
 * (a bundled case, the sample household, variables given inline), the same answers as
 * `mashflow run --all-models`, a model the case does not fit, and the refusals.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HouseholdSummary, RunAllResult } from '../../editor/api/types.ts';
import { runThroughModels } from '../../cli/commands/run.ts';
import { loadCaseFile, loadModel } from '../../cli/files.ts';
import { startEditorServer, type EditorServer } from '../../cli/server/server.ts';
import { callApi } from './support/api-call.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const repoModels = join(repoRoot, 'models');
const authorities = ['coventry', 'derby', 'rotherham-2014', 'rotherham-2015', 'warwickshire'];
const sampleHousehold = 'medium-risk-toddler-not-known.yaml';

describe('run-all API (cli/server/run-all-api.ts)', () => {
  let work: string;
  let models: string;
  let server: EditorServer;

  const call = (method: string, path: string, body?: unknown) => callApi(server, method, path, body);


  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'mashflow-run-all-'));
    models = join(work, 'models');
    cpSync(repoModels, models, { recursive: true, filter: (source) => !source.includes(join(repoModels, '.backup')) });
    mkdirSync(join(work, 'static'));
    server = await startEditorServer({ modelsRoot: models, staticRoot: join(work, 'static'), port: 0 });
  });

  afterAll(async () => {
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('given the sample household, when run through every model, then each authority answers as `run --all-models` does, with its path, lanes and deadlines', async () => {
    const households = (await call('GET', '/api/households')).body as HouseholdSummary[];
    expect(households).toContainEqual({ file: sampleHousehold, title: expect.stringContaining('Medium risk') });

    const started = performance.now();
    const { status, body } = await call('POST', '/api/run-all', { household: sampleHousehold });
    console.log(`run-all API: sample household through ${authorities.length} models: ${Math.round(performance.now() - started)} ms`);
    expect(status).toBe(200);
    const result = body as RunAllResult;
    expect(result.case).toMatchObject({ source: `examples/households/${sampleHousehold}`, receivedLocal: '2026-03-06 16:45', given: expect.objectContaining({ dashRisk: 'medium' }) });
    expect(result.authorities.map((authority) => authority.model)).toEqual(authorities);

    // The CLI's code path, run here directly on the repository's models: the same outcomes per model.
    const caseFile = loadCaseFile(join(repoRoot, 'examples', 'households', sampleHousehold));
    const reference = await runThroughModels(await Promise.all(authorities.map((name) => loadModel(join(repoModels, `${name}.bpmn`)))), caseFile);
    for (const [index, authority] of result.authorities.entries()) {
      const expected = reference[index]!;
      expect(authority.title).toBe(expected.model.processName);
      expect(authority.ran, authority.model).toBe(true);
      expect(authority.outcomes).toEqual(expected.result!.outcomes);
      expect(authority.notifications).toEqual(expected.result!.notifications);
      expect(authority.path.map((step) => step.id)).toEqual(expected.result!.path.map((step) => step.id));
      expect(authority.flowsTaken).toEqual(expected.result!.flowsTaken);
      expect(authority.steps).toBe(expected.result!.path.filter((step) => !step.type.endsWith('Gateway')).length);
      expect(authority.path[0]).toMatchObject({ type: 'startEvent', lane: expect.any(String), endedLocal: expect.stringMatching(/^2026-03-\d\d \d\d:\d\d$/) });
      expect(authority.path.at(-1)!.type).toBe('endEvent');
      expect(authority.problems).toEqual([]);
    }
    const derby = result.authorities.find((authority) => authority.model === 'derby')!;
    expect(derby.deadlines.length).toBeGreaterThan(0);
    expect(derby.deadlines[0]).toMatchObject({ dueLocal: expect.any(String), completedLocal: expect.any(String), met: expect.any(Boolean) });
  }, 120_000);

  it('given a bundled case of one model, when run through every model, then every authority answers and the case is named by its file', async () => {
    const { status, body } = await call('POST', '/api/run-all', { model: 'derby', case: 'high-not-known-pregnant-joint-s47.yaml' });
    expect(status).toBe(200);
    const result = body as RunAllResult;
    expect(result.case.source).toBe('models/cases/derby/high-not-known-pregnant-joint-s47.yaml');
    expect(result.authorities).toHaveLength(authorities.length);
    expect(result.authorities.find((authority) => authority.model === 'derby')!.outcomes).toEqual(expect.arrayContaining(['strategy-discussion', 's47']));
  }, 120_000);

  it('given variables inline, when run, then they are checked against the vocabulary and run like a case file', async () => {
    const { status, body } = await call('POST', '/api/run-all', {
      title: 'High risk, a baby, not known',
      receivedAt: '2026-03-02T09:30',
      variables: { source: 'police', dashRisk: 'high', socialCareStatus: 'not-known', children: [{ age: 0 }], thresholdLevel: 4, immediateRisk: true, s47Agreed: true },
    });
    expect(status).toBe(200);
    expect(body.case).toMatchObject({ title: 'High risk, a baby, not known', source: 'the request', receivedLocal: '2026-03-02 09:30' });
    expect((body as RunAllResult).authorities.every((authority) => authority.ran)).toBe(true);
  }, 120_000);

  it('given a model the engine refuses and a household that leaves out a variable some models read, then those authorities report their problems and the others still answer', async () => {
    // A condition on a name outside the vocabulary: the engine refuses to load this model at all.
    const refusedModel = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="misfitDefinitions" targetNamespace="https://mashflow.org/test">
  <bpmn:process id="misfit" name="Asks for the police grade" isExecutable="true">
    <bpmn:startEvent id="misfitStart" name="Received"><bpmn:outgoing>misfitToGate</bpmn:outgoing></bpmn:startEvent>
    <bpmn:exclusiveGateway id="misfitGate" name="Police grade?" default="misfitOther"><bpmn:incoming>misfitToGate</bpmn:incoming><bpmn:outgoing>misfitHigh</bpmn:outgoing><bpmn:outgoing>misfitOther</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:endEvent id="misfitEnd" name="Done"><bpmn:incoming>misfitHigh</bpmn:incoming><bpmn:incoming>misfitOther</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="misfitToGate" sourceRef="misfitStart" targetRef="misfitGate" />
    <bpmn:sequenceFlow id="misfitHigh" sourceRef="misfitGate" targetRef="misfitEnd"><bpmn:conditionExpression>=policeGrade = "high"</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="misfitOther" sourceRef="misfitGate" targetRef="misfitEnd" />
  </bpmn:process>
</bpmn:definitions>
`;
    writeFileSync(join(models, 'misfit.bpmn'), refusedModel);
    try {
      // No thresholdLevel (it has no default): a model that asks for it cannot run this household.
      const { status, body } = await call('POST', '/api/run-all', { variables: { dashRisk: 'standard', socialCareStatus: 'not-known', children: [{ age: 7 }] } });
      expect(status).toBe(200);
      const result = body as RunAllResult;
      expect(result.authorities.map((authority) => authority.model)).toEqual([...authorities.slice(0, 2), 'misfit', ...authorities.slice(2)]);
      const refused = result.authorities.find((authority) => authority.model === 'misfit')!;
      expect(refused).toMatchObject({ ran: false, title: 'Asks for the police grade', outcomes: [], path: [], steps: 0 });
      expect(refused.problems[0]).toMatchObject({ code: 'condition-unknown-name', path: 'misfitHigh', message: expect.stringContaining('policeGrade') });
      const unfit = result.authorities.filter((authority) => authority.model !== 'misfit' && !authority.ran);
      expect(unfit.length).toBeGreaterThan(0);
      for (const authority of unfit) expect(authority.problems[0], authority.model).toMatchObject({ code: 'case-missing-variable', message: expect.stringContaining('thresholdLevel') });
      for (const authority of result.authorities.filter((candidate) => candidate.ran)) expect(authority.path.at(-1)!.type, authority.model).toBe('endEvent');
    } finally {
      rmSync(join(models, 'misfit.bpmn'));
    }
  }, 120_000);

  it('given bad requests, then each is refused with a status and a sentence saying what is wrong', async () => {
    const unknownModel = await call('POST', '/api/run-all', { model: 'no-such-model', case: 'x.yaml' });
    expect(unknownModel.status).toBe(404);
    expect(unknownModel.body.error).toContain('no model "no-such-model"');

    const unknownCase = await call('POST', '/api/run-all', { model: 'derby', case: 'no-such-case.yaml' });
    expect(unknownCase.status).toBe(404);
    expect(unknownCase.body.error).toBe('no case "no-such-case.yaml" in models/cases/derby/');

    const badValue = await call('POST', '/api/run-all', { variables: { dashRisk: 'extreme' } });
    expect(badValue.status).toBe(422);
    expect(badValue.body.error).toMatch(/^the request is not a valid case: variables\.dashRisk: "extreme" is not allowed; use one of: .*"high"/);
    expect(badValue.body.problems[0]).toMatchObject({ path: 'variables.dashRisk' });

    const unknownVariable = await call('POST', '/api/run-all', { variables: { dashRisk: 'high', favouriteColour: 'blue' } });
    expect(unknownVariable.status).toBe(422);
    expect(unknownVariable.body.error).toContain('unknown key "favouriteColour"');

    const notAnObject = await call('POST', '/api/run-all', { variables: ['dashRisk'] });
    expect(notAnObject.status).toBe(400);
    expect(notAnObject.body.error).toContain('"variables" must be an object');

    const badTime = await call('POST', '/api/run-all', { variables: { dashRisk: 'high' }, receivedAt: 'next Tuesday' });
    expect(badTime.status).toBe(422);
    expect(badTime.body.error).toContain('"next Tuesday" is not a local date-time');

    const nothingNamed = await call('POST', '/api/run-all', { title: 'no case' });
    expect(nothingNamed.status).toBe(400);
    expect(nothingNamed.body.error).toContain('{ model, case }');

    expect((await call('POST', '/api/run-all', { household: '../../package.json' })).status).toBe(403);
    expect((await call('POST', '/api/run-all', { household: 'no-such-household.yaml' })).status).toBe(404);
    expect((await call('GET', '/api/run-all')).status).toBe(405);
  });
});

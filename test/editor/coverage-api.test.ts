/**
 * The coverage endpoint against a temporary copy of models/: the saved model's suite, an edited XML
 * with an element no case reaches, the cache, progress while a suite runs, and the refusals.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoverageProgress, CoverageResult, ModelDocument } from '../../editor/api/types.ts';
import { startEditorServer, type EditorServer } from '../../cli/server/server.ts';
import { callApi } from './support/api-call.ts';

/** How many cases a bundled model has: the suite grows as the models are reviewed. */
const caseCount = (model: string) => readdirSync(`models/cases/${model}`).filter((file) => file.endsWith('.yaml')).length;

const repoModels = fileURLToPath(new URL('../../models/', import.meta.url));

/** A model of two routes; its one case takes the first, so the second is never exercised. */
const twoRoutes = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="routesDefinitions" targetNamespace="https://mashflow.org/test">
  <bpmn:process id="routes" name="Two routes" isExecutable="true">
    <bpmn:laneSet id="routesLanes">
      <bpmn:lane id="routesLane" name="Test team">
        <bpmn:flowNodeRef>routesStart</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>routesRisk</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>routesHigh</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>routesOther</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>routesEnd</bpmn:flowNodeRef>
      </bpmn:lane>
    </bpmn:laneSet>
    <bpmn:startEvent id="routesStart" name="Received"><bpmn:outgoing>toRisk</bpmn:outgoing></bpmn:startEvent>
    <bpmn:exclusiveGateway id="routesRisk" name="High risk?" default="toOther"><bpmn:incoming>toRisk</bpmn:incoming><bpmn:outgoing>toHigh</bpmn:outgoing><bpmn:outgoing>toOther</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:userTask id="routesHigh" name="Screen high risk"><bpmn:documentation>Seed 000_test.txt: "high"</bpmn:documentation><bpmn:incoming>toHigh</bpmn:incoming><bpmn:outgoing>highToEnd</bpmn:outgoing></bpmn:userTask>
    <bpmn:userTask id="routesOther" name="Record for information"><bpmn:documentation>Seed 000_test.txt: "other"</bpmn:documentation><bpmn:incoming>toOther</bpmn:incoming><bpmn:outgoing>otherToEnd</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="routesEnd" name="Done"><bpmn:incoming>highToEnd</bpmn:incoming><bpmn:incoming>otherToEnd</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="toRisk" sourceRef="routesStart" targetRef="routesRisk" />
    <bpmn:sequenceFlow id="toHigh" sourceRef="routesRisk" targetRef="routesHigh"><bpmn:conditionExpression>=dashRisk = "high"</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="toOther" sourceRef="routesRisk" targetRef="routesOther" />
    <bpmn:sequenceFlow id="highToEnd" sourceRef="routesHigh" targetRef="routesEnd" />
    <bpmn:sequenceFlow id="otherToEnd" sourceRef="routesOther" targetRef="routesEnd" />
  </bpmn:process>
</bpmn:definitions>
`;

const highCase = `title: High risk takes the first route
case:
  dashRisk: high
  children: [{ age: 4 }]
`;

const wrongExpectation = `title: High risk, expected (wrongly) to be recorded for information
case:
  dashRisk: high
expect:
  visits: [routesOther]
`;

describe('coverage API (cli/server/coverage-api.ts)', () => {
  let work: string;
  let models: string;
  let server: EditorServer;

  const call = (method: string, path: string, body?: unknown) => callApi(server, method, path, body);


  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'mashflow-coverage-'));
    models = join(work, 'models');
    cpSync(repoModels, models, { recursive: true, filter: (source) => !source.includes(join(repoModels, '.backup')) });
    writeFileSync(join(models, 'routes.bpmn'), twoRoutes);
    mkdirSync(join(models, 'cases', 'routes'), { recursive: true });
    writeFileSync(join(models, 'cases', 'routes', 'high.yaml'), highCase);
    mkdirSync(join(work, 'static'));
    server = await startEditorServer({ modelsRoot: models, staticRoot: join(work, 'static'), port: 0 });
  });

  afterAll(async () => {
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('given a model whose one case takes one route, when its coverage is asked, then the other route is uncovered and each element names the cases that reached it', async () => {
    const { status, body } = await call('GET', '/api/models/routes/coverage');
    expect(status).toBe(200);
    const result = body as CoverageResult;
    expect(result.nodes).toEqual({ total: 5, covered: ['routesStart', 'routesRisk', 'routesHigh', 'routesEnd'], uncovered: ['routesOther'] });
    expect(result.flows.total).toBe(5);
    expect(result.flows.uncovered.sort()).toEqual(['otherToEnd', 'toOther']);
    expect(result.reachedBy.routesHigh).toEqual(['high.yaml']);
    expect(result.reachedBy.routesOther).toBeUndefined();
    expect(result.cases).toEqual([{ file: 'high.yaml', title: 'High risk takes the first route', passed: true, problems: [] }]);
    expect(result.cached).toBe(false);
  });

  it('given Derby as saved, when its coverage is asked twice, then every element is covered by its cases, and the second answer comes from the cache at once', async () => {
    const first = await call('GET', '/api/models/derby/coverage');
    expect(first.status).toBe(200);
    const result = first.body as CoverageResult;
    expect(result.cases).toHaveLength(caseCount('derby'));
    expect(result.cases.every((entry) => entry.passed)).toBe(true);
    expect(result.nodes.uncovered).toEqual([]);
    expect(result.flows.uncovered).toEqual([]);
    expect(result.nodes.covered).toHaveLength(result.nodes.total);
    expect(result.reachedBy.recordAlertWithin24h?.length).toBeGreaterThan(0);
    console.log(`coverage API: derby, ${result.cases.length} cases: ${result.milliseconds} ms`);

    // From the cache: no suite is run again (how fast that is belongs in a bench, not a test).
    const second = await call('GET', '/api/models/derby/coverage');
    expect(second.body.cached).toBe(true);
    expect(second.body.nodes).toEqual(result.nodes);
  }, 120_000);

  it('given an unsaved edit that adds a route no case takes, when posted, then the new elements are uncovered and the file on disk is untouched', async () => {
    const { body: document } = await call('GET', '/api/models/routes');
    const edited = (document as ModelDocument).xml
      .replace('<bpmn:flowNodeRef>routesEnd</bpmn:flowNodeRef>', '<bpmn:flowNodeRef>routesEnd</bpmn:flowNodeRef><bpmn:flowNodeRef>routesNew</bpmn:flowNodeRef>')
      .replace('<bpmn:outgoing>toOther</bpmn:outgoing></bpmn:exclusiveGateway>', '<bpmn:outgoing>toOther</bpmn:outgoing><bpmn:outgoing>toNew</bpmn:outgoing></bpmn:exclusiveGateway>')
      .replace(
        '</bpmn:process>',
        `<bpmn:userTask id="routesNew" name="A new step"><bpmn:incoming>toNew</bpmn:incoming><bpmn:outgoing>newToEnd</bpmn:outgoing></bpmn:userTask>
    <bpmn:sequenceFlow id="toNew" sourceRef="routesRisk" targetRef="routesNew"><bpmn:conditionExpression>=childCount &gt; 20</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="newToEnd" sourceRef="routesNew" targetRef="routesEnd" />
  </bpmn:process>`,
      );
    const { status, body } = await call('POST', '/api/models/routes/coverage', { xml: edited });
    expect(status).toBe(200);
    expect(body.nodes.uncovered).toEqual(['routesOther', 'routesNew']);
    expect(body.flows.uncovered.sort()).toEqual(['newToEnd', 'otherToEnd', 'toNew', 'toOther']);
    expect(body.cached).toBe(false);
    expect((await call('GET', '/api/models/routes')).body.xml).toBe(twoRoutes);
  });

  it('given a case whose expectation fails, when coverage is asked, then the case is reported failed with why, and its run still counts', async () => {
    writeFileSync(join(models, 'cases', 'routes', 'wrong.yaml'), wrongExpectation);
    const { status, body } = await call('GET', '/api/models/routes/coverage');
    expect(status).toBe(200);
    const wrong = (body as CoverageResult).cases.find((entry) => entry.file === 'wrong.yaml')!;
    expect(wrong.passed).toBe(false);
    expect(wrong.problems.join(' ')).toContain('routesOther');
    expect(body.cached).toBe(false); // a new case file is a new suite, not the cached answer
    expect(body.reachedBy.routesHigh).toEqual(['high.yaml', 'wrong.yaml']);
    rmSync(join(models, 'cases', 'routes', 'wrong.yaml'));
  });

  it('given a suite running, when progress is asked, then it says how many cases have run; when idle, that nothing runs', async () => {
    const idle = (await call('GET', '/api/models/rotherham-2014/coverage/progress')).body as CoverageProgress;
    expect(idle.running).toBe(false);
    const running = call('GET', '/api/models/rotherham-2014/coverage');
    let seen: CoverageProgress | undefined;
    for (let tries = 0; tries < 400 && !seen?.running; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      seen = (await call('GET', '/api/models/rotherham-2014/coverage/progress')).body as CoverageProgress;
    }
    expect(seen?.running).toBe(true);
    const total = caseCount('rotherham-2014');
    expect(seen?.total).toBe(total);
    expect(seen?.done).toBeLessThan(total);
    expect((await running).status).toBe(200);
    const after = (await call('GET', '/api/models/rotherham-2014/coverage/progress')).body as CoverageProgress;
    expect(after).toMatchObject({ running: false, done: total, total });
  }, 180_000);

  it('given bad requests, then each is refused with a status and a sentence saying what is wrong', async () => {
    const unknown = await call('GET', '/api/models/no-such-model/coverage');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toContain('no model "no-such-model"');

    const broken = await call('POST', '/api/models/routes/coverage', { xml: '<nope' });
    expect(broken.status).toBe(422);
    expect(broken.body.error).toContain('cannot load this model');
    expect(broken.body.problems[0].code).toBe('xml-malformed');

    const noXml = await call('POST', '/api/models/routes/coverage', { text: twoRoutes });
    expect(noXml.status).toBe(400);
    expect(noXml.body.error).toBe('the body needs "xml" (a string)');

    expect((await call('DELETE', '/api/models/routes/coverage')).status).toBe(405);
    expect((await call('GET', '/api/models/routes/coverage/elsewhere')).status).toBe(404);
    expect((await call('GET', '/api/models/..%2F..%2Fetc/coverage')).status).toBe(403);
  });
});

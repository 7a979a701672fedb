/**
 * The trainer's run, shared by the page and the server (engine/trainer-run.ts), and the endpoint
 * the page reads case files from (GET /api/models/<name>/cases/<file>) with its path guards.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDocument, TrainerRun } from '../../editor/api/types.ts';
import { startEditorServer, type EditorServer } from '../../cli/server/server.ts';
import { parseCaseFile } from '../../engine/case-file.ts';
import { parseModel } from '../../engine/model.ts';
import { runForTrainer } from '../../engine/trainer-run.ts';

const repoModels = fileURLToPath(new URL('../../models/', import.meta.url));
const derbyCase = 'high-not-known-pregnant-joint-s47.yaml';

describe('trainer run (engine/trainer-run.ts)', () => {
  it('given a Derby case, when run for the trainer, then each decision says which conditions held for this case', async () => {
    const model = await parseModel(readFileSync(join(repoModels, 'derby.bpmn'), 'utf8'), 'models/derby.bpmn');
    const caseFile = parseCaseFile(readFileSync(join(repoModels, 'cases', 'derby', derbyCase), 'utf8'), derbyCase);
    const run = await runForTrainer(model, 'derby', derbyCase, caseFile);
    expect(run.ranInMs).toBeGreaterThanOrEqual(0);
    const risk = run.steps.find((step) => step.id === 'notOpenRisk')!;
    expect(risk.next.map((flow) => [flow.id, flow.holds])).toEqual([['flow_notOpenRisk_to_recordContactsHighRisk', true]]);
    expect(risk.notTaken.map((flow) => [flow.id, flow.holds])).toEqual([
      ['flow_notOpenRisk_to_recordContactsMediumRisk', false],
      ['flow_notOpenRisk_to_triageThresholdMet', null],
    ]);
    expect(risk.notTaken[1]!.isDefault).toBe(true);
  });

  it('given the same case with a standard DASH grade, then the path goes through triage instead', async () => {
    const model = await parseModel(readFileSync(join(repoModels, 'derby.bpmn'), 'utf8'), 'models/derby.bpmn');
    const caseFile = parseCaseFile(readFileSync(join(repoModels, 'cases', 'derby', derbyCase), 'utf8').replace('dashRisk: high', 'dashRisk: standard'), derbyCase);
    const run = await runForTrainer(model, 'derby', derbyCase, caseFile);
    const ids = run.steps.map((step) => step.id);
    expect(ids).toContain('standardRiskTriage');
    expect(ids).not.toContain('recordContactsHighRisk');
  });
});

describe('case files for the page (GET /api/models/<name>/cases/<file>)', () => {
  let work: string;
  let server: EditorServer;

  function get(path: string): Promise<{ status: number; body: any }> {
    return new Promise((resolve, reject) => {
      request({ host: '127.0.0.1', port: server.port, path, method: 'GET', agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') }));
      })
        .on('error', reject)
        .end();
    });
  }

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'mashflow-trainer-cases-'));
    cpSync(repoModels, join(work, 'models'), { recursive: true, filter: (source) => !source.includes('.backup') });
    writeFileSync(join(work, 'secret.yaml'), 'title: outside the models folder\ncase: {}\n');
    symlinkSync(join(work, 'secret.yaml'), join(work, 'models', 'cases', 'derby', 'linked-out.yaml'));
    server = await startEditorServer({ modelsRoot: join(work, 'models'), staticRoot: work, port: 0 });
  });

  afterAll(async () => {
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('given a bundled case, then its text comes back as written', async () => {
    const { status, body } = await get(`/api/models/derby/cases/${derbyCase}`);
    expect(status).toBe(200);
    expect(body as CaseDocument).toEqual({ file: derbyCase, text: readFileSync(join(repoModels, 'cases', 'derby', derbyCase), 'utf8') });
  });

  it('given a case that is not there, then 404; given a path out of the folder, a non-YAML name or a link out, then 403', async () => {
    expect((await get('/api/models/derby/cases/no-such-case.yaml')).status).toBe(404);
    expect((await get('/api/models/derby/cases/%2e%2e')).status).toBe(403);
    expect((await get('/api/models/derby/cases/..%2F..%2Fsecret.yaml')).status).toBe(403);
    expect((await get('/api/models/%2e%2e/cases/secret.yaml')).status).toBe(403);
    expect((await get('/api/models/derby/cases/derby.bpmn')).status).toBe(403);
    const linked = await get('/api/models/derby/cases/linked-out.yaml');
    expect(linked.status).toBe(403);
    expect(JSON.stringify(linked.body)).not.toContain('outside the models folder\\ncase');
  });

  it('given the server, then POST /api/run still answers with the same shaping as the page', async () => {
    const xml = readFileSync(join(repoModels, 'derby.bpmn'), 'utf8');
    const body = JSON.stringify({ model: 'derby', case: derbyCase, xml });
    const origin = `http://127.0.0.1:${server.port}`;
    const answer = await new Promise<{ status: number; run: TrainerRun }>((resolve, reject) => {
      const outgoing = request({ host: '127.0.0.1', port: server.port, path: '/api/run', method: 'POST', agent: false, headers: { origin, 'content-type': 'application/json' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, run: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
    expect(answer.status).toBe(200);
    expect(answer.run.outcomes).toEqual(expect.arrayContaining(['strategy-discussion', 's47']));
    expect(answer.run.steps.find((step) => step.id === 'notOpenRisk')!.next[0]!.holds).toBe(true);
  });
});

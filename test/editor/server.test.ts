/**
 * The editor server against a temporary copy of models/: listing, reading, saving (atomic, with a
 * backup, loadable models only), lint and trainer runs, and the refusals: paths outside the
 * models folder, symbolic links out of it, and requests not from the editor's own origin.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelDocument, ModelSummary, SaveResult, TrainerRun } from '../../editor/api/types.ts';
import { backupsKept } from '../../cli/server/models-api.ts';
import { startEditorServer, type EditorServer } from '../../cli/server/server.ts';

const repoModels = fileURLToPath(new URL('../../models/', import.meta.url));

/** The smallest model the engine loads: start, one documented task, end, in one lane. */
const tinyModel = (taskName: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="tinyDefinitions" targetNamespace="https://mashflow.org/test">
  <bpmn:process id="tiny" name="Tiny test procedure" isExecutable="true">
    <bpmn:laneSet id="tinyLanes">
      <bpmn:lane id="tinyLane" name="Test team">
        <bpmn:flowNodeRef>tinyStart</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>tinyTask</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>tinyEnd</bpmn:flowNodeRef>
      </bpmn:lane>
    </bpmn:laneSet>
    <bpmn:startEvent id="tinyStart" name="Received"><bpmn:outgoing>tinyFlow1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="tinyTask" name="${taskName}">
      <bpmn:documentation>Seed 000_test.txt: "a synthetic step"</bpmn:documentation>
      <bpmn:incoming>tinyFlow1</bpmn:incoming><bpmn:outgoing>tinyFlow2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="tinyEnd" name="Done"><bpmn:incoming>tinyFlow2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="tinyFlow1" sourceRef="tinyStart" targetRef="tinyTask" />
    <bpmn:sequenceFlow id="tinyFlow2" sourceRef="tinyTask" targetRef="tinyEnd" />
  </bpmn:process>
</bpmn:definitions>
`;

interface Answer {
  status: number;
  body: any;
}

describe('editor server (cli/server)', () => {
  let work: string;
  let models: string;
  let server: EditorServer;
  let origin: string;

  /** A raw HTTP request: the path goes out exactly as written (fetch would normalise `..` away). */
  function raw(method: string, path: string, options: { headers?: Record<string, string>; body?: unknown } = {}): Promise<Answer> {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    return new Promise((resolve, reject) => {
      const outgoing = request(
        {
          host: '127.0.0.1',
          port: server.port,
          method,
          path,
          agent: false, // a fresh connection each time: no kept-alive socket the server may have closed
          headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...options.headers },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = JSON.parse(text);
            } catch {
              // not JSON: a static file
            }
            resolve({ status: response.statusCode ?? 0, body: parsed });
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  const get = (path: string) => raw('GET', path);
  /** A change as the editor page sends it: JSON, with the page's own Origin. */
  const send = (method: string, path: string, body: unknown) => raw(method, path, { headers: { origin }, body });

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'mashflow-server-'));
    models = join(work, 'models');
    cpSync(repoModels, models, { recursive: true, filter: (source) => !source.includes(`${join(repoModels, '.backup')}`) });
    writeFileSync(join(models, 'tiny.bpmn'), tinyModel('Check the notification'));
    writeFileSync(join(work, 'outside.bpmn'), tinyModel('Outside the models folder'));
    mkdirSync(join(work, 'static'));
    writeFileSync(join(work, 'static', 'index.html'), '<!doctype html><title>editor</title>');
    server = await startEditorServer({ modelsRoot: models, staticRoot: join(work, 'static'), port: 0 });
    origin = server.url.replace(/\/$/, '');
  });

  afterAll(async () => {
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('given port 0, when started, then it listens on 127.0.0.1 only, on a free port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('given the models folder, when listed, then every .bpmn file is there with its process title and case count', async () => {
    const { status, body } = await get('/api/models');
    expect(status).toBe(200);
    const list = body as ModelSummary[];
    const files = readdirSync(models).filter((file) => file.endsWith('.bpmn'));
    expect(list.map((model) => `${model.name}.bpmn`).sort()).toEqual(files.sort());
    const derby = list.find((model) => model.name === 'derby')!;
    expect(derby.title).toMatch(/^Derby/);
    expect(derby.cases).toBe(readdirSync(join(models, 'cases', 'derby')).filter((file) => file.endsWith('.yaml')).length);
  });

  it('given a model name, when fetched, then the answer is the file as it is on disk and its sha256', async () => {
    const { status, body } = await get('/api/models/derby');
    expect(status).toBe(200);
    const document = body as ModelDocument;
    const onDisk = readFileSync(join(models, 'derby.bpmn'), 'utf8');
    expect(document.xml).toBe(onDisk);
    expect(document.version).toBe(createHash('sha256').update(onDisk).digest('hex'));
  });

  it('given a loadable edit, when saved, then the file is replaced by a rename and the previous version kept in .backup/', async () => {
    const path = join(models, 'tiny.bpmn');
    const before = readFileSync(path, 'utf8');
    const inodeBefore = statSync(path).ino;
    const { body: opened } = await get('/api/models/tiny');
    const edited = tinyModel('Check the notification and record it');
    const { status, body } = await send('PUT', '/api/models/tiny', { xml: edited, baseVersion: (opened as ModelDocument).version });
    expect(status).toBe(200);
    const result = body as SaveResult;
    expect(readFileSync(path, 'utf8')).toBe(edited);
    // A rename puts a new file in place; writing into the old one would keep its inode.
    expect(statSync(path).ino).not.toBe(inodeBefore);
    expect(result.backup).toMatch(/^\.backup\/tiny\.\d{4}-\d\d-\d\dT[\d-]+Z\.bpmn$/);
    expect(readFileSync(join(models, result.backup), 'utf8')).toBe(before);
    expect(readdirSync(models).filter((file) => file.endsWith('.tmp'))).toEqual([]);
    expect(result.version).toBe(createHash('sha256').update(edited).digest('hex'));
  });

  it('given a save that started from an older version, when saved, then it is refused (409) and the newer file kept', async () => {
    const path = join(models, 'tiny.bpmn');
    const current = readFileSync(path, 'utf8');
    const { status, body } = await send('PUT', '/api/models/tiny', { xml: tinyModel('A stale edit'), baseVersion: 'not-the-current-version' });
    expect(status).toBe(409);
    expect(body.error).toContain('changed on disk');
    expect(readFileSync(path, 'utf8')).toBe(current);
  });

  it('given XML that is not a model, when saved, then it is refused (422) with the problem, and nothing is written or backed up', async () => {
    const path = join(models, 'derby.bpmn');
    const before = readFileSync(path, 'utf8');
    const backups = existsSync(join(models, '.backup')) ? readdirSync(join(models, '.backup')).length : 0;
    const { status, body } = await send('PUT', '/api/models/derby', { xml: '<bpmn:definitions><unclosed' });
    expect(status).toBe(422);
    expect(body.problems[0]).toMatchObject({ code: 'xml-malformed', file: 'models/derby.bpmn' });
    expect(body.problems[0].message).toContain('not a readable BPMN 2.0 file');

    const scripted = before.replace(/<bpmn:userTask id="recordAlertWithin24h"/, '<bpmn:scriptTask id="recordAlertWithin24h"').replace(
      /(<bpmn:scriptTask id="recordAlertWithin24h"[\s\S]*?)<\/bpmn:userTask>/,
      '$1</bpmn:scriptTask>',
    );
    expect(scripted).not.toBe(before);
    const refused = await send('PUT', '/api/models/derby', { xml: scripted });
    expect(refused.status).toBe(422);
    expect(refused.body.problems).toContainEqual(expect.objectContaining({ code: 'script-refused', path: 'recordAlertWithin24h' }));

    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(existsSync(join(models, '.backup')) ? readdirSync(join(models, '.backup')).length : 0).toBe(backups);
  });

  it(`given many saves, then only the newest ${backupsKept} backups of a model are kept`, async () => {
    for (let n = 0; n < backupsKept + 3; n++) {
      const { status } = await send('PUT', '/api/models/tiny', { xml: tinyModel(`Check the notification, take ${n}`) });
      expect(status).toBe(200);
    }
    const kept = readdirSync(join(models, '.backup')).filter((file) => file.startsWith('tiny.'));
    expect(kept).toHaveLength(backupsKept);
  });

  it('given a path that climbs out of the models folder, in any spelling, then it is refused (403) and nothing outside is read or written', async () => {
    const packageJson = fileURLToPath(new URL('../../package.json', import.meta.url));
    const before = readFileSync(packageJson, 'utf8');
    for (const path of [
      '/api/models/..%2Fpackage.json',
      '/api/models/..%2F..%2Fpackage',
      '/api/models/%2e%2e/package.json',
      '/api/models/%2E%2E%2Fpackage',
      '/api/models/..',
      '/api/models/..%5Coutside',
      '/api/models/%2Fetc%2Fpasswd',
      '/api/models/derby/cases/..%2F..%2F..%2Fpackage.json',
      '/%2e%2e/%2e%2e/package.json',
      '/..%2F..%2Fpackage.json',
    ]) {
      const { status, body } = await get(path);
      expect(status, path).toBe(403);
      expect(body.error, path).toMatch(/^refused/);
    }
    const put = await send('PUT', '/api/models/..%2Foutside', { xml: tinyModel('Overwritten') });
    expect(put.status).toBe(403);
    expect(readFileSync(join(work, 'outside.bpmn'), 'utf8')).toContain('Outside the models folder');

    const run = await send('POST', '/api/run', { model: 'derby', case: '../../../package.json', xml: '' });
    expect(run.status).toBe(403);
    const lint = await send('POST', '/api/lint', { name: '../outside', xml: tinyModel('x') });
    expect(lint.status).toBe(403);
    expect(readFileSync(packageJson, 'utf8')).toBe(before);
  });

  it('given a symbolic link inside the models folder that leads out of it, then it is neither listed nor read nor written', async () => {
    symlinkSync(join(work, 'outside.bpmn'), join(models, 'linked.bpmn'));
    const { body: list } = await get('/api/models');
    expect((list as ModelSummary[]).map((model) => model.name)).not.toContain('linked');
    expect((await get('/api/models/linked')).status).toBe(403);
    expect((await send('PUT', '/api/models/linked', { xml: tinyModel('Through the link') })).status).toBe(403);
    expect(readFileSync(join(work, 'outside.bpmn'), 'utf8')).toContain('Outside the models folder');
  });

  it('given a request from another origin, or with no origin, when it would change a model, then it is refused (403)', async () => {
    const path = join(models, 'tiny.bpmn');
    const before = readFileSync(path, 'utf8');
    const foreign = await raw('PUT', '/api/models/tiny', { headers: { origin: 'http://evil.example' }, body: { xml: tinyModel('Foreign') } });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toContain('http://evil.example');
    const sameHostOtherPort = await raw('PUT', '/api/models/tiny', { headers: { origin: 'http://127.0.0.1:1' }, body: { xml: tinyModel('Foreign') } });
    expect(sameHostOtherPort.status).toBe(403);
    const noOrigin = await raw('PUT', '/api/models/tiny', { body: { xml: tinyModel('No origin') } });
    expect(noOrigin.status).toBe(403);
    const crossSite = await raw('PUT', '/api/models/tiny', { headers: { origin, 'sec-fetch-site': 'cross-site' }, body: { xml: tinyModel('Cross site') } });
    expect(crossSite.status).toBe(403);
    expect((await raw('POST', '/api/lint', { headers: { origin: 'null' }, body: { name: 'tiny', xml: before } })).status).toBe(403);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('given a Host other than 127.0.0.1:port (a rebound DNS name), then even a read is refused (403)', async () => {
    const { status, body } = await raw('GET', '/api/models/derby', { headers: { host: `evil.example:${server.port}` } });
    expect(status).toBe(403);
    expect(body.error).toContain('only at');
    expect((await raw('GET', '/api/models', { headers: { host: `localhost:${server.port}` } })).status).toBe(403);
  });

  it('given a model, when linted, then bpmnlint and mashflow rules report on it; a task without its seed citation is named', async () => {
    const { body: document } = await get('/api/models/derby');
    const clean = await send('POST', '/api/lint', { name: 'derby', xml: (document as ModelDocument).xml });
    expect(clean.status).toBe(200);
    expect(clean.body.issues).toEqual([]);
    const uncited = (document as ModelDocument).xml.replace(
      /(<bpmn:userTask id="recordAlertWithin24h"[^>]*>\s*)<bpmn:documentation>[\s\S]*?<\/bpmn:documentation>/,
      '$1',
    );
    const { body } = await send('POST', '/api/lint', { name: 'derby', xml: uncited });
    expect(body.issues).toContainEqual(expect.objectContaining({ id: 'recordAlertWithin24h', rule: 'task-cites-seed', category: 'error' }));
  });

  it('given a bundled case, when run for the trainer, then the path comes back step by step with lanes, documentation and decisions', async () => {
    const { body: document } = await get('/api/models/derby');
    const { status, body } = await send('POST', '/api/run', { model: 'derby', case: 'high-not-known-pregnant-joint-s47.yaml', xml: (document as ModelDocument).xml });
    expect(status).toBe(200);
    const run = body as TrainerRun;
    expect(run.outcomes).toEqual(expect.arrayContaining(['strategy-discussion', 's47']));
    expect(run.steps[0]).toMatchObject({ type: 'startEvent', lane: 'Police', startedLocal: '2026-03-02 09:30' });
    expect(run.steps.at(-1)!.type).toBe('endEvent');
    const decision = run.steps.find((step) => step.id === 'highOrMediumDash')!;
    expect(decision.next).toHaveLength(1);
    expect(decision.next[0]!.condition).toContain('dashRisk');
    expect(decision.reads).toContainEqual({ name: 'dashRisk', value: 'high' });
    expect(decision.notTaken.length).toBeGreaterThan(0);
    expect(run.steps.some((step) => step.documentation.includes('Seed'))).toBe(true);
    expect(run.expect.outcomes).toEqual(expect.arrayContaining(['strategy-discussion', 's47']));
  });

  it('given a case that is not there, or a model the engine refuses, when run, then the answer says which (404, 422)', async () => {
    const { body: document } = await get('/api/models/derby');
    expect((await send('POST', '/api/run', { model: 'derby', case: 'no-such-case.yaml', xml: (document as ModelDocument).xml })).status).toBe(404);
    const broken = await send('POST', '/api/run', { model: 'derby', case: 'high-not-known-pregnant-joint-s47.yaml', xml: '<nope' });
    expect(broken.status).toBe(422);
    expect(broken.body.problems[0].code).toBe('xml-malformed');
  });

  it('given the built page, when fetched, then it is served with a same-origin content security policy', async () => {
    const answer = await new Promise<{ status: number; csp: string | undefined }>((resolve, reject) => {
      request({ host: '127.0.0.1', port: server.port, path: '/', agent: false }, (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0, csp: response.headers['content-security-policy'] as string | undefined });
      })
        .on('error', reject)
        .end();
    });
    expect(answer.status).toBe(200);
    expect(answer.csp).toContain("default-src 'self'");
    expect((await get('/no-such-file.js')).status).toBe(404);
    expect((await raw('DELETE', '/api/models/tiny', { headers: { origin } })).status).toBe(405);
  });
});

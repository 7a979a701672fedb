/**
 * GET /api/scenarios against a temporary copy of models/: every scenario file with its title,
 * description, model (resolved to a models-folder name) and text; the what-if suite left out; a
 * model path that leaves the folder resolves to nothing; a link out of scenarios/ is not read.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioSummary } from '../../editor/api/types.ts';
import { listScenarios, modelNameFor } from '../../cli/server/scenarios-api.ts';
import { ModelsFolder } from '../../cli/server/paths.ts';
import { startEditorServer, type EditorServer } from '../../cli/server/server.ts';

const repoModels = fileURLToPath(new URL('../../models/', import.meta.url));
const secret = 'title: A file outside the models folder\nmodel: ../derby.bpmn\n';

describe('GET /api/scenarios (cli/server/scenarios-api.ts)', () => {
  let work: string;
  let models: string;
  let server: EditorServer;

  function answer(method: string, path: string): Promise<{ status: number; body: any }> {
    return new Promise((resolve, reject) => {
      const outgoing = request({ host: '127.0.0.1', port: server.port, method, path, agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') }));
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
  }

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'mashflow-scenarios-'));
    models = join(work, 'models');
    cpSync(repoModels, models, { recursive: true, filter: (source) => !source.includes(join(repoModels, '.backup')) });
    const scenarios = join(models, 'scenarios');
    writeFileSync(join(scenarios, 'climbs-out.yaml'), 'title: Climbs out\nmodel: ../../outside.bpmn\n');
    writeFileSync(join(scenarios, 'no-such-model.yaml'), 'title: Missing model\nmodel: ../nowhere.bpmn\n');
    writeFileSync(join(scenarios, 'broken.yaml'), 'model: ../derby.bpmn\ntitle: [unclosed\n');
    writeFileSync(join(work, 'outside.yaml'), secret);
    writeFileSync(join(work, 'outside.bpmn'), '<x/>');
    symlinkSync(join(work, 'outside.yaml'), join(scenarios, 'linked-out.yaml'));
    server = await startEditorServer({ modelsRoot: models, staticRoot: join(work, 'static'), port: 0 });
  });

  afterAll(async () => {
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('given the bundled scenarios, when listed, then each comes with its title, description, model name and text as on disk', async () => {
    const { status, body } = await answer('GET', '/api/scenarios');
    expect(status).toBe(200);
    const list = body as ScenarioSummary[];
    const baseline = list.find((scenario) => scenario.name === 'derby-baseline')!;
    expect(baseline).toMatchObject({ file: 'derby-baseline.yaml', title: 'Derby baseline (twice-weekly standard-risk triage)', model: 'derby' });
    expect(baseline.text).toBe(readFileSync(join(models, 'scenarios', 'derby-baseline.yaml'), 'utf8'));
    expect(baseline.description).toMatch(/^Derby's procedure as written/);
    expect(baseline.description).not.toContain('\n');
    const bundled = readdirSync(join(repoModels, 'scenarios')).filter((file) => file.endsWith('.yaml') && file !== 'suite.yaml');
    for (const file of bundled) {
      const listed = list.find((scenario) => scenario.file === file);
      expect(listed, file).toBeDefined();
      expect(listed!.model, file).not.toBeNull();
    }
    // The suite names scenarios; it is not one.
    expect(list.some((scenario) => scenario.file === 'suite.yaml')).toBe(false);
    expect(list.map((scenario) => scenario.file)).toEqual([...list.map((scenario) => scenario.file)].sort());
  });

  it('given a model path outside the models folder or a model that is not there, then the scenario is listed with no model (the editor offers it for none)', async () => {
    const { body } = await answer('GET', '/api/scenarios');
    const list = body as ScenarioSummary[];
    expect(list.find((scenario) => scenario.name === 'climbs-out')?.model).toBeNull();
    expect(list.find((scenario) => scenario.name === 'no-such-model')?.model).toBeNull();
    // Unreadable YAML is still listed, by its file name: running it reports the problem.
    expect(list.find((scenario) => scenario.name === 'broken')).toMatchObject({ title: 'broken', model: null });
  });

  it('given a symbolic link in scenarios/ to a file outside the models folder, then it is not read', async () => {
    const { body } = await answer('GET', '/api/scenarios');
    const list = body as ScenarioSummary[];
    expect(list.some((scenario) => scenario.name === 'linked-out')).toBe(false);
    expect(JSON.stringify(list)).not.toContain('A file outside the models folder');
  });

  it('given a method other than GET, then it is refused', async () => {
    expect((await answer('DELETE', '/api/scenarios')).status).toBe(403); // a change without the page's Origin: refused first
    expect((await answer('HEAD', '/api/scenarios')).status).toBe(405);
  });

  it('given a relative model path, then it resolves against models/scenarios/ and only to a model directly in the folder', () => {
    const folder = new ModelsFolder(models);
    expect(modelNameFor(folder, '../derby.bpmn')).toBe('derby');
    expect(modelNameFor(folder, './../coventry.bpmn')).toBe('coventry');
    expect(modelNameFor(folder, 'derby.bpmn')).toBeNull(); // models/scenarios/derby.bpmn: not there
    expect(modelNameFor(folder, '../../outside.bpmn')).toBeNull();
    expect(modelNameFor(folder, '/etc/derby.bpmn')).toBeNull();
    expect(modelNameFor(folder, '..\\derby.bpmn')).toBeNull();
    expect(modelNameFor(folder, '../cases/derby')).toBeNull();
  });

  it('given a models folder without scenarios/, then the list is empty', () => {
    const empty = join(work, 'empty-models');
    mkdirSync(empty);
    expect(listScenarios(new ModelsFolder(empty))).toEqual([]);
  });
});

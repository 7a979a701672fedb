/**
 * The CLI compiled ahead of time (tools/build/cli.mjs) behaves as the sources do. The other CLI
 * tests run the sources (MASHFLOW_FROM_SOURCE=1 in vitest.config.ts); this one builds a bundle of
 * its own into a temporary folder and runs the same commands through both.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upToDateBundle } from '../../bin/up-to-date-bundle.js';
import type { WorkerTask } from '../../cli/simulate-worker.ts';
import { prepare, runReplication, type ReplicationResult } from '../../simulations/simulate.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const scenarioFile = 'test/cli/fixtures/scenarios/one-task.yaml';
let folder: string;

function node(...args: string[]) {
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const fromSources = (...args: string[]) => node('bin/mashflow.js', ...args);
const fromBundle = (...args: string[]) => node(join(folder, 'mashflow.mjs'), ...args);

beforeAll(() => {
  // Inside the repository, so the bundle's package imports resolve from node_modules.
  mkdirSync(join(root, 'out'), { recursive: true });
  folder = mkdtempSync(join(root, 'out', 'cli-test-'));
  const build = node('tools/build/cli.mjs', '--outdir', folder);
  expect(build.code, build.stderr).toBe(0);
  // So fromSources really is the sources, not an up-to-date out/cli/.
  expect(process.env.MASHFLOW_FROM_SOURCE).toBe('1');
});

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('the CLI bundle', () => {
  it('given --help, when run from the bundle, then it prints what the sources print', () => {
    const bundle = fromBundle('--help');
    expect(bundle).toEqual(fromSources('--help'));
    expect(bundle.code).toBe(0);
    expect(bundle.stdout).toContain('usage:');
  });

  it('given bad input, when run from the bundle, then the same one-line errors and exit 2, no stack trace', () => {
    for (const args of [['simulat'], ['run', 'models/derby.bpmn', 'no/such/case.yaml'], ['simulate', 'models/scenarios/derby-baseline.yaml', '--workers', 'x']]) {
      const bundle = fromBundle(...args);
      expect(bundle).toEqual(fromSources(...args));
      expect(bundle.code).toBe(2);
      expect(bundle.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('given a case, when run --json from the bundle, then the result is the sources\' (the moddle descriptor JSON is bundled)', () => {
    const args = ['run', 'models/derby.bpmn', 'models/cases/derby/high-not-known-pregnant-joint-s47.yaml', '--json'];
    const bundle = fromBundle(...args);
    expect(bundle.code).toBe(0);
    expect(bundle.stdout).toBe(fromSources(...args).stdout);
  });

  it('given two workers, when simulating from the bundle, then the report is the sources\' (the thread pool starts on the prebuilt worker)', () => {
    const args = ['simulate', scenarioFile, '--workers', '2', '--json'];
    const bundle = fromBundle(...args);
    expect(bundle.code, bundle.stderr).toBe(0);
    expect(bundle.stdout).toBe(fromSources(...args).stdout);
  });

  it('given a task, when the prebuilt worker runs it, then its replications are the sources\' (what each thread runs)', async () => {
    const modelFile = 'test/simulations/fixtures/one-task.bpmn';
    const modelXml = readFileSync(join(root, modelFile), 'utf8');
    const plan = await prepare({ scenarioText: readFileSync(join(root, scenarioFile), 'utf8'), scenarioFile, modelXml, modelFile });
    const worker = (await import(pathToFileURL(join(folder, 'simulate-worker.mjs')).href)) as { default: (task: WorkerTask) => Promise<Array<[number, ReplicationResult]>> };
    const counters = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
    const results = await worker.default({ input: { scenario: plan.scenario, modelXml, modelFile }, count: 2, counters, slot: 0 });
    expect(results).toEqual([0, 1].map((replication) => [replication, runReplication(plan, replication)]));
  });

  it('given its inputs.json, when checked, then the bundle is up to date until a recorded file time differs or a file is gone', () => {
    expect(upToDateBundle(folder)).toBe(pathToFileURL(join(folder, 'mashflow.mjs')).href);
    const manifestFile = join(folder, 'inputs.json');
    const text = readFileSync(manifestFile, 'utf8');
    const manifest = JSON.parse(text) as { inputs: Record<string, number> };
    expect(Object.keys(manifest.inputs)).toEqual(expect.arrayContaining(['cli/main.ts', 'cli/simulate-worker.ts', 'engine/moddle/mashflow.json', 'tools/build/cli.mjs']));
    try {
      writeFileSync(manifestFile, JSON.stringify({ ...manifest, inputs: { ...manifest.inputs, 'cli/main.ts': manifest.inputs['cli/main.ts']! - 1 } }));
      expect(upToDateBundle(folder)).toBeUndefined();
      writeFileSync(manifestFile, JSON.stringify({ ...manifest, inputs: { ...manifest.inputs, 'cli/gone.ts': 1 } }));
      expect(upToDateBundle(folder)).toBeUndefined();
    } finally {
      writeFileSync(manifestFile, text);
    }
    expect(upToDateBundle(folder)).toBe(pathToFileURL(join(folder, 'mashflow.mjs')).href);
    expect(upToDateBundle(join(folder, 'no-such-folder'))).toBeUndefined();
  });
});

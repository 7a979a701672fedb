/**
 * Each bundled model has a traceability matrix (docs/traceability/<model>.yaml) that names, for
 * every procedural statement of its seed, the elements encoding it; the matrix must agree with the
 * model, and its Markdown must be the one `npm run traceability` renders from it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseModel } from '../../engine/model.ts';
import { checkTraceability, renderTraceability, traceabilitySchema, type Traceability } from '../../engine/traceability.ts';

const models = readdirSync('models').filter((file) => file.endsWith('.bpmn')).map((file) => file.replace(/\.bpmn$/, ''));

describe.each(models)('traceability of %s', (name) => {
  const path = `docs/traceability/${name}.yaml`;
  const read = (): Traceability => traceabilitySchema.parse(parse(readFileSync(path, 'utf8')));

  it('has a matrix that parses', () => {
    expect(existsSync(path)).toBe(true);
    expect(read().model).toBe(name);
  });

  it('lists only elements the model has, and every task of the model', async () => {
    const model = await parseModel(readFileSync(`models/${name}.bpmn`, 'utf8'), `models/${name}.bpmn`);
    expect(checkTraceability(read(), model, path)).toEqual([]);
  });

  it('cites seeds the model cites', () => {
    const xml = readFileSync(`models/${name}.bpmn`, 'utf8');
    for (const seed of read().seeds) expect(xml).toContain(seed);
  });

  it('has its Markdown rendered from the YAML (npm run traceability)', () => {
    expect(readFileSync(path.replace(/\.yaml$/, '.md'), 'utf8')).toBe(renderTraceability(read()));
  });
});

describe('checkTraceability', () => {
  const model = {
    file: 'm.bpmn',
    nodes: new Map([
      ['screen', { id: 'screen', name: 'Screen', type: 'userTask' }],
      ['decide', { id: 'decide', name: 'Decide', type: 'userTask' }],
      ['split', { id: 'split', name: '', type: 'exclusiveGateway' }],
    ]),
    flows: new Map(),
  } as never;
  const matrix = (statements: unknown[]) => traceabilitySchema.parse({ model: 'm', seeds: ['000.txt'], statements });

  it('given a listed id the model lacks and a task no statement lists, when checked, then both are named', () => {
    const problems = checkTraceability(matrix([{ id: 'S1', section: '1', quote: 'Screen it', status: 'encoded', elements: ['screen', 'screenIt'] }]), model, 't.yaml');
    expect(problems.map((problem) => [problem.path, problem.message])).toEqual([
      ['S1', expect.stringContaining('element screenIt is not in m.bpmn')],
      ['decide', 'task decide ("Decide") is in no statement of the matrix; add it to the statement it encodes'],
    ]);
  });

  it('given a statement out of scope without a note, or encoded without elements, when checked, then each is a problem', () => {
    const problems = checkTraceability(
      matrix([
        { id: 'S1', section: '1', quote: 'Screen and decide', status: 'encoded', elements: ['screen', 'decide'] },
        { id: 'S2', section: '2', quote: 'Train staff yearly', status: 'out-of-scope' },
        { id: 'S3', section: '3', quote: 'Record it', status: 'encoded' },
      ]),
      model,
      't.yaml',
    );
    expect(problems.map((problem) => problem.path)).toEqual(['S2', 'S3']);
  });
});

/**
 * Writes a model's first version from its authoring spec: `npx tsx tools/authoring/write-model.ts derby`.
 * This overwrites models/<name>.bpmn, so it is for first drafts only; afterwards edit the .bpmn.
 */
import { writeFileSync, renameSync } from 'node:fs';
import { writeBpmn } from './write-bpmn.ts';
import type { ModelSpec } from './spec.ts';

const specs: Record<string, () => Promise<ModelSpec>> = {
  coventry: async () => (await import('./coventry.ts')).coventry,
  derby: async () => (await import('./derby.ts')).derby,
  'rotherham-2014': async () => (await import('./rotherham-2014.ts')).rotherham2014,
  'rotherham-2015': async () => (await import('./rotherham-2015.ts')).rotherham2015,
  warwickshire: async () => (await import('./warwickshire.ts')).warwickshire,
};

const name = process.argv[2] ?? '';
const load = specs[name];
if (!load) {
  console.error(`usage: write-model.ts <${Object.keys(specs).join('|')}>`);
  process.exit(2);
}
const target = `models/${name}.bpmn`;
writeFileSync(`${target}.tmp`, writeBpmn(await load()));
renameSync(`${target}.tmp`, target);
console.log(`wrote ${target}`);

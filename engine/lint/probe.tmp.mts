import { readFileSync } from 'node:fs';
import Linter from 'bpmnlint/lib/linter.js';
import NodeResolver from 'bpmnlint/lib/resolver/node-resolver.js';
import { createModdle } from '../model.ts';
const xml = readFileSync(process.argv[2]!, 'utf8');
const parsed = await createModdle().fromXML(xml, 'bpmn:Definitions');
console.log('warnings', parsed.warnings.map((w: any) => w.message));
const linter = new (Linter as any)({ config: { extends: 'bpmnlint:recommended' }, resolver: new (NodeResolver as any)() });
console.log(JSON.stringify(await linter.lint(parsed.rootElement), null, 1));

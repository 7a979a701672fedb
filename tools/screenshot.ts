/** Screenshots every bundled model as bpmn-js renders it: `npm run screenshot` writes out/screenshots/*.png. */
import { mkdirSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { importIntoBpmnJs, withChromium } from './browser/bpmn-js-import.ts';

const models = (process.argv.slice(2).length > 0 ? process.argv.slice(2) : readdirSync('models').filter((f) => f.endsWith('.bpmn')).map((f) => `models/${f}`));
mkdirSync('out/screenshots', { recursive: true });
await withChromium(async (browser) => {
  for (const model of models) {
    const screenshot = `out/screenshots/${basename(model, '.bpmn')}.png`;
    const report = await importIntoBpmnJs(browser, model, { withDescriptor: true, screenshot });
    console.log(`${model}: ${report.elementCount} elements, ${report.warnings.length} warnings -> ${screenshot}`);
    for (const warning of report.warnings) console.log(`  ${warning}`);
  }
});

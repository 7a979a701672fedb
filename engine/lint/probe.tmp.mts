import { readFileSync } from 'node:fs';
import { lintModel } from './index.ts';
for (const f of process.argv.slice(2)) console.log(f, JSON.stringify(await lintModel(readFileSync(f, 'utf8'), f), null, 1));

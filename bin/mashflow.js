#!/usr/bin/env node
// Runs the CLI compiled ahead of time (out/cli/: `npm run build:cli`, which `npm ci` runs too) while
// it matches the sources, since compiling the TypeScript through tsx on every start took ~0.9 s.
// Otherwise, and with MASHFLOW_FROM_SOURCE=1 (the tests), the sources through tsx, so a clone works
// with no build step and an edited source never runs stale.
import { upToDateBundle } from './up-to-date-bundle.js';

const fromSource = (process.env.MASHFLOW_FROM_SOURCE ?? '') !== '' && process.env.MASHFLOW_FROM_SOURCE !== '0';
const bundle = fromSource ? undefined : upToDateBundle(new URL('../out/cli/', import.meta.url));
if (bundle) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli/main.ts');
}

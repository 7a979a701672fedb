// Builds the browser editor (editor/) into out/editor/, which `mashflow serve` serves. Everything
// the page needs is bundled (bpmn-js, its font, lit): it works offline.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Rollup } from 'vite';
import { leanHolidays } from './tools/bundling/lean-holidays.ts';

/**
 * zod 4.6 has prose comments that mention `@__PURE__` (v4/core/util.js, regexes.js); Rollup reads
 * them as misplaced annotations, warns and drops the comment, which changes nothing in the output
 * (zod's real annotations are read). Upstream: colinhacks/zod#6619. Every other warning is shown.
 */
function onwarn(warning: Rollup.RollupLog, warn: (warning: Rollup.RollupLog) => void): void {
  if (warning.code === 'INVALID_ANNOTATION' && /[\\/]node_modules[\\/]zod[\\/]/.test(warning.id ?? '')) return;
  warn(warning);
}

export default defineConfig({
  root: fileURLToPath(new URL('./editor/', import.meta.url)),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  // England's holidays without astronomia and moment-timezone (see the plugin), in the page and
  // in the simulation worker, a separate build that does not take the page's plugins.
  plugins: [leanHolidays()],
  worker: { plugins: () => [leanHolidays()] },
  // bpmn-engine runs in the page (trainer mode); its node imports get browser stand-ins.
  resolve: {
    alias: [
      { find: /^node:events$/, replacement: 'events' },
      { find: /^node:vm$/, replacement: fileURLToPath(new URL('./editor/shims/vm.ts', import.meta.url)) },
      { find: /^node:module$/, replacement: fileURLToPath(new URL('./editor/shims/module.ts', import.meta.url)) },
      { find: /^node:url$/, replacement: fileURLToPath(new URL('./editor/shims/url.ts', import.meta.url)) },
    ],
  },
  build: {
    outDir: fileURLToPath(new URL('./out/editor/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // bpmn-js is one large module graph; a single chunk of ~1 MB is expected.
    chunkSizeWarningLimit: 2048,
    // Source maps of the 1.7 MB main chunk and the worker cost about 0.6 GB of memory and a quarter
    // of the build time; `npx vite build --sourcemap` makes them when debugging needs them.
    sourcemap: false,
    // The gzip sizes are only printed at logLevel 'info', but computing them costs seconds and memory.
    reportCompressedSize: false,
    // Vite passes the worker build's warnings through this too.
    rollupOptions: { onwarn },
  },
});

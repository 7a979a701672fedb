// Builds the browser editor (editor/) into out/editor/, which `mashflow serve` serves. Everything
// the page needs is bundled (bpmn-js, its font, lit): it works offline.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./editor/', import.meta.url)),
  base: './',
  publicDir: false,
  logLevel: 'warn',
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
    sourcemap: true,
  },
});

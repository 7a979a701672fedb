// Builds the browser editor (editor/) into out/editor/, which `mashflow serve` serves. Everything
// the page needs is bundled (bpmn-js, its font, lit): it works offline.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./editor/', import.meta.url)),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('./out/editor/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // bpmn-js is one large module graph; a single chunk of ~1 MB is expected.
    chunkSizeWarningLimit: 2048,
    sourcemap: true,
  },
});

import { defineConfig } from 'vite';

// Built by Maven (exec-maven-plugin, phase generate-resources) into the app's classpath: /index.html and /assets/**.
// No inlined assets (fonts, images): the pages' Content-Security-Policy allows 'self' only (and data: for images).
export default defineConfig({
  base: '/',
  build: {
    outDir: process.env.WEB_OUT_DIR || '../../../target/classes/static',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
  },
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  server: { proxy: { '/api': 'http://localhost:8080', '/login': 'http://localhost:8080', '/signin': 'http://localhost:8080' } },
});

import { defineConfig } from 'vite';

// Preact through esbuild's automatic JSX runtime: no framework plugin needed.
export default defineConfig({
  root: 'web-client',
  base: '/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  // `npx vite --config web-client/vite.config.ts` (live reload) next to `npm start` on port 4000.
  server: { proxy: { '/graphql': 'http://localhost:4000', '/config.json': 'http://localhost:4000' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    assetsInlineLimit: 0,
  },
});

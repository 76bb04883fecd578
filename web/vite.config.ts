import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The Loom server serves web/dist at `/`; `vite` (dev) proxies the API to a local server.
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  worker: { format: 'es' },
  // The ELK layout worker is ~1.5 MB by nature (elkjs is compiled Java); it loads off the main thread.
  build: {
    outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4000,
    // The GraphQL IDE (GraphiQL + Monaco) is its own page, so the explorer never loads it.
    rollupOptions: {
      input: { main: `${root}index.html`, graphiql: `${root}graphiql.html` },
      // GraphiQL ships React-compiler directives ("use no memo") that bundling may drop: harmless.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/graphql': process.env.LOOM_DEV_API ?? 'http://127.0.0.1:4000' } },
});

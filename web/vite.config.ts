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
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1600 },
  server: { proxy: { '/graphql': process.env.LOOM_DEV_API ?? 'http://127.0.0.1:4000' } },
});

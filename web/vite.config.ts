import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webDir = path.dirname(fileURLToPath(import.meta.url));
const repoDir = path.resolve(webDir, '..');

// The web app lives in web/; the server serves web/dist. The web may import zod
// contracts from server/**/*.contract.ts, so the dev server must read the repo root.
export default defineConfig({
  root: webDir,
  plugins: [react()],
  build: {
    outDir: path.join(webDir, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    fs: { allow: [repoDir] },
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});

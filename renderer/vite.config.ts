import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));
const adminPort = process.env.REVIVE_ADMIN_PORT ?? '4317';

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../build/renderer', import.meta.url)),
    emptyOutDir: true,
    // Served from this computer, never over a slow link, so one bundle is fine.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // In development the renderer runs on Vite; the API and the live socket stay on the admin server.
    proxy: {
      '/api': { target: `http://127.0.0.1:${adminPort}`, ws: true },
    },
  },
});

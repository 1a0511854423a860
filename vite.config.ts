import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: `${root}client`,
  plugins: [react()],
  build: {
    outDir: `${root}dist/client`,
    emptyOutDir: true,
    reportCompressedSize: true,
  },
  server: { proxy: { '/trpc': 'http://localhost:3000' } },
  test: {
    root,
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 20_000,
    hookTimeout: 120_000,
    // Each file gets its own database; files that start chromium run one at a time to stay within 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
  },
});

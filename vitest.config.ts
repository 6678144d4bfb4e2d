import { defineConfig } from 'vitest/config';

// Three projects, run together by `npm test` and one by one with `npm run test:unit|content|e2e`:
// unit (in-process, fast), content (the documents and their examples), e2e (the built binary over
// stdio and HTTP; the only project that needs dist/, which its global setup builds once).
export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'content', include: ['test/content/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: ['test/build.setup.ts'] },
      },
    ],
  },
});

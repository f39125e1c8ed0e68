import { existsSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// One vitest project per workspace package. Tests import sibling packages by name; the alias points those
// imports at the sibling's source, so a test run never depends on a stale `dist`.
const root = fileURLToPath(new URL('.', import.meta.url))
const packageNames = readdirSync(`${root}packages`).filter((name) => existsSync(`${root}packages/${name}/src/index.ts`))
const alias = [
  ...packageNames.map((name) => ({
    find: new RegExp(`^@b2bkit/${name}$`),
    replacement: `${root}packages/${name}/src/index.ts`,
  })),
  { find: /^@b2bkit\/test-utils$/, replacement: `${root}tooling/test-utils/src/index.ts` },
]

const project = (directory: string, name: string) => ({
  extends: true as const,
  test: {
    name,
    root: `${root}${directory}`,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Type tests (`*.test-d.ts`) are part of each package's tsconfig, so `pnpm typecheck` (tsc) fails on a broken
    // one. Running them through vitest as well repeats that tsc pass per project; `pnpm test:types` does it.
    typecheck: {
      enabled: process.env['VITEST_TYPECHECK'] === '1',
      include: ['src/**/*.test-d.ts'],
      tsconfig: `${root}${directory}/tsconfig.json`,
    },
  },
})

export default defineConfig({
  resolve: { alias },
  test: {
    reporters: ['default', ['json', { outputFile: `${root}.reports/vitest.json` }]],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      ...packageNames.map((name) => project(`packages/${name}`, `@b2bkit/${name}`)),
      ...(existsSync(`${root}apps`) ? readdirSync(`${root}apps`) : [])
        .filter((name) => existsSync(`${root}apps/${name}/package.json`))
        .map((name) => project(`apps/${name}`, `@b2bkit/${name}`)),
    ],
  },
})

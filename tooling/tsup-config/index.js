/**
 * The tsup options every b2bkit package builds with: one ESM entry per listed file, type declarations,
 * source maps, and every dependency left external (tsup's default for `dependencies` and `peerDependencies`),
 * so nothing is bundled into `dist`.
 *
 * @param {import('tsup').Options} [overrides]
 * @returns {import('tsup').Options}
 */
export function libraryConfig(overrides = {}) {
  return {
    entry: ['src/index.ts'],
    format: ['esm'],
    target: 'es2023',
    platform: 'neutral',
    dts: true,
    sourcemap: true,
    clean: true,
    treeshake: true,
    splitting: false,
    ...overrides,
  }
}

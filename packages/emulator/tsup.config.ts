import { libraryConfig } from '@b2bkit/tsup-config'
import { defineConfig } from 'tsup'

// Node-only package: the server uses node:http, node:crypto and node:net. `src/cli.ts` keeps its
// `#!/usr/bin/env node` line in dist/cli.js, which package.json names as the `b2bkit-emulator` bin.
export default defineConfig(libraryConfig({ entry: ['src/index.ts', 'src/cli.ts'], platform: 'node', splitting: true }))

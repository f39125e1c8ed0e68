// The static half of portability: nothing a library package's entry point reaches — its sources, its sibling
// b2bkit packages, its third-party dependencies — imports a Node built-in, and b2bkit's own code touches no Node
// global (process, Buffer, __dirname, require). The run-time half is portability.test.ts, under edge-runtime.
import { existsSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { reachableModules, withoutComments } from './support/import-graph.js'

const packagesFolder = fileURLToPath(new URL('../../../packages/', import.meta.url))
/** The library packages: every package but the emulator and the Redis stores, which are Node-only by design. */
const libraryPackages = [
  'http',
  'auth',
  'rate-limit',
  'problem',
  'etag',
  'process',
  'provider-kit',
  'bol',
  'b2brouter',
  'convictional',
  'siesmart',
].filter((name) => existsSync(`${packagesFolder}${name}/src/index.ts`))

const workspaceSource = (specifier: string) => {
  const name = /^@b2bkit\/([\w-]+)$/.exec(specifier)?.[1]
  const entry = `${packagesFolder}${name}/src/index.ts`
  return name !== undefined && existsSync(entry) ? entry : undefined
}
const isBuiltin = (specifier: string) =>
  specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0] ?? '')
// Node's globals as code uses them (a local variable named `process` with its own members is not one).
const nodeGlobal =
  /(?<![\w.$'"`/-])(process\.(env|argv|nextTick|exit|cwd|platform|version|versions|hrtime|stdout|stderr|on|once|emitWarning|memoryUsage)\b|Buffer\.(from|alloc|allocUnsafe|concat|isBuffer|byteLength)\b|__dirname|__filename|require\s*\()/

describe('portability: what the library packages import', () => {
  it.each(libraryPackages)('@b2bkit/%s reaches no Node built-in, through its own code or its dependencies', (name) => {
    const modules = reachableModules(`${packagesFolder}${name}/src/index.ts`, workspaceSource)
    expect(modules.length).toBeGreaterThan(1)
    const offending = modules.flatMap((module) =>
      module.bareImports.filter(isBuiltin).map((specifier) => `${module.file} imports ${specifier}`),
    )
    expect(offending).toEqual([])
  })

  it.each(libraryPackages)('@b2bkit/%s uses no Node global in the code its entry point reaches', (name) => {
    const ours = reachableModules(`${packagesFolder}${name}/src/index.ts`, workspaceSource).filter(
      (module) => module.ours,
    )
    const offending = ours.flatMap((module) =>
      withoutComments(readFileSync(module.file, 'utf8'))
        .split('\n')
        .filter((line) => nodeGlobal.test(line))
        .map((line) => `${module.file}: ${line.trim()}`),
    )
    expect(offending).toEqual([])
  })

  it('finds the Node built-ins where they are: the emulator, which is Node-only by design', () => {
    const modules = reachableModules(`${packagesFolder}emulator/src/index.ts`, workspaceSource)
    expect(modules.flatMap((module) => module.bareImports).filter(isBuiltin)).toContain('node:http')
  })
})

// Walks the modules a package's entry point reaches — its own sources, sibling b2bkit packages' sources and the
// third-party packages they import — and lists what each imports. Node only (tests): it reads files.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

export interface ReachedModule {
  file: string
  /** Bare specifiers this module imports at run time (type-only imports are erased and not listed). */
  bareImports: string[]
  /** Whether the file is one of ours (b2bkit source) rather than a dependency's. */
  ours: boolean
}

// Static `import … from`, `export … from`, side-effect `import '…'` and dynamic `import('…')`, not `import type`.
const importPattern =
  /(?:^|[;\s])(?:import|export)\s+(?!type\s)(?:[\w*{}\s,$]+\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm

/** Source without comments, so a TSDoc example (`process.env.KEY`) is not mistaken for code. */
export function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1')
}

function packageEntry(packageDir: string, subpath: string): string | undefined {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    exports?: unknown
    module?: string
    main?: string
  }
  const pick = (target: unknown): string | undefined => {
    if (typeof target === 'string') return target
    if (typeof target !== 'object' || target === null) return undefined
    // The conditions an edge or browser bundler would use, in its order.
    for (const condition of ['worker', 'browser', 'import', 'default']) {
      const chosen = pick((target as Record<string, unknown>)[condition])
      if (chosen !== undefined) return chosen
    }
    return undefined
  }
  const exportsField = manifest.exports
  const target =
    typeof exportsField === 'object' && exportsField !== null && ('.' in exportsField || subpath !== '.')
      ? pick((exportsField as Record<string, unknown>)[subpath])
      : subpath === '.'
        ? (pick(exportsField) ?? manifest.module ?? manifest.main ?? 'index.js')
        : undefined
  return target === undefined ? undefined : resolve(packageDir, target)
}

function findPackageDir(name: string, fromFile: string): string | undefined {
  for (let folder = dirname(fromFile); ; folder = dirname(folder)) {
    const candidate = join(folder, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return candidate
    if (dirname(folder) === folder) return undefined
  }
}

/**
 * Every module reachable from `entry`. `workspaceSource(name)` maps `@b2bkit/x` to its `src/index.ts`, so sibling
 * packages are followed through their sources (as the tests alias them).
 */
export function reachableModules(
  entry: string,
  workspaceSource: (name: string) => string | undefined,
): ReachedModule[] {
  const seen = new Map<string, ReachedModule>()
  const queue = [entry]
  while (queue.length > 0) {
    const file = queue.pop() as string
    if (seen.has(file)) continue
    const ours = !file.includes('node_modules')
    const source = readFileSync(file, 'utf8')
    const bareImports: string[] = []
    for (const match of withoutComments(source).matchAll(importPattern)) {
      const specifier = (match[1] ?? match[2]) as string
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier)
        const candidates = [target, target.replace(/\.js$/, '.ts'), `${target}.js`, join(target, 'index.js')]
        const found = candidates.find((candidate) => existsSync(candidate) && !candidate.endsWith('/'))
        if (found !== undefined) queue.push(found)
        continue
      }
      bareImports.push(specifier)
      const workspace = workspaceSource(specifier)
      if (workspace !== undefined) {
        queue.push(workspace)
        continue
      }
      const [scopeOrName, maybeName] = specifier.split('/')
      const name = specifier.startsWith('@') ? `${scopeOrName}/${maybeName}` : (scopeOrName as string)
      const subpath = specifier === name ? '.' : `.${specifier.slice(name.length)}`
      const packageDir = findPackageDir(name, file)
      const resolved = packageDir === undefined ? undefined : packageEntry(packageDir, subpath)
      if (resolved !== undefined && existsSync(resolved)) queue.push(resolved)
    }
    seen.set(file, { file, bareImports, ours })
  }
  return [...seen.values()]
}

// Size: each package's own `dist` minified and gzipped, and the bundle of a script that imports createBolClient
// (esbuild, tree-shaken, with every dependency; the target is ≤ 30 KB gzipped).
//
//   node apps/bench/src/figures/size.ts        (after building the packages)
//
// "Own dist": esbuild bundles the package's dist/index.js with every bare import left external (its b2bkit
// siblings, ky, jose, p-queue), so only the package's own code counts; minified, then gzip level 9. The bol
// bundle is built for the browser platform, as an edge or web bundler would: any Node built-in would fail it.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { type FigureRow, report } from '../internal/report.ts'

const root = fileURLToPath(new URL('../../../../', import.meta.url))
const benchFolder = fileURLToPath(new URL('../../', import.meta.url))
const bolTargetKilobytes = 30
const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

interface Measured {
  rawBytes: number
  minifiedBytes: number
  gzippedBytes: number
  /** Minified bytes in the output per package the code came from. */
  minifiedBytesByPackage: Record<string, number>
}

/** `ky`, `@b2bkit/http`, … for an esbuild input path. */
function packageOf(input: string): string {
  const fromNodeModules = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1]
  if (fromNodeModules !== undefined) return fromNodeModules
  const workspace = /packages\/([^/]+)\//.exec(input)?.[1]
  return workspace === undefined ? input : `@b2bkit/${workspace}`
}

async function bundle(options: Parameters<typeof build>[0]): Promise<Measured> {
  const result = await build({
    ...options,
    bundle: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const code = result.outputFiles?.[0]?.contents ?? new Uint8Array()
  const inputs = Object.entries(result.metafile?.inputs ?? {})
  const minifiedBytesByPackage: Record<string, number> = {}
  for (const output of Object.values(result.metafile?.outputs ?? {})) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(input)
      minifiedBytesByPackage[name] = (minifiedBytesByPackage[name] ?? 0) + bytesInOutput
    }
  }
  return {
    rawBytes: inputs.reduce((sum, [, input]) => sum + input.bytes, 0),
    minifiedBytes: code.byteLength,
    gzippedBytes: gzipSync(code, { level: 9 }).byteLength,
    minifiedBytesByPackage,
  }
}

async function packageRows(): Promise<FigureRow[]> {
  const rows: FigureRow[] = []
  for (const folder of readdirSync(`${root}packages`).sort()) {
    const entry = `${root}packages/${folder}/dist/index.js`
    const { name } = JSON.parse(readFileSync(`${root}packages/${folder}/package.json`, 'utf8')) as { name: string }
    if (!existsSync(entry)) {
      rows.push({ section: 'size', figure: `${name} dist`, value: 'not built', verdict: 'pending' })
      continue
    }
    const measured = await bundle({ entryPoints: [entry], packages: 'external', platform: 'neutral' })
    rows.push({
      section: 'size',
      figure: `${name} dist, minified + gzipped`,
      value: kilobytes(measured.gzippedBytes),
      verdict: 'info',
      note: `dist ${kilobytes(measured.rawBytes)}, minified ${kilobytes(measured.minifiedBytes)}`,
      data: { package: name, ...measured },
    })
  }
  return rows
}

async function bolBundleRow(): Promise<FigureRow> {
  const figure = 'bundle of `import { createBolClient } from "@b2bkit/bol"`, with dependencies'
  const target = `≤ ${bolTargetKilobytes} KB gzipped`
  const source = readFileSync(`${root}packages/bol/src/index.ts`, 'utf8')
  if (!/\bcreateBolClient\b/.test(source) || !existsSync(`${root}packages/bol/dist/index.js`)) {
    return { section: 'size', figure, value: 'not yet measurable', target, verdict: 'pending' }
  }
  const measured = await bundle({
    stdin: {
      contents: "import { createBolClient } from '@b2bkit/bol'\nexport const bol = createBolClient",
      resolveDir: benchFolder,
      loader: 'js',
    },
    platform: 'browser',
  })
  const shares = Object.entries(measured.minifiedBytesByPackage)
    .filter(([, bytes]) => bytes > 0)
    .sort(([, left], [, right]) => right - left)
    .map(([name, bytes]) => `${name} ${kilobytes(bytes)}`)
  return {
    section: 'size',
    figure,
    value: kilobytes(measured.gzippedBytes),
    target,
    verdict: measured.gzippedBytes <= bolTargetKilobytes * 1024 ? 'met' : 'missed',
    note: `minified ${kilobytes(measured.minifiedBytes)}: ${shares.join(', ')}`,
    data: { ...measured },
  }
}

report([await bolBundleRow(), ...(await packageRows())])

import { createClient } from '@b2bkit/http'
import ky from 'ky'
import { forkOverheadServer } from './internal/fork-server.ts'
import { runBatch } from './internal/rounds.ts'

const server = await forkOverheadServer()
const baseUrl = server.baseUrl
const kinds: Record<string, () => { get: (id: number) => Promise<unknown> }> = {
  ky: () => {
    const a = ky.create({ baseUrl })
    return { get: (id) => a.get(`items/${id}`).json() }
  },
  base: () => {
    const a = createClient({ baseUrl })
    return { get: (id) => a.get(`items/${id}`).json() }
  },
  unbounded: () => {
    const a = createClient({ baseUrl, maxResponseBytes: false, timeout: false })
    return { get: (id) => a.get(`items/${id}`).json() }
  },
  depUnbounded: () => {
    const a = createClient({ baseUrl, onDeprecation: () => {}, maxResponseBytes: false, timeout: false })
    return { get: (id) => a.get(`items/${id}`).json() }
  },
  kyHook: () => {
    const a = ky.create({ baseUrl, hooks: { afterResponse: [() => {}] } })
    return { get: (id) => a.get(`items/${id}`).json() }
  },
  dep: () => {
    const a = createClient({ baseUrl, onDeprecation: () => {} })
    return { get: (id) => a.get(`items/${id}`).json() }
  },
}
const r = kinds[process.argv[2]!]!()
const runner = { name: 'x', ...r }
await runBatch(runner, 'sequential', 3000, 0)
const s = await runBatch(runner, 'sequential', 3000, 3000)
console.log(process.argv[2], s.wallMicroseconds.toFixed(0), s.cpuMicroseconds.toFixed(0))
server.stop()

import { describe, expect, it } from 'vitest'
import type { JobProgress } from '../job-progress.ts'
import type { JobSummary } from '../job-summary.ts'
import { createLineView, renderLine } from './progress-lines.ts'
import { createPanelView, renderPanel } from './progress-panel.ts'
import { renderSummary } from './summary-table.ts'

const stats = (requests: number, throttled = 0) => ({
  requests,
  tooManyRequests: 1,
  retries: 2,
  tokenRequests: 1,
  throttled,
  failuresWithoutResponse: 0,
})

const progress = (elapsedMs: number, shipped = 12, phase: JobProgress['phase'] = 'processing'): JobProgress => ({
  phase,
  target: 'emulators',
  description: 'built-in emulators on 127.0.0.1 (40 open bol.com orders)',
  elapsedMs,
  orders: { open: 40, pages: 3, resumed: 2, failed: 0 },
  stages: {
    shipped: { done: shipped, total: 42 },
    invoiced: { done: 10, total: 42 },
    ordered: { done: 8, total: 42 },
    financed: { done: 1, total: 13 },
  },
  providers: { bol: stats(120, 4), b2brouter: stats(60), convictional: stats(30, 6), siesmart: stats(20) },
})

/** A stand-in for stdout that keeps what was written. */
const stream = (isTTY: boolean, columns = 80) => {
  const written: string[] = []
  return { written, isTTY, columns, write: (text: string) => written.push(text) }
}

describe('the progress views', () => {
  it('draws a bar per stage and a row per provider, no line wider than the terminal', () => {
    const lines = renderPanel(progress(4200), 64)
    const text = lines.join('\n')
    expect(text).toContain('processing · 4.2 s · 40 open (3 pages) · 2 earlier · 0 failed')
    expect(text).toMatch(/orders shipped +█+░+ +12\/42/)
    expect(text).toMatch(/Convictional +30 +6 +1 +2 +–/)
    expect(text).toMatch(/SieSmart +20 +0 +1 +2 +1/)
    expect(lines.slice(1).every((line) => !line.endsWith('…'))).toBe(true)
    expect(renderPanel(progress(4200), 40).every((line) => [...line].length <= 40)).toBe(true)
  })

  it('redraws the panel in place on a terminal and clears it when done', () => {
    const terminal = stream(true)
    const view = createPanelView(terminal, 0)
    view.update(progress(100, 1))
    view.update(progress(200, 2))
    view.close()
    const [first, second, last] = terminal.written
    expect(first?.startsWith('\u001b[?25l\u001b[J')).toBe(true)
    expect(second?.startsWith(`\u001b[${renderPanel(progress(100)).length}A\r\u001b[J`)).toBe(true)
    expect(second).toContain(' 2/42')
    expect(last?.endsWith('\u001b[J\u001b[?25h')).toBe(true)
  })

  it('prints plain lines without escapes when not on a terminal: at phase changes and every few seconds', () => {
    const pipe = stream(false)
    const view = createLineView(pipe, 2000)
    view.update(progress(0, 0, 'connecting'))
    view.update(progress(500, 0))
    view.update(progress(900, 1))
    view.update(progress(2600, 2))
    view.update(progress(2700, 3, 'finished'))
    expect(pipe.written).toHaveLength(4)
    expect(pipe.written.join('')).not.toContain('\u001b')
    expect(renderLine(progress(2600))).toBe(
      '[  2.6 s] processing: 40 open + 2 earlier · orders shipped 12/42 · invoices sent 10/42 · purchase orders 8/42 · ' +
        'proposals 1/13 · requests 230 (bol.com 120, B2Brouter 60, Convictional 30, SieSmart 20) · waiting 10 · ' +
        '429s 4 · retries 8 · token requests 4',
    )
  })
})

describe('the summary table', () => {
  it('shows what was done, per provider requests, 429s, retries and token requests, and the wall time', () => {
    const summary: JobSummary = {
      outcome: 'completed-with-failures',
      target: 'emulators',
      description: 'built-in emulators',
      stateFile: '.sample-state/state.json',
      startedAt: '2026-01-01T00:00:00.000Z',
      wallTimeMs: 9_750,
      orders: { open: 40, pages: 3, resumed: 0, completed: 39, failed: 1, unfinished: 0 },
      thisRun: {
        shipped: 40,
        invoiceCreated: 40,
        invoiceSent: 40,
        purchaseOrderPlaced: 39,
        proposalOpened: 13,
        proposalUpdated: 13,
      },
      allRuns: {
        shipped: { done: 40, total: 40 },
        invoiced: { done: 40, total: 40 },
        ordered: { done: 39, total: 40 },
        financed: { done: 13, total: 13 },
      },
      providers: { bol: stats(133), b2brouter: stats(93), convictional: stats(46), siesmart: stats(45) },
      failures: [{ orderId: '123', step: 'purchase order', message: 'purchase order: no variant with EAN 1' }],
    }
    const text = renderSummary(summary)
    expect(text).toContain('b2bkit sample · completed, some orders failed in 9.8 s · built-in emulators')
    expect(text).toMatch(/purchase orders placed +39 +39\/40/)
    expect(text).toMatch(/proposals opened +13\n/)
    expect(text).toMatch(/bol\.com +133 +1 +2 +1 +0/)
    expect(text).toContain('order 123: purchase order: no variant with EAN 1')
    expect(text).toContain('wall time 9.8 s · state file .sample-state/state.json')
  })
})

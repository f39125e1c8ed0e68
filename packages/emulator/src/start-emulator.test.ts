import { describe, expect, it } from 'vitest'
import { providerNames, startEmulator } from './start-emulator.js'

describe('startEmulator', () => {
  it('starts each provider on 127.0.0.1 with a free port and stops it again', async () => {
    for (const provider of providerNames) {
      const emulator = await startEmulator(provider)
      expect(emulator.provider).toBe(provider)
      expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/)
      await emulator.stop()
      await expect(fetch(emulator.url)).rejects.toThrow()
    }
  })

  it('refuses an unknown provider, naming the known ones', async () => {
    await expect(startEmulator('amazon' as never)).rejects.toThrow('use one of bol, b2brouter, convictional, siesmart')
  })
})

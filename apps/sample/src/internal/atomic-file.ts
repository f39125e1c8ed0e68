// Writes a file so that a reader (or a crash) never sees half of it: write a temporary file beside it, flush it to
// disk, then rename it over the old one (rename is atomic on one file system).
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'

/** Replaces `path` with `text` atomically. */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temporary = `${path}.${process.pid}.tmp`
  const handle = await open(temporary, 'w', 0o600)
  try {
    await handle.writeFile(text, 'utf8')
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}

/** The file's text, or `undefined` when it does not exist. */
export async function readFileIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/**
 * Serialises writes of one file: `save()` resolves once a write that started after the call has finished, and calls
 * made while a write runs share the next one, so a burst of changes costs two writes, not one per change.
 */
export function createCoalescingWriter(path: string, render: () => string): { save(): Promise<void> } {
  let chain: Promise<void> = Promise.resolve()
  let queued: Promise<void> | undefined
  return {
    save() {
      if (queued !== undefined) return queued
      queued = chain.then(() => {
        // From here on, a new save() needs a write of its own: this one may have rendered before its change.
        queued = undefined
        return writeFileAtomically(path, render())
      })
      chain = queued.catch(() => undefined)
      return queued
    },
  }
}

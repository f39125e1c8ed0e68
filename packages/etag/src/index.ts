export {
  isPreconditionFailedError,
  MissingEtagError,
  type PreconditionDetails,
  PreconditionFailedError,
  type ResourceVersion,
} from './errors.js'
export { type EtagOptions, etag } from './etag.js'
export {
  type EtagEntry,
  type EtagStore,
  type MemoryEtagStore,
  type MemoryEtagStoreOptions,
  memoryEtagStore,
} from './etag-store.js'
export { type UpdateOptions, type UpdateResult, update } from './update.js'

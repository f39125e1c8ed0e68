export { type BatchPoller, type BatchPollerOptions, createBatchPoller } from './batch-poller.js'
export type { BatchPollerState, TrackedProcess } from './batch-state.js'
export {
  PollBudgetExhaustedError,
  PollerClosedError,
  ProcessDeadlineError,
  type ProcessErrorContext,
  ProcessExpiredError,
  ProcessFailedError,
  ProcessNotFoundError,
  ProcessStateError,
} from './errors.js'
export { createPollBudget, type PollBudget, type PollBudgetOptions } from './poll-budget.js'
export {
  defaultStatusMapping,
  type ProcessState,
  type ProcessStatus,
  type StatusMapping,
} from './process-status.js'
export { type Clock, realSleep, type Sleep, systemClock } from './timing.js'
export { type PollUpdate, type WaitForProcessOptions, waitForProcess } from './wait-for-process.js'
// Kept out on purpose: completeMapping (internal wiring; pass a partial mapping instead).

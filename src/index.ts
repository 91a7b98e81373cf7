/**
 * labx-core: the event-sourced domain core of a public-sector innovation lab. This entry holds what
 * a host application needs — handle commands, store and read events, check and publish figures;
 * everything else is in the subpath entries: `labx-core/kernel` (event sourcing without the
 * domain), `labx-core/lab` (the rules, slice by slice), `labx-core/projections` (every figure and
 * read model), `labx-core/publish` (reports, open data, disclosure control) and
 * `labx-core/testing` (scenarios, generators, conformance suites).
 * @packageDocumentation
 */

// Results and errors
export { err, ok, type Result } from "./kernel/index.js";
export type { DomainError, IntegrityFailure, RuleViolation, ValidationError } from "./kernel/index.js";
// Handling commands
export { execute, handle, type HandleOptions, type Handled, lruStateCache, parseCommand, type StateCache } from "./kernel/index.js";
export { type Context, Instant } from "./kernel/index.js";
// Storing and reading events
export { type AnyEvent, type Envelope, InMemoryEventStore } from "./kernel/index.js";
export { type AppendError, type AppendOptions, type AppendResult, type CommandRecord, type EventStore, planAppend, type Recorded } from "./kernel/index.js";
export { concurrencyConflict, idempotencyConflict, storeUnavailable } from "./kernel/index.js";
export { type Codec, createCodec, decodeJsonl, decodeJsonlChunks, encodeJsonl } from "./kernel/index.js";
// Integrity
export {
  type Checkpoint,
  checkpoint,
  CheckpointSchema,
  headsOf,
  isSha256,
  seal,
  type Sha256,
  type StoredRecord,
  startVerification,
  verify,
} from "./kernel/index.js";
// Read models
export { applyTo, fold, live, mergeProjected, project, type Projected, type Projection } from "./kernel/index.js";

// The lab
export { type LabDecider, labDecider, labEvents, LabCommand, type LabEvent, type ProjectState } from "./lab/index.js";
export { type LabContext, type LabRegister, labRegister, liveRegister, registerProjection } from "./lab/index.js";
export { canonicalRef, labHashView, redact, rekeyParticipants } from "./lab/index.js";
export { type LabRuleCode, labRuleCodes, nextSteps, permissions } from "./lab/index.js";

// The figures
export {
  type AsOf,
  computeFigures,
  explain,
  figuresOf,
  historyOf,
  type LabFigures,
  labProjections,
  projectStateAsOf,
  startFigures,
} from "./projections/index.js";

// Publishing
export { en, exportOpenData, type Labels, PERTURBATION, publishTables, renderHtmlReport, renderReport } from "./publish/index.js";

// The lab layer: the rules of an innovation project, sliced by concept. Each slice owns its events,
// commands, state, rules, named facts and the tables it publishes; the catalogues and the project
// decider are assembled from them.
export * from "./adoption/index.js";
export * from "./catalogue/index.js";
export * from "./evidence/index.js";
export * from "./lab-decider.js";
export * from "./lifecycle/index.js";
export * from "./money/index.js";
export * from "./organisations/index.js";
export * from "./pilots/index.js";
export * from "./privacy/index.js";
export * from "./procurement/index.js";
export * from "./project/index.js";
export * from "./register.js";
export * from "./sessions/index.js";
// What every slice builds on, as far as users need it: the values and vocabulary the schemas are
// made of, and the types of a rule (the helpers that build commands and refusals stay inside).
export {
  ActorRole,
  Count,
  type Decided,
  EntityId,
  EvidenceRefs,
  type Evolver,
  type Evolvers,
  FiniteNumber,
  type Handler,
  type Handlers,
  labRule,
  Money,
  PersonId,
  ProjectId,
  regionOf,
  Sector,
  type Stamp,
  TerritoryCode,
  Text,
  type ColumnFormat,
  type ColumnSpec,
  type ColumnType,
  count,
  type PublishedTable,
  publishedTable,
  type TableWords,
  text,
} from "./shared/index.js";

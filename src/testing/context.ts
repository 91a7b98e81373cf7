import type { Actor } from "../kernel/index.js";
import { type EntityFacts, type LabContext, type LabRegister, registerOf, type ReplicationFacts } from "../lab/index.js";

/**
 * A generator of predictable ids: `evt-1`, `evt-2`, …
 *
 * @example
 * const next = sequentialIds("evt"); next(); // "evt-1"
 */
export const sequentialIds = (prefix = "id"): (() => string) => {
  let n = 0;
  return () => `${prefix}-${++n}`;
};

/** What `fixedContext` accepts: any context field, and `at` as an ISO timestamp for the clock. */
export interface FixedContextOptions extends Partial<Omit<LabContext, "now">> {
  /** The fixed time `now()` returns (default `2020-01-01T00:00:00.000Z`). */
  readonly at?: string;
}

/** The actor a test acts as unless it says otherwise. */
export const testActor: Actor = { id: "tester", role: "lab_team" };

/** When the test register's organisations and projects were registered: before anything a test records. */
export const testRegisteredAt = "2000-01-01T00:00:00.000Z";

/** The organisations the kit's command builders name, as a test register holds them. */
export const testEntities: Readonly<Record<string, EntityFacts>> = {
  "ent-owner": {
    kind: "public",
    level: "national",
    sector: "digital_services",
    territory: "PT170",
    registered: { at: testRegisteredAt, eventId: "test-register" },
  },
  "ent-sponsor": { kind: "public", level: "national", sector: "finance", territory: "PT170", registered: { at: testRegisteredAt, eventId: "test-register" } },
  "ent-a": { kind: "public", level: "regional", sector: "health", territory: "PT11", registered: { at: testRegisteredAt, eventId: "test-register" } },
  "ent-b": { kind: "academia", level: null, sector: "education", territory: "PT16B", registered: { at: testRegisteredAt, eventId: "test-register" } },
  "ent-shy": {
    kind: "public",
    level: "local",
    sector: "local_government",
    territory: "PT11A:1312",
    registered: { at: testRegisteredAt, eventId: "test-register" },
  },
  "ent-adopter": {
    kind: "public",
    level: "local",
    sector: "local_government",
    territory: "PT150:0808",
    registered: { at: testRegisteredAt, eventId: "test-register" },
  },
  "ent-supplier": {
    kind: "business",
    level: null,
    sector: "digital_services",
    territory: "PT170:1106",
    registered: { at: testRegisteredAt, eventId: "test-register" },
  },
  "ent-civic": { kind: "civil_society", level: null, sector: "other", territory: null, registered: { at: testRegisteredAt, eventId: "test-register" } },
  "ent-region": { kind: "public", level: "regional", sector: "employment", territory: "PT18", registered: { at: testRegisteredAt, eventId: "test-register" } },
  "ent-town": {
    kind: "public",
    level: "local",
    sector: "local_government",
    territory: "PT16D:0106",
    registered: { at: testRegisteredAt, eventId: "test-register" },
  },
};

/**
 * A register for tests: the organisations of `testEntities` (or those given), no erasures (or the
 * references given as forgotten), the project ids given as submitted and accepted challenges, and
 * the replications given (none unless said).
 *
 * @example
 * fixedContext({ register: testRegister({ forgotten: [testRef(3)] }) });
 */
export const testRegister = (
  options: {
    readonly entities?: Readonly<Record<string, EntityFacts>>;
    readonly forgotten?: readonly string[];
    readonly projects?: readonly string[];
    /** The replications of a project (by its id), with their evaluations: what evidence levels 4 and 5 rest on. */
    readonly replications?: Readonly<Record<string, readonly ReplicationFacts[]>>;
  } = {},
): LabRegister => {
  const register = registerOf({
    entities: new Map(Object.entries(options.entities ?? testEntities)),
    forgotten: new Set(),
    challenges: new Map(
      (options.projects ?? []).map((id) => {
        const stamp = { at: testRegisteredAt, eventId: "test-register" };
        return [id, { submitted: stamp, accepted: stamp }];
      }),
    ),
    origins: new Map(),
    replicationEvaluations: new Map(),
  });
  const forgotten = new Set(options.forgotten ?? []);
  return { ...register, isForgotten: (r) => forgotten.has(r), replications: (id) => options.replications?.[id] ?? [] };
};

/**
 * A deterministic context for tests: a frozen clock, sequential ids, a fixed actor, and the test
 * register (`testRegister()`) unless another is given.
 *
 * @example
 * const ctx = fixedContext({ at: "2019-05-01T09:00:00Z", actor: { id: "dm-1", role: "decision_maker" } });
 */
export const fixedContext = (options: FixedContextOptions = {}): LabContext => {
  const { at = "2020-01-01T00:00:00.000Z", newId = sequentialIds("evt"), actor = testActor, register = testRegister(), ...rest } = options;
  const time = new Date(at);
  if (Number.isNaN(time.getTime())) throw new TypeError(`fixedContext: "${at}" is not a date`);
  return { ...rest, now: () => new Date(time.getTime()), newId, actor, register };
};

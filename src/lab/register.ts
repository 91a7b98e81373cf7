import * as z from "zod";
import type { Draft } from "immer";
import { type Context, ContextSchema, type Envelope, guardContext, type Immutable, type Projection } from "../kernel/index.js";
import type { LabEvent } from "./catalogue/index.js";
import type { Sector, Stamp } from "./shared/index.js";
import { labStreamName, redactedRef } from "./privacy/index.js";
import type { EntityKind, EntityLevel } from "./organisations/index.js";
import type { ReplicationEvaluation, ReplicationFacts } from "./evidence/index.js";

/** What the organisation register says of an organisation. */
export interface EntityFacts {
  readonly kind: EntityKind;
  readonly level: EntityLevel | null;
  readonly sector: Sector;
  /** Where it sits (a NUTS[:LAU] code), if registered with one. */
  readonly territory: string | null;
  /** When it entered the register, and the event: nothing may name it before (see the causality rule). */
  readonly registered: Stamp;
}

/** What the register says of a project another names (a replication names its origin). */
export interface ChallengeFacts {
  readonly submitted: Stamp;
  /** When its challenge was accepted, or null while it is not. */
  readonly accepted: Stamp | null;
}

/**
 * What a project's decisions need to know from outside the project's own stream: the organisation
 * register, and which participants have been forgotten. A read model the host keeps (for instance
 * `live(registerProjection)` over its log) and passes in the context, as it passes the clock.
 */
export interface LabRegister {
  /** The register's facts about an organisation, or undefined if it is not registered. */
  entity(entityId: string): EntityFacts | undefined;
  /** Whether this participant reference has been forgotten. */
  isForgotten(participantRef: string): boolean;
  /** The challenge submitted under this project id, if any (a replication names its origin). */
  challenge(projectId: string): ChallengeFacts | undefined;
  /** The projects that replicate this one (naming it as `replicationOf`), with their evaluations: what evidence levels 4 and 5 rest on. */
  replications(projectId: string): readonly ReplicationFacts[];
}

/** The register's state: organisations by id, and erased participants by their redacted form only. */
export type RegisterState = Immutable<{
  entities: Map<string, EntityFacts>;
  /** Redacted forms (`sha256:…`) of forgotten references: the register never holds a raw one. */
  forgotten: Set<string>;
  /** Submitted challenges, by project id. */
  challenges: Map<string, ChallengeFacts>;
  /** Each replication's origin, by the replication's project id. */
  origins: Map<string, string>;
  /** Each replication's evaluations, in order, by its project id (kept for replications only). */
  replicationEvaluations: Map<string, ReplicationEvaluation[]>;
}>;

/** The register of two stream-disjoint parts of a log, together. */
export const mergeRegisters = (a: RegisterState, b: RegisterState): RegisterState => ({
  entities: new Map([...a.entities, ...b.entities]),
  forgotten: new Set([...a.forgotten, ...b.forgotten]),
  challenges: new Map([...a.challenges, ...b.challenges]),
  origins: new Map([...a.origins, ...b.origins]),
  replicationEvaluations: new Map([...a.replicationEvaluations, ...b.replicationEvaluations]),
});

const emptyRegister = (): Draft<RegisterState> => ({
  entities: new Map(),
  forgotten: new Set(),
  challenges: new Map(),
  origins: new Map(),
  replicationEvaluations: new Map(),
});

/**
 * The register as a projection of the log: `EntityRegistered` and `ParticipantForgotten` events, challenges
 * submitted and accepted, and the evaluations of replications.
 *
 * @example
 * const view = live(registerProjection);
 * view.applyAll(events);
 * const withRegister: LabContext = { ...ctx, register: registerOf(view.snapshot().state) };
 */
export const registerProjection: Projection<RegisterState, LabEvent> = {
  initialState: emptyRegister(),
  streamName: labStreamName,
  evolve: (s, e: Envelope<LabEvent>) => {
    switch (e.type) {
      case "EntityRegistered":
        s.entities.set(e.data.entityId, {
          kind: e.data.kind,
          level: e.data.level ?? null,
          sector: e.data.sector,
          territory: e.data.territory ?? null,
          registered: { at: e.occurredAt, eventId: e.id },
        });
        return;
      case "ParticipantForgotten":
        s.forgotten.add(redactedRef(e.data.participantRef));
        return;
      case "ChallengeSubmitted":
        s.challenges.set(e.data.projectId, { submitted: { at: e.occurredAt, eventId: e.id }, accepted: null });
        if (e.data.replicationOf !== undefined) s.origins.set(e.data.projectId, e.data.replicationOf);
        return;
      case "EvaluationPublished": {
        if (!s.origins.has(e.data.projectId)) return;
        const list = s.replicationEvaluations.get(e.data.projectId) ?? [];
        // Applying the same event twice changes nothing.
        if (!list.some((x) => x.eventId === e.id)) list.push({ at: e.occurredAt, eventId: e.id, outcome: e.data.outcome, method: e.data.method ?? null });
        s.replicationEvaluations.set(e.data.projectId, list);
        return;
      }
      case "ChallengeAccepted": {
        const c = s.challenges.get(e.data.projectId);
        if (c) c.accepted = { at: e.occurredAt, eventId: e.id };
        return;
      }
      default:
        return;
    }
  },
  merge: (a, b) => mergeRegisters(a, b),
};

/**
 * A `LabRegister` reading a register state.
 *
 * @example
 * registerOf(must(project(registerProjection, events)).state).entity("ama")?.kind // "public", if registered
 */
export const registerOf = (state: RegisterState): LabRegister => ({
  entity: (entityId) => state.entities.get(entityId),
  isForgotten: (ref) => state.forgotten.size > 0 && state.forgotten.has(redactedRef(ref)),
  challenge: (projectId) => state.challenges.get(projectId),
  replications: (projectId) =>
    [...state.origins].flatMap(([replication, origin]) =>
      origin === projectId ? [{ projectId: replication, evaluations: state.replicationEvaluations.get(replication) ?? [] }] : [],
    ),
});

/**
 * The register as of the end of a log.
 *
 * @example
 * await handle(store, labDecider, command, { ...ctx, register: labRegister(await allEvents()) });
 */
export const labRegister = (events: Iterable<Envelope<LabEvent>>): LabRegister => liveRegister(events).register;

/** A register kept up to date by the host as it handles commands. */
export interface LiveRegister {
  /** The register as it stands; it follows every `record`. */
  readonly register: LabRegister;
  /** Account for events just stored (any events: only registrations and erasures matter; repeats are harmless). */
  record(events: Iterable<Envelope<LabEvent>>): void;
}

/**
 * A register that follows the log as the host appends to it: build it from the stored events once,
 * then `record` what each command stores.
 *
 * @example
 * const reg = liveRegister(await allEvents());
 * const r = await handle(store, labDecider, command, { ...ctx, register: reg.register });
 * if (r.ok) reg.record(r.value.events);
 */
export const liveRegister = (events: Iterable<Envelope<LabEvent>> = []): LiveRegister => {
  const state = emptyRegister();
  // Registrations, erasures, submissions, acceptances and replications' evaluations only ever add: applying one twice changes nothing.
  const record = (more: Iterable<Envelope<LabEvent>>): void => {
    for (const e of more) registerProjection.evolve(state, e);
  };
  record(events);
  return { register: registerOf(state), record };
};

/** The context the lab's deciders need: the kernel's, and the register. */
export type LabContext = Context & { readonly register: LabRegister };

/**
 * The schema of a `LabContext`: the kernel's context rules, and a register with its four lookups.
 * The lookups are guarded: one that throws refuses the command with a `validation_failed` error at
 * `register.entity` (say), as a throwing clock does, instead of throwing at the host.
 */
export const LabContextSchema = ContextSchema.extend({
  register: z
    .custom<LabRegister>(
      (v) =>
        typeof v === "object" &&
        v !== null &&
        typeof (v as LabRegister).entity === "function" &&
        typeof (v as LabRegister).isForgotten === "function" &&
        typeof (v as LabRegister).challenge === "function" &&
        typeof (v as LabRegister).replications === "function",
      { message: "must be a LabRegister (entity, isForgotten, challenge and replications lookups), e.g. labRegister(events)" },
    )
    .transform(
      (r): LabRegister => ({
        entity: guardContext(["register", "entity"], (id: string) => r.entity(id)),
        isForgotten: guardContext(["register", "isForgotten"], (ref: string) => r.isForgotten(ref)),
        challenge: guardContext(["register", "challenge"], (id: string) => r.challenge(id)),
        replications: guardContext(["register", "replications"], (id: string) => r.replications(id)),
      }),
    ),
});

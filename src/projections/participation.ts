import type { Draft } from "immer";
import { deepFreeze, type Envelope, type Immutable, type Projection } from "../kernel/index.js";
import { type LabEvent, labStreamName, ParticipantRole, redactedRef } from "../lab/index.js";
import { addCounts, addTo, bump, type Context, emptyContext, inProject, keysOf, mergeContext, slicesOf, trackContext, unionSets } from "./context.js";
import type { Witness } from "./witness.js";

/** One attendee waiting for the session to be held, with the attendance event that named them. */
type PendingAttendee = Immutable<{ ref: string; role: ParticipantRole; affiliation: string | null; eventId: string }>;

/**
 * The raw material of the participation figures. Keys of the form `role@slice` (for example
 * `citizen@year:2019`, `*@sector:health`) let one pass serve every slice.
 */
export type ParticipationState = Immutable<
  Context & {
    /** Attendance of sessions not yet closed (`inProject(projectId, sessionId)` → attendees); counted only once held. */
    pending: Map<string, PendingAttendee[]>;
    /** Each person (by reference, or by its redacted form `sha256:…` once erased) → the `role@slice` keys they count in. */
    people: Map<string, Set<string>>;
    /** Attendances, by `role@slice`. */
    participations: Map<string, number>;
    /** Anonymous headcounts, by `citizens@slice`, `civilServants@slice`, `business@slice`, `other@slice`. */
    headcount: Map<string, number>;
    /** Sessions held (closed, never cancelled), by slice. */
    sessionsHeld: Map<string, number>;
    /** Organisations engaged (owner, joined in any role, civil servants' affiliation, adopter) → slices. */
    engaged: Map<string, Set<string>>;
    /** Organisations joined as partners → slices. */
    partners: Map<string, Set<string>>;
  }
>;

// An attendee as the projection keeps them: by reference, or by its redacted form once forgotten.
const keep = (forgotten: ReadonlySet<string>, ref: string): string => {
  if (forgotten.size === 0) return ref;
  const redacted = redactedRef(ref);
  return forgotten.has(redacted) ? redacted : ref;
};

const count = (s: Draft<ParticipationState>, key: string, ...keyLists: readonly (readonly string[])[]): void => {
  let set = s.people.get(key);
  if (set === undefined) s.people.set(key, (set = new Set()));
  for (const keys of keyLists) for (const k of keys) set.add(k);
};

const engage = (s: Draft<ParticipationState>, entityId: string, slices: readonly string[]): void => {
  for (const slice of slices) addTo(s.engaged, entityId, slice);
};

// A session is held: its attendees count, in the slices of its closing.
const hold = (s: Draft<ParticipationState>, e: Envelope<Extract<LabEvent, { type: "SessionClosed" }>>, witness: Witness | undefined): void => {
  const slices = slicesOf(e.occurredAt, s.projects.get(e.data.projectId));
  const key = inProject(e.data.projectId, e.data.sessionId);
  const anyone = keysOf("*", slices);
  const perRole = new Map<ParticipantRole, number>();
  for (const a of s.pending.get(key) ?? []) {
    count(s, a.ref, keysOf(a.role, slices), anyone);
    perRole.set(a.role, (perRole.get(a.role) ?? 0) + 1);
    witness?.note("person", [a.eventId, e.id], a.role);
    if (a.role === "civil_servant" && a.affiliation !== null) {
      engage(s, a.affiliation, slices);
      witness?.note("engaged", [a.eventId, e.id], a.affiliation);
    }
  }
  let attended = 0;
  for (const [role, n] of perRole) {
    attended += n;
    for (const k of keysOf(role, slices)) bump(s.participations, k, n);
  }
  if (attended > 0) for (const k of anyone) bump(s.participations, k, attended);
  s.pending.delete(key);
  const h = e.data.anonymousHeadcount;
  for (const slice of slices) bump(s.sessionsHeld, slice);
  witness?.note("session", [e.id]);
  for (const [what, n] of [
    ["citizens", h.citizens],
    ["civilServants", h.civilServants],
    ["business", h.business],
    ["other", h.other],
  ] as const) {
    for (const k of keysOf(what, slices)) bump(s.headcount, k, n);
  }
};

// A person is forgotten: their counts stay, under their redacted form only.
const forget = (s: Draft<ParticipationState>, ref: string): void => {
  const redacted = redactedRef(ref);
  const keys = s.people.get(ref);
  if (keys && ref !== redacted) {
    s.people.delete(ref);
    count(s, redacted, [...keys]);
  }
  for (const list of s.pending.values()) for (const a of list) if (a.ref === ref) a.ref = redacted;
};

const evolveWith =
  (witness: Witness | undefined) =>
  (s: Draft<ParticipationState>, e: Envelope<LabEvent>): void => {
    trackContext(s, e);
    switch (e.type) {
      case "EntityRegistered":
        witness?.note("registered", [e.id], e.data.entityId);
        return;
      case "ChallengeSubmitted":
        engage(s, e.data.ownerEntityId, slicesOf(e.occurredAt, s.projects.get(e.data.projectId)));
        witness?.note("engaged", [e.id], e.data.ownerEntityId);
        return;
      case "EntityJoined": {
        const slices = slicesOf(e.occurredAt, s.projects.get(e.data.projectId));
        engage(s, e.data.entityId, slices);
        witness?.note("engaged", [e.id], e.data.entityId);
        if (e.data.role !== "partner") return;
        for (const slice of slices) addTo(s.partners, e.data.entityId, slice);
        witness?.note("partner", [e.id], e.data.entityId);
        return;
      }
      case "AdoptionRecorded":
        engage(s, e.data.entityId, slicesOf(e.occurredAt, s.projects.get(e.data.projectId)));
        witness?.note("engaged", [e.id], e.data.entityId);
        return;
      case "AttendanceRecorded": {
        const key = inProject(e.data.projectId, e.data.sessionId);
        const list = s.pending.get(key) ?? [];
        // Someone recorded after their erasure is kept by their redacted form from the start.
        for (const a of e.data.attendees)
          list.push({ ref: keep(s.forgotten, a.participantRef), role: a.role, affiliation: a.affiliationEntityId ?? null, eventId: e.id });
        s.pending.set(key, list);
        return;
      }
      case "SessionCancelled":
        s.pending.delete(inProject(e.data.projectId, e.data.sessionId));
        return;
      case "SessionClosed":
        hold(s, e, witness);
        return;
      case "ParticipantForgotten":
        forget(s, e.data.participantRef);
        return;
      default:
        return;
    }
  };

// Two parts of a log, stream-disjoint: counts add, sets unite, erasures apply across parts.
const mergeParticipation = (a: ParticipationState, b: ParticipationState): ParticipationState => {
  const context = mergeContext(a, b);
  const people = unionSets(a.people, b.people);
  // A part that saw the erasure may not have seen the person: erase across parts.
  for (const ref of [...people.keys()]) {
    const kept = keep(context.forgotten, ref);
    if (kept === ref) continue;
    const keys = people.get(ref) ?? new Set<string>();
    people.delete(ref);
    const t = people.get(kept);
    if (t) for (const k of keys) t.add(k);
    else people.set(kept, keys);
  }
  const pending = new Map([...a.pending, ...b.pending].map(([k, list]) => [k, list.map((x) => ({ ...x, ref: keep(context.forgotten, x.ref) }))]));
  return {
    ...context,
    pending,
    people,
    participations: addCounts(a.participations, b.participations),
    headcount: addCounts(a.headcount, b.headcount),
    sessionsHeld: addCounts(a.sessionsHeld, b.sessionsHeld),
    engaged: unionSets(a.engaged, b.engaged),
    partners: unionSets(a.partners, b.partners),
  };
};

/**
 * Participation: who took part, in which role, where and when; anonymous headcounts; sessions held;
 * organisations engaged. Attendance counts once its session is held (closed); a cancelled session
 * counts for nothing. Year, sector and stage are those of the session's closing. A `witness`, when
 * given, is told the events behind each counted fact — the lineage `explain` reports.
 */
export const participationProjection = (witness?: Witness): Projection<ParticipationState, LabEvent> => ({
  initialState: deepFreeze({
    ...emptyContext(),
    pending: new Map(),
    people: new Map(),
    participations: new Map(),
    headcount: new Map(),
    sessionsHeld: new Map(),
    engaged: new Map(),
    partners: new Map(),
  }),
  streamName: labStreamName,
  evolve: evolveWith(witness),
  merge: mergeParticipation,
});

/** Participation, as `labProjections` runs it. */
export const participation = participationProjection();

/** Participation figures for one slice (everything, a year, a sector or a stage). */
export interface ParticipationSlice {
  /** Distinct identified people, whatever role they held: each person counts once. */
  distinctParticipants: number;
  /** Distinct people by role held: a person who was a citizen once and a civil servant once counts in both. */
  distinctByRole: Record<ParticipantRole, number>;
  /** Attendances (a person at two sessions counts twice). */
  participations: number;
  /** People counted without being identified, kept apart from the distinct counts. */
  anonymousHeadcount: { citizens: number; civilServants: number; business: number; other: number; total: number };
  /** distinct + anonymous: an upper bound, since an anonymous person may also be identified elsewhere. */
  reach: number;
  /** Sessions closed and never cancelled. */
  sessionsHeld: number;
  /** Distinct registered public entities engaged (owner, joined in any role, civil servants' affiliation, adopter). */
  publicEntitiesEngaged: number;
  /** Distinct organisations joined as partners. */
  partners: number;
  /** Distinct registered businesses engaged. */
  businessesEngaged: number;
  /** Distinct organisations engaged, registered or not. */
  entitiesEngaged: number;
}

/** Participation figures overall and by `year:YYYY`, `sector:…` and `stage:…`. */
export interface ParticipationFigures {
  overall: ParticipationSlice;
  slices: Record<string, ParticipationSlice>;
}

const roles = ParticipantRole.options;

/**
 * Turn the participation state into figures: one pass over people and organisations.
 *
 * @example
 * const r = project(participation, events);
 * if (r.ok) console.log(participationFigures(r.value.state).overall.distinctByRole.citizen); // each citizen once, across every project
 */
export const participationFigures = (s: ParticipationState): ParticipationFigures => {
  const distinct = new Map<string, number>();
  for (const keys of s.people.values()) for (const k of keys) bump(distinct, k);
  const slices = new Set<string>(["all"]);
  for (const k of [...distinct.keys(), ...s.participations.keys(), ...s.headcount.keys()]) slices.add(k.slice(k.indexOf("@") + 1));
  for (const k of s.sessionsHeld.keys()) slices.add(k);
  const orgs = (m: ReadonlyMap<string, ReadonlySet<string>>, slice: string, keep: (id: string) => boolean): number => {
    let n = 0;
    for (const [id, where] of m) if (where.has(slice) && keep(id)) n++;
    return n;
  };
  for (const where of [...s.engaged.values(), ...s.partners.values()]) for (const slice of where) slices.add(slice);
  const kindOf = (id: string) => s.entities.get(id)?.kind;
  const figures = (slice: string): ParticipationSlice => {
    const get = (k: string): number => s.headcount.get(`${k}@${slice}`) ?? 0;
    const h = { citizens: get("citizens"), civilServants: get("civilServants"), business: get("business"), other: get("other") };
    const total = h.citizens + h.civilServants + h.business + h.other;
    const distinctParticipants = distinct.get(`*@${slice}`) ?? 0;
    return {
      distinctParticipants,
      distinctByRole: Object.fromEntries(roles.map((r) => [r, distinct.get(`${r}@${slice}`) ?? 0])) as Record<ParticipantRole, number>,
      participations: s.participations.get(`*@${slice}`) ?? 0,
      anonymousHeadcount: { ...h, total },
      reach: distinctParticipants + total,
      sessionsHeld: s.sessionsHeld.get(slice) ?? 0,
      publicEntitiesEngaged: orgs(s.engaged, slice, (id) => kindOf(id) === "public"),
      partners: orgs(s.partners, slice, () => true),
      businessesEngaged: orgs(s.engaged, slice, (id) => kindOf(id) === "business"),
      entitiesEngaged: orgs(s.engaged, slice, () => true),
    };
  };
  return {
    overall: figures("all"),
    slices: Object.fromEntries(
      [...slices]
        .filter((x) => x !== "all")
        .sort()
        .map((x) => [x, figures(x)]),
    ),
  };
};

import { castDraft, type Draft } from "immer";
import { deepFreeze, type Envelope, type Immutable } from "../kernel/index.js";
import { AgeBand, Gender, isTraining, type LabEvent, labStreamName, ParticipantRole, REDACTED_PREFIX, redactedRef, regionOf } from "../lab/index.js";
import { addBit, countBits, dropBit, eachBit, hasBit, unionBits } from "./bitset.js";
import { addCounts, addTo, bump, type Background, emptyBackground, inProject, mergeBackground, type Slices, slicesOf, unionSets } from "./background.js";
import { type WithBackground, withBackground } from "./shared-background.js";
import { Records } from "./records.js";
import type { Witness } from "./witness.js";

/** One attendee waiting for the session to be held (by their number in `people`), with the attendance event that named them. */
export type PendingAttendee = Immutable<{ person: number; role: ParticipantRole; affiliation: string | null; eventId: string }>;

/**
 * The raw material of the participation figures. Keys of the form `role@slice` (for example
 * `citizen@year:2019`, `*@sector:health`) let one pass serve every slice. People are counted by
 * number: each reference is read once, erasure renames it without touching any count.
 */
export type ParticipationState = Immutable<
  Background & {
    /** Attendance of sessions not yet closed (`inProject(projectId, sessionId)` → attendees); counted only once held. */
    pending: Map<string, PendingAttendee[]>;
    /** Each person (by reference, or by its redacted form `sha256:…` once erased) → their number. */
    people: Map<string, number>;
    /** The number the next new person gets. */
    nextPerson: number;
    /**
     * A 30-bit tag of each raw reference erased so far: a reference met for the first time is
     * digested (to see if it was erased) only if its tag is here, or if an erasure came without
     * its raw reference (`untaggedErasures`). A tag is a filter, not a reference: 30 bits of a
     * 128-bit token.
     */
    erasedTags: Set<number>;
    untaggedErasures: boolean;
    /** The people counted under each `role@slice` and `*@slice`, as sets of numbers (see `bitset.ts`). */
    distinct: Map<string, number[]>;
    /**
     * The people of each project, by project id (not a published slice: what money per person is
     * divided by). Sets, not bitsets: a bitset is as long as the number of everyone counted, so one
     * per project made the state grow as projects × people.
     */
    projectPeople: Map<string, Set<number>>;
    /** Attendances, by `role@slice`. */
    participations: Map<string, number>;
    /**
     * Anonymous counts, by slice: headcounts (`citizens@slice`, `civilServants@slice`,
     * `business@slice`, `other@slice`), breakdowns (`age:30_44@slice`, `gender:female@slice`) and
     * trainings held (`trainings@slice`).
     */
    headcount: Map<string, number>;
    /** Training sessions scheduled (`inProject(projectId, sessionId)` → the `SessionScheduled` event): their civil servants count as trained once held. */
    trainings: Map<string, string>;
    /** Where each session that said so is held (`inProject(projectId, sessionId)` → its region). */
    venues: Map<string, string>;
    /** Sessions held, by region (`regionOf` the session's territory). */
    heldByRegion: Map<string, number>;
    /** Sessions held (closed, never cancelled), by slice. */
    sessionsHeld: Map<string, number>;
    /** What each held session counted without identifying anyone (`inProject(projectId, sessionId)` → its block), for the cell-key method. */
    anonymous: Map<string, AnonymousBlock>;
    /** Organisations engaged (owner, joined in any role, civil servants' affiliation, adopter) → slices. */
    engaged: Map<string, Set<string>>;
    /** Organisations joined as partners → slices. */
    partners: Map<string, Set<string>>;
  }
>;

/**
 * What one held session counted without identifying anyone: its anonymous headcount and its age and
 * gender breakdowns, with the slices it counts in. Publishing keys each block by its session, so
 * the people a session counted anonymously get the same noise in every table and every release.
 */
export type AnonymousBlock = Immutable<{ slices: readonly string[]; headcount: number; ageBands: Record<string, number>; gender: Record<string, number> }>;

type Working = Draft<ParticipationState>;

// Two numbers became one person (an erased reference met its redacted form): `from`'s counts move to `to`.
const mergePeople = (s: Working, from: number, to: number): void => {
  for (const bits of s.distinct.values()) {
    if (!hasBit(bits, from)) continue;
    dropBit(bits, from);
    addBit(bits, to);
  }
  for (const people of s.projectPeople.values()) if (people.delete(from)) people.add(to);
  for (const list of s.pending.values()) for (const a of list) if (a.person === from) a.person = to;
};

// `ref` is now known as `as` (its redacted form): the same person, renamed; no count changes.
const rename = (s: Working, ref: string, as: string): void => {
  const n = s.people.get(ref);
  if (n === undefined || ref === as) return;
  s.people.delete(ref);
  const existing = s.people.get(as);
  if (existing === undefined) s.people.set(as, n);
  else mergePeople(s, n, existing);
};

// FNV-1a over the UTF-16 code units, cut to 30 bits.
const tagOf = (ref: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < ref.length; i++) h = Math.imul(h ^ ref.charCodeAt(i), 0x01000193);
  return h >>> 2;
};

// The number of the person a reference names. A reference seen before is never an erased one
// (erasure renames it), so only a new one may need its digest, and only if its tag says it may.
const personOf = (s: Working, ref: string): number => {
  const known = s.people.get(ref);
  if (known !== undefined) return known;
  let key = ref;
  if (s.forgotten.size > 0 && !ref.startsWith(REDACTED_PREFIX) && (s.untaggedErasures || s.erasedTags.has(tagOf(ref)))) {
    const redacted = redactedRef(ref);
    if (s.forgotten.has(redacted)) key = redacted;
  }
  let n = s.people.get(key);
  if (n === undefined) s.people.set(key, (n = s.nextPerson++));
  return n;
};

// The sets of the people counted under each of `keys`, each made when first needed: looked up once
// per held session and role, then every attendee of it is added to them.
const countedUnder = (s: Working, keys: readonly string[]): number[][] =>
  keys.map((k) => {
    let bits = s.distinct.get(k);
    if (bits === undefined) s.distinct.set(k, (bits = []));
    return bits;
  });

const countIn = (sets: readonly number[][], person: number): void => {
  for (const bits of sets) addBit(bits, person);
};

const engage = (s: Working, entityId: string, slices: Slices): void => {
  for (const slice of slices.list) addTo(s.engaged, entityId, slice);
};

const HEADCOUNT = ["citizens", "civilServants", "business", "other"] as const;

// One empty breakdown for every block without one: a national log holds millions of blocks.
const NONE: Readonly<Record<string, number>> = Object.freeze({});

const nonZero = (r: Readonly<Record<string, number | undefined>>): Readonly<Record<string, number>> => {
  const given = Object.entries(r).filter((x): x is [string, number] => x[1] !== undefined && x[1] > 0);
  return given.length === 0 ? NONE : Object.fromEntries(given);
};

// What a held session counted without identifying anyone: into the slices' counts, and kept as the session's block.
const countAnonymous = (s: Working, data: Extract<LabEvent, { type: "SessionClosed" }>["data"], key: string, slices: Slices): void => {
  const ageBands = nonZero(data.demographics?.ageBands ?? {});
  const gender = nonZero(data.demographics?.gender ?? {});
  for (const [band, n] of Object.entries(ageBands)) for (const k of slices.keys(`age:${band}`)) bump(s.headcount, k, n);
  for (const [g, n] of Object.entries(gender)) for (const k of slices.keys(`gender:${g}`)) bump(s.headcount, k, n);
  const h = data.anonymousHeadcount;
  for (const what of HEADCOUNT) for (const k of slices.keys(what)) bump(s.headcount, k, h[what]);
  const headcount = HEADCOUNT.reduce((n, what) => n + h[what], 0);
  if (headcount > 0 || Object.keys(ageBands).length > 0 || Object.keys(gender).length > 0)
    // The slices' list is the one `slicesOf` hands every session of the same year, sector and stage (frozen): shared, not copied.
    s.anonymous.set(key, castDraft({ slices: slices.list, headcount, ageBands, gender }));
};

// A held session's attendees, counted into the slices of its closing (each role's sets, everyone's
// and the project's people, made on the first attendee who needs them); how many came in each role.
const countAttendees = (
  s: Working,
  e: Envelope<Extract<LabEvent, { type: "SessionClosed" }>>,
  slices: Slices,
  attendees: readonly PendingAttendee[],
  witness: Witness | undefined,
): Map<ParticipantRole, { n: number; sets: number[][] }> => {
  const perRole = new Map<ParticipantRole, { n: number; sets: number[][] }>();
  let anyone: number[][] | undefined;
  let people: Set<number> | undefined;
  for (const a of attendees) {
    let role = perRole.get(a.role);
    if (role === undefined) perRole.set(a.role, (role = { n: 0, sets: countedUnder(s, slices.keys(a.role)) }));
    role.n++;
    countIn(role.sets, a.person);
    countIn((anyone ??= countedUnder(s, slices.keys("*"))), a.person);
    people ??= projectPeopleOf(s, e.data.projectId);
    people.add(a.person);
    witness?.note("person", [a.eventId, e.id], a.role);
    if (a.role === "civil_servant" && a.affiliation !== null) {
      engage(s, a.affiliation, slices);
      witness?.note("engaged", [a.eventId, e.id], a.affiliation);
    }
  }
  return perRole;
};

const projectPeopleOf = (s: Working, projectId: string): Set<number> => {
  let people = s.projectPeople.get(projectId);
  if (people === undefined) s.projectPeople.set(projectId, (people = new Set()));
  return people;
};

// A session is held: its attendees count, in the slices of its closing.
const hold = (s: Working, e: Envelope<Extract<LabEvent, { type: "SessionClosed" }>>, witness: Witness | undefined): void => {
  const slices = slicesOf(e.occurredAt, s.projects.get(e.data.projectId));
  const key = inProject(e.data.projectId, e.data.sessionId);
  const anyone = slices.keys("*");
  const attendees = s.pending.get(key) ?? [];
  const perRole = countAttendees(s, e, slices, attendees, witness);
  let attended = 0;
  for (const [role, { n }] of perRole) {
    attended += n;
    for (const k of slices.keys(role)) bump(s.participations, k, n);
  }
  if (attended > 0) for (const k of anyone) bump(s.participations, k, attended);
  s.pending.delete(key);
  for (const slice of slices.list) bump(s.sessionsHeld, slice);
  bump(s.heldByRegion, s.venues.get(key) ?? "unknown");
  const scheduled = s.trainings.get(key);
  // Read at the close alone: kept no longer, so that they do not grow with every session ever held.
  s.venues.delete(key);
  s.trainings.delete(key);
  if (scheduled !== undefined) {
    for (const k of slices.keys("trainings")) bump(s.headcount, k, 1);
    let trained: number[][] | undefined;
    for (const a of attendees) {
      if (a.role !== "civil_servant") continue;
      countIn((trained ??= countedUnder(s, slices.keys("trained"))), a.person);
      witness?.note("trained", [scheduled, a.eventId, e.id]);
    }
  }
  witness?.note("session", [e.id]);
  countAnonymous(s, e.data, key, slices);
  const h = e.data.anonymousHeadcount;
  // The base of each breakdown: the sessions that gave it, and who was there (recorded attendees and anonymous people).
  const anonymous = HEADCOUNT.reduce((n, what) => n + h[what], 0);
  for (const [breakdown, given] of [
    ["age", e.data.demographics?.ageBands],
    ["gender", e.data.demographics?.gender],
  ] as const) {
    if (given === undefined) continue;
    for (const [what, n] of [
      ["sessions", 1],
      ["attendees", attended],
      ["anonymous", anonymous],
    ] as const)
      for (const k of slices.keys(`base:${breakdown}:${what}`)) bump(s.headcount, k, n);
  }
};

const evolveWith =
  (witness: Witness | undefined) =>
  (s: Working, e: Envelope<LabEvent>): void => {
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
        for (const slice of slices.list) addTo(s.partners, e.data.entityId, slice);
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
        for (const a of e.data.attendees)
          list.push({ person: personOf(s, a.participantRef), role: a.role, affiliation: a.affiliationEntityId ?? null, eventId: e.id });
        s.pending.set(key, list);
        return;
      }
      case "SessionScheduled":
        if (isTraining(e.data.kind)) s.trainings.set(inProject(e.data.projectId, e.data.sessionId), e.id);
        if (e.data.territory !== undefined) s.venues.set(inProject(e.data.projectId, e.data.sessionId), regionOf(e.data.territory));
        return;
      case "SessionCancelled": {
        const key = inProject(e.data.projectId, e.data.sessionId);
        s.pending.delete(key);
        s.venues.delete(key);
        s.trainings.delete(key);
        return;
      }
      case "SessionClosed":
        hold(s, e, witness);
        return;
      case "ParticipantForgotten":
        // trackBackground has recorded the erasure; the person keeps their counts under the redacted form.
        if (e.data.participantRef.startsWith(REDACTED_PREFIX)) s.untaggedErasures = true;
        else s.erasedTags.add(tagOf(e.data.participantRef));
        rename(s, e.data.participantRef, redactedRef(e.data.participantRef));
        return;
      default:
        return;
    }
  };

// Two parts of a log, stream-disjoint: counts add, sets unite, people are matched by reference
// (numbered anew into the first part's numbers), erasures apply across parts.
const mergeParticipation = (a: ParticipationState, b: ParticipationState): ParticipationState => {
  const background = mergeBackground(a, b);
  const s = {
    ...background,
    pending: new Map(a.pending),
    people: new Map(a.people),
    nextPerson: a.nextPerson,
    erasedTags: new Set([...a.erasedTags, ...b.erasedTags]),
    untaggedErasures: a.untaggedErasures || b.untaggedErasures,
    distinct: new Map([...a.distinct].map(([k, bits]) => [k, [...bits]])),
    projectPeople: new Map([...a.projectPeople].map(([k, people]) => [k, new Set(people)])),
  } as Working;
  // Erasures the other part saw: rename the references they name (digesting only if there are any).
  const eraseKnown = (own: ReadonlySet<string>) => {
    if (![...background.forgotten].some((r) => !own.has(r))) return (ref: string) => ref;
    return (ref: string) => {
      if (ref.startsWith(REDACTED_PREFIX) || !(s.untaggedErasures || s.erasedTags.has(tagOf(ref)))) return ref;
      const redacted = redactedRef(ref);
      return background.forgotten.has(redacted) ? redacted : ref;
    };
  };
  const inA = eraseKnown(a.forgotten);
  for (const ref of [...s.people.keys()]) rename(s, ref, inA(ref));
  const inB = eraseKnown(b.forgotten);
  const numberOf = new Map<number, number>();
  for (const [ref, nb] of b.people) {
    const key = inB(ref);
    let n = s.people.get(key);
    if (n === undefined) s.people.set(key, (n = s.nextPerson++));
    numberOf.set(nb, n);
  }
  const mapped = (nb: number): number => numberOf.get(nb) ?? nb;
  for (const [k, bits] of b.distinct) {
    let into = s.distinct.get(k);
    if (into === undefined) s.distinct.set(k, (into = []));
    const target = into;
    eachBit(bits, (nb) => addBit(target, mapped(nb)));
  }
  for (const [k, people] of b.projectPeople) for (const nb of people) addTo(s.projectPeople, k, mapped(nb));
  for (const [k, list] of b.pending)
    s.pending.set(
      k,
      list.map((x) => ({ ...x, person: mapped(x.person) })),
    );
  return {
    ...(s as ParticipationState),
    participations: addCounts(a.participations, b.participations),
    headcount: addCounts(a.headcount, b.headcount),
    trainings: new Map([...a.trainings, ...b.trainings]),
    venues: new Map([...a.venues, ...b.venues]),
    heldByRegion: addCounts(a.heldByRegion, b.heldByRegion),
    sessionsHeld: addCounts(a.sessionsHeld, b.sessionsHeld),
    anonymous: new Map([...a.anonymous, ...b.anonymous]),
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
export const participationProjection = (witness?: Witness): WithBackground<ParticipationState> => ({
  initialState: deepFreeze({
    ...emptyBackground(),
    pending: new Map(),
    people: new Map(),
    nextPerson: 0,
    erasedTags: new Set(),
    untaggedErasures: false,
    distinct: new Map(),
    projectPeople: new Map(),
    participations: new Map(),
    headcount: new Map(),
    trainings: new Map(),
    venues: new Map(),
    heldByRegion: new Map(),
    sessionsHeld: new Map(),
    anonymous: new Map(),
    engaged: new Map(),
    partners: new Map(),
  }),
  streamName: labStreamName,
  // The background is kept by `withBackground`, once for all the projections `labProjections` runs.
  ...withBackground<ParticipationState>(evolveWith(witness)),
  merge: mergeParticipation,
});

/** Participation, as `labProjections` runs it. */
export const participation = participationProjection();

/**
 * Distinct people who took part in any of some projects (attended a held session of one of them):
 * each person once, however many of the projects they took part in.
 *
 * @example
 * const r = project(participation, events);
 * if (r.ok) console.log(peopleOfProjects(r.value.state, ["lx-001", "lx-002"]));
 */
export const peopleOfProjects = (s: ParticipationState, projectIds: Iterable<string>): number => {
  const people = new Set<number>();
  for (const id of projectIds) for (const n of s.projectPeople.get(id) ?? []) people.add(n);
  return people.size;
};

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
  /** Training sessions held. */
  trainingsHeld: number;
  /** Distinct civil servants who attended a training session that was held: the capacity the lab built. */
  civilServantsTrained: number;
  /**
   * People who never held the citizen or the civil-servant role (only `business` or `expert`): with
   * them, distinctParticipants = citizens + civil servants − citizensAlsoCivilServants + othersInvolved.
   */
  othersInvolved: number;
  /** People who held both the citizen and the civil-servant role: counted in each role, once in distinctParticipants. */
  citizensAlsoCivilServants: number;
  /**
   * Breakdowns given at session close, by age band and declared gender, of the people present at the
   * sessions that gave one — recorded attendees and anonymous people alike — each with its base.
   */
  demographics: {
    ageBands: Record<AgeBand, number>;
    gender: Record<Gender, number>;
    /** What each breakdown is a breakdown of: Σ ageBands = base.ageBands.counted, Σ gender = base.gender.counted. */
    base: { ageBands: BreakdownBase; gender: BreakdownBase };
  };
}

/**
 * The people a breakdown (by age or by gender) is of: the held sessions that gave it, and who was
 * there. present = attendees + anonymous = counted + notCounted; a session without the breakdown is
 * not in its base, so `anonymous` is at most the anonymous headcount and `attendees` at most the
 * participations, equal to them when every held session gave the breakdown.
 */
export interface BreakdownBase {
  /** Held sessions that gave the breakdown. */
  sessions: number;
  /** Attendances recorded at those sessions (identified people; a person at two sessions counts twice). */
  attendees: number;
  /** The anonymous headcount of those sessions. */
  anonymous: number;
  /** attendees + anonymous: everyone at those sessions. */
  present: number;
  /** People the breakdown counts (its sum). */
  counted: number;
  /** present − counted: people at those sessions the breakdown does not place (never negative: `demographics_exceed_attendance`). */
  notCounted: number;
}

/** Participation figures overall and by `year:YYYY`, `sector:…` and `stage:…`. */
export interface ParticipationFigures {
  overall: ParticipationSlice;
  /**
   * The public entities engaged overall, by the register's level (`unspecified` when registered
   * without one) and by region (`regionOf` their territory; `unknown` when registered without one).
   */
  publicEntitiesEngaged: { byLevel: Record<string, number>; byRegion: Record<string, number> };
  /** Sessions held, by the region of their territory (`unknown` when the session did not say). */
  sessionsHeldByRegion: Record<string, number>;
  slices: Record<string, ParticipationSlice>;
  /** Who each count counts, by redacted form and by session: what publishing keys its noise by (the cell-key method). */
  records: Records;
}

const roles = ParticipantRole.options;

// The breakdowns of one slice, each with its base (`get` reads the slice's headcounts).
const demographicsOf = (get: (key: string) => number): ParticipationSlice["demographics"] => {
  const ageBands = Object.fromEntries(AgeBand.options.map((b) => [b, get(`age:${b}`)])) as Record<AgeBand, number>;
  const gender = Object.fromEntries(Gender.options.map((g) => [g, get(`gender:${g}`)])) as Record<Gender, number>;
  const base = (breakdown: "age" | "gender", counts: Readonly<Record<string, number>>): BreakdownBase => {
    const [sessions = 0, attendees = 0, anonymous = 0] = (["sessions", "attendees", "anonymous"] as const).map((w) => get(`base:${breakdown}:${w}`));
    const counted = Object.values(counts).reduce((n, x) => n + x, 0);
    return { sessions, attendees, anonymous, present: attendees + anonymous, counted, notCounted: attendees + anonymous - counted };
  };
  return { ageBands, gender, base: { ageBands: base("age", ageBands), gender: base("gender", gender) } };
};

// The organisations of a map (engaged, partners) in a slice that `keep` keeps.
const orgs = (m: ReadonlyMap<string, ReadonlySet<string>>, slice: string, keep: (id: string) => boolean): number => {
  let n = 0;
  for (const [id, where] of m) if (where.has(slice) && keep(id)) n++;
  return n;
};

/**
 * Turn the participation state into figures: one pass over people and organisations.
 *
 * @example
 * const r = project(participation, events);
 * if (r.ok) console.log(participationFigures(r.value.state).overall.distinctByRole.citizen); // each citizen once, across every project
 */
export const participationFigures = (s: ParticipationState): ParticipationFigures => {
  const distinct = new Map<string, number>();
  for (const [k, bits] of s.distinct) distinct.set(k, countBits(bits));
  const slices = new Set<string>(["all"]);
  for (const k of [...distinct.keys(), ...s.participations.keys(), ...s.headcount.keys()]) slices.add(k.slice(k.indexOf("@") + 1));
  for (const k of s.sessionsHeld.keys()) slices.add(k);
  for (const where of [...s.engaged.values(), ...s.partners.values()]) for (const slice of where) slices.add(slice);
  const kindOf = (id: string) => s.entities.get(id)?.kind;
  const figures = (slice: string): ParticipationSlice => {
    const get = (k: string): number => s.headcount.get(`${k}@${slice}`) ?? 0;
    const h = { citizens: get("citizens"), civilServants: get("civilServants"), business: get("business"), other: get("other") };
    const total = h.citizens + h.civilServants + h.business + h.other;
    const distinctParticipants = distinct.get(`*@${slice}`) ?? 0;
    const either = countBits(unionBits([s.distinct.get(`citizen@${slice}`) ?? [], s.distinct.get(`civil_servant@${slice}`) ?? []]));
    const both = (distinct.get(`citizen@${slice}`) ?? 0) + (distinct.get(`civil_servant@${slice}`) ?? 0) - either;
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
      trainingsHeld: get("trainings"),
      civilServantsTrained: distinct.get(`trained@${slice}`) ?? 0,
      othersInvolved: distinctParticipants - either,
      citizensAlsoCivilServants: both,
      demographics: demographicsOf(get),
    };
  };
  const byLevel: Record<string, number> = {};
  const byRegion: Record<string, number> = {};
  for (const [id, where] of s.engaged) {
    const e = s.entities.get(id);
    if (e?.kind !== "public" || !where.has("all")) continue;
    byLevel[e.level ?? "unspecified"] = (byLevel[e.level ?? "unspecified"] ?? 0) + 1;
    const region = e.territory === null ? "unknown" : regionOf(e.territory);
    byRegion[region] = (byRegion[region] ?? 0) + 1;
  }
  const sorted = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    overall: figures("all"),
    publicEntitiesEngaged: { byLevel: sorted(byLevel), byRegion: sorted(byRegion) },
    sessionsHeldByRegion: sorted(Object.fromEntries(s.heldByRegion)),
    records: new Records(s),
    slices: Object.fromEntries(
      [...slices]
        .filter((x) => x !== "all")
        .sort()
        .map((x) => [x, figures(x)]),
    ),
  };
};

// The baseline of the projection benchmarks: the participation figures of every slice, computed by
// hand in one mutable pass — the way an engineer would write them for one app, with no code from
// the library (only its types, to read events). It does the same work as the participation
// projection: redelivered events are skipped, attendance counts when its session is held, people
// are counted once per role and slice, and an erased person's reference is replaced by its digest
// (a new reference met after an erasure is digested to see whether it is that person). Its figures
// must equal the library's, or the comparison means nothing (bench/lab.ts checks it).
import { hash } from "node:crypto";
import type { Envelope, LabEvent } from "../src/index.js";
import type { ParticipationFigures, ParticipationSlice } from "../src/projections/index.js";

const ROLES = ["citizen", "civil_servant", "expert", "business"] as const;
const AgeBand = { options: ["under_18", "18_29", "30_44", "45_64", "65_plus", "undisclosed"] as const };
const Gender = { options: ["female", "male", "other", "undisclosed"] as const };
const digest = (ref: string): string => `sha256:${hash("sha256", ref, "hex")}`;

interface Attendee {
  person: string;
  role: string;
  affiliation?: string;
}

export const handWrittenParticipation = (events: readonly Envelope<LabEvent>[]): Pick<ParticipationFigures, "overall" | "slices"> => {
  const versions = new Map<string, number>();
  const projects = new Map<string, { sector: string; stage: string }>();
  const kinds = new Map<string, string>();
  const erased = new Set<string>();
  const pending = new Map<string, Attendee[]>();
  // slice → role (or "*") → people; slice → counters; slice → organisations.
  const people = new Map<string, Map<string, Set<string>>>();
  interface Counter {
    participations: number;
    sessions: number;
    citizens: number;
    civilServants: number;
    business: number;
    other: number;
    trainings: number;
    breakdown: Map<string, number>;
  }
  const trainings = new Set<string>();
  const counters = new Map<string, Counter>();
  const engaged = new Map<string, Set<string>>();
  const partners = new Map<string, Set<string>>();
  const known = new Set<string>();

  const slicesAt = (at: string, projectId: string): string[] => {
    const p = projects.get(projectId);
    const year = `year:${at.slice(0, 4)}`;
    return p === undefined ? ["all", year] : ["all", year, `sector:${p.sector}`, `stage:${p.stage}`];
  };
  const counter = (slice: string): Counter => {
    let c = counters.get(slice);
    if (c === undefined)
      counters.set(slice, (c = { participations: 0, sessions: 0, citizens: 0, civilServants: 0, business: 0, other: 0, trainings: 0, breakdown: new Map() }));
    return c;
  };
  const add = (m: Map<string, Set<string>>, slice: string, id: string): void => {
    let s = m.get(slice);
    if (s === undefined) m.set(slice, (s = new Set()));
    s.add(id);
  };
  const personOf = (ref: string): string => {
    if (known.has(ref) || erased.size === 0 || ref.startsWith("sha256:")) return ref;
    const d = digest(ref);
    return erased.has(d) ? d : ref;
  };

  for (const e of events) {
    const last = versions.get(e.streamId) ?? 0;
    if (e.version <= last) continue;
    versions.set(e.streamId, e.version);
    switch (e.type) {
      case "EntityRegistered":
        kinds.set(e.data.entityId, e.data.kind);
        break;
      case "ParticipantForgotten": {
        const d = e.data.participantRef.startsWith("sha256:") ? e.data.participantRef : digest(e.data.participantRef);
        erased.add(d);
        // The person stays counted, under the digest only.
        if (known.delete(e.data.participantRef)) {
          known.add(d);
          for (const byRole of people.values()) for (const s of byRole.values()) if (s.delete(e.data.participantRef)) s.add(d);
          for (const list of pending.values()) for (const a of list) if (a.person === e.data.participantRef) a.person = d;
        }
        break;
      }
      case "ChallengeSubmitted":
        projects.set(e.data.projectId, { sector: e.data.sector, stage: "challenge" });
        for (const slice of slicesAt(e.occurredAt, e.data.projectId)) add(engaged, slice, e.data.ownerEntityId);
        break;
      case "StageEntered":
      case "ProjectPivoted": {
        const p = projects.get(e.data.projectId);
        if (p !== undefined) p.stage = e.type === "StageEntered" ? e.data.stage : e.data.to;
        break;
      }
      case "EntityJoined":
        for (const slice of slicesAt(e.occurredAt, e.data.projectId)) {
          add(engaged, slice, e.data.entityId);
          if (e.data.role === "partner") add(partners, slice, e.data.entityId);
        }
        break;
      case "AdoptionRecorded":
        for (const slice of slicesAt(e.occurredAt, e.data.projectId)) add(engaged, slice, e.data.entityId);
        break;
      case "AttendanceRecorded": {
        const key = `${e.data.projectId}|${e.data.sessionId}`;
        const list = pending.get(key) ?? [];
        for (const a of e.data.attendees) {
          const person = personOf(a.participantRef);
          known.add(person);
          list.push({ person, role: a.role, ...(a.affiliationEntityId === undefined ? {} : { affiliation: a.affiliationEntityId }) });
        }
        pending.set(key, list);
        break;
      }
      case "SessionScheduled":
        if (e.data.kind === "training") trainings.add(`${e.data.projectId}|${e.data.sessionId}`);
        break;
      case "SessionCancelled":
        pending.delete(`${e.data.projectId}|${e.data.sessionId}`);
        break;
      case "SessionClosed": {
        const key = `${e.data.projectId}|${e.data.sessionId}`;
        const list = pending.get(key) ?? [];
        pending.delete(key);
        const h = e.data.anonymousHeadcount;
        const training = trainings.has(key);
        const breakdown = [
          ...Object.entries(e.data.demographics?.ageBands ?? {}).map(([k, n]) => [`age:${k}`, n ?? 0] as const),
          ...Object.entries(e.data.demographics?.gender ?? {}).map(([k, n]) => [`gender:${k}`, n ?? 0] as const),
        ];
        for (const slice of slicesAt(e.occurredAt, e.data.projectId)) {
          const c = counter(slice);
          c.sessions++;
          if (training) c.trainings++;
          for (const [k, n] of breakdown) c.breakdown.set(k, (c.breakdown.get(k) ?? 0) + n);
          for (const [given, what] of [
            [e.data.demographics?.ageBands, "age"],
            [e.data.demographics?.gender, "gender"],
          ] as const) {
            if (given === undefined) continue;
            const bump = (k: string, n: number) => c.breakdown.set(`base:${what}:${k}`, (c.breakdown.get(`base:${what}:${k}`) ?? 0) + n);
            bump("sessions", 1);
            bump("attendees", list.length);
            bump("anonymous", h.citizens + h.civilServants + h.business + h.other);
          }
          c.participations += list.length;
          c.citizens += h.citizens;
          c.civilServants += h.civilServants;
          c.business += h.business;
          c.other += h.other;
          let byRole = people.get(slice);
          if (byRole === undefined) people.set(slice, (byRole = new Map()));
          for (const a of list) {
            add(byRole, a.role, a.person);
            add(byRole, "*", a.person);
            if (training && a.role === "civil_servant") add(byRole, "trained", a.person);
            if (a.role === "civil_servant" && a.affiliation !== undefined) add(engaged, slice, a.affiliation);
          }
        }
        break;
      }
      default:
        break;
    }
  }

  const sliceNames = new Set<string>(["all", ...people.keys(), ...counters.keys(), ...engaged.keys(), ...partners.keys()]);
  const figures = (slice: string): ParticipationSlice => {
    const c = counters.get(slice);
    const byRole = people.get(slice);
    const orgs = engaged.get(slice) ?? new Set<string>();
    const count = (kind: string) => [...orgs].filter((id) => kinds.get(id) === kind).length;
    const anonymous = { citizens: c?.citizens ?? 0, civilServants: c?.civilServants ?? 0, business: c?.business ?? 0, other: c?.other ?? 0 };
    const total = anonymous.citizens + anonymous.civilServants + anonymous.business + anonymous.other;
    const distinct = byRole?.get("*")?.size ?? 0;
    const base = (what: "age" | "gender") => {
      const n = (k: string) => c?.breakdown.get(`base:${what}:${k}`) ?? 0;
      const counted = [...(c?.breakdown ?? new Map<string, number>())].filter(([k]) => k.startsWith(`${what}:`)).reduce((a, [, x]) => a + x, 0);
      const present = n("attendees") + n("anonymous");
      return { sessions: n("sessions"), attendees: n("attendees"), anonymous: n("anonymous"), present, counted, notCounted: present - counted };
    };
    return {
      distinctParticipants: distinct,
      distinctByRole: Object.fromEntries(ROLES.map((r) => [r, byRole?.get(r)?.size ?? 0])) as ParticipationSlice["distinctByRole"],
      participations: c?.participations ?? 0,
      anonymousHeadcount: { ...anonymous, total },
      reach: distinct + total,
      sessionsHeld: c?.sessions ?? 0,
      publicEntitiesEngaged: count("public"),
      partners: partners.get(slice)?.size ?? 0,
      businessesEngaged: count("business"),
      entitiesEngaged: orgs.size,
      trainingsHeld: c?.trainings ?? 0,
      civilServantsTrained: byRole?.get("trained")?.size ?? 0,
      othersInvolved: [...(byRole?.get("*") ?? [])].filter((p) => !byRole?.get("citizen")?.has(p) && !byRole?.get("civil_servant")?.has(p)).length,
      citizensAlsoCivilServants: [...(byRole?.get("citizen") ?? [])].filter((p) => byRole?.get("civil_servant")?.has(p)).length,
      demographics: {
        ageBands: Object.fromEntries(AgeBand.options.map((k) => [k, c?.breakdown.get(`age:${k}`) ?? 0])) as ParticipationSlice["demographics"]["ageBands"],
        gender: Object.fromEntries(Gender.options.map((k) => [k, c?.breakdown.get(`gender:${k}`) ?? 0])) as ParticipationSlice["demographics"]["gender"],
        base: { ageBands: base("age"), gender: base("gender") },
      },
    };
  };
  return {
    overall: figures("all"),
    slices: Object.fromEntries(
      [...sliceNames]
        .filter((x) => x !== "all")
        .sort()
        .map((x) => [x, figures(x)]),
    ),
  };
};

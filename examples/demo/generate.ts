/**
 * The demonstration log: a deterministic, seeded simulation of a LabX-like innovation lab from 2017
 * to 2020, produced by handling commands through the lab's deciders (never assembled by hand), so
 * every event is one the rules accept. `npm run demo:generate` rewrites examples/data/.
 */
import { type ActorRole, backingReplications, type LabRegister, Sector } from "../../src/lab/index.js";
import {
  type Context,
  createCodec,
  encodeJsonl,
  type Envelope,
  handle,
  InMemoryEventStore,
  labDecider,
  labEvents,
  type LabEvent,
  labHashView,
  liveRegister,
  lruStateCache,
  checkpoint,
  seal,
} from "../../src/index.js";
import { dice, prng } from "../shared/prng.js";
import * as N from "./names.js";
import { DEMO_CHECKPOINT, DEMO_LOG } from "./paths.js";

/** Knobs of the simulation; `scale` shrinks every count for quick tests. */
export interface DemoOptions {
  readonly seed?: number;
  /** 1 for the full LabX scale; 0.05 for a small log with the same shape. */
  readonly scale?: number;
}

type Profile = "mainstreamed" | "scale" | "pilot" | "pilotFailed" | "pivot" | "coDesignDropped" | "rejected" | "ongoing";
// 25 profiles reach pilot: the projects LabX reports as implemented in 2017–2020.
const PROFILES: readonly [Profile, number][] = [
  ["mainstreamed", 8],
  ["scale", 6],
  ["pilot", 6],
  ["pilotFailed", 3],
  ["pivot", 2],
  ["coDesignDropped", 4],
  ["rejected", 4],
  ["ongoing", 3],
];

interface Step {
  /** Business time (ms). */
  at: number;
  /** When it was recorded (ms), filled in per stream so record time never goes backwards. */
  rec: number;
  role: ActorRole;
  actorId: string;
  command: Record<string, unknown> | ((lookup: Lookup) => Record<string, unknown>);
}
type Lookup = (key: string) => string;

// An evaluation claims level 4 or 5 only as far as the replications in the log by its date back it.
const claimBacked = (body: Record<string, unknown>, register: LabRegister, at: string): Record<string, unknown> => {
  if (body.type !== "PublishEvaluation" || typeof body.evidenceLevel !== "number" || body.evidenceLevel <= 3) return body;
  const backed = backingReplications(register.replications(String(body.projectId)), at).length;
  return { ...body, evidenceLevel: Math.min(body.evidenceLevel, 3 + Math.min(2, backed)) };
};

const DAY = 86_400_000;
const HOUR = 3_600_000;
const START = Date.UTC(2017, 2, 1);
const END = Date.UTC(2020, 11, 31, 18);
const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Generate the demonstration log: every event, in the order it was recorded.
 *
 * @example
 * const events = await generateDemoLog({ seed: 2017, scale: 0.05 }); // a small one for tests
 */
export const generateDemoLog = async (options: DemoOptions = {}): Promise<Envelope<LabEvent>[]> => {
  const random = prng(options.seed ?? 2017);
  const d = dice(random);
  const scale = options.scale ?? 1;
  const count = (x: number): number => Math.max(1, Math.round(x * scale));

  // --- The organisation register ------------------------------------------------------------
  const registrations: Step[] = [];
  const publicIds: string[] = [];
  const otherIds: { id: string; kind: "business" | "academia" | "civil_society" }[] = [];
  const territoryOf = new Map<string, string>();
  const register = (
    entityId: string,
    name: string,
    kind: "public" | "business" | "academia" | "civil_society",
    sector: Sector,
    level: "national" | "regional" | "local" | undefined,
    territory: string | undefined,
  ): void => {
    const at = START - 40 * DAY + registrations.length * HOUR;
    registrations.push({
      at,
      rec: at,
      role: "system",
      actorId: "sys-import",
      command: { type: "RegisterEntity", entityId, name, kind, sector, ...(level ? { level } : {}), ...(territory ? { territory } : {}) },
    });
    if (territory) territoryOf.set(entityId, territory);
    if (kind === "public") publicIds.push(entityId);
    else otherIds.push({ id: entityId, kind });
  };
  // Every sector a challenge can name, except the catch-all.
  const sectors = Sector.options.filter((s) => s !== "other");
  N.nationalBodies.slice(0, count(N.nationalBodies.length)).forEach((name, i) =>
    // National bodies sit in Lisbon.
    register(`pub-nat-${String(i + 1).padStart(3, "0")}`, name, "public", sectors[i % sectors.length] as Sector, "national", "PT170"),
  );
  let r = 0;
  for (const [region, nuts] of N.regions)
    for (const body of N.regionalBodies)
      if (r++ < count(28))
        register(
          `pub-reg-${String(r).padStart(3, "0")}`,
          `${body}, ${region}`,
          "public",
          body.includes("Health") ? "health" : body.includes("Agriculture") ? "agriculture" : body.includes("Employment") ? "employment" : "local_government",
          "regional",
          nuts,
        );
  N.municipalities.slice(0, count(N.municipalities.length)).forEach(([m, nuts], i) =>
    // Illustrative local codes: the region's NUTS 2 code and the municipality's number in this list.
    register(
      `pub-loc-${String(i + 1).padStart(3, "0")}`,
      `Municipality of ${m}`,
      "public",
      "local_government",
      "local",
      `${nuts}:${String(i + 1).padStart(4, "0")}`,
    ),
  );
  // Businesses, universities and associations, most of them around Lisbon and Porto.
  const somewhere = (): string => d.pick(["PT17", "PT17", "PT17", "PT11", "PT11", "PT16", "PT18", "PT15", "PT20", "PT30"]);
  for (let i = 0; i < count(120); i++)
    register(
      `biz-${String(i + 1).padStart(3, "0")}`,
      `${d.pick(N.businessWords)}${d.pick(N.businessWords).toLowerCase()} ${d.pick(N.businessSuffixes)} ${i + 1}`,
      "business",
      d.pick(sectors),
      undefined,
      somewhere(),
    );
  N.academia
    .slice(0, count(N.academia.length))
    .forEach((name, i) => register(`aca-${String(i + 1).padStart(3, "0")}`, name, "academia", "education", undefined, somewhere()));
  // Some associations register without saying where they are: they count under "unknown".
  for (let i = 0; i < count(36); i++)
    register(
      `civ-${String(i + 1).padStart(3, "0")}`,
      `${d.pick(N.civilSocietyKinds)} for ${d.pick(N.civilSocietyTopics)} ${i + 1}`,
      "civil_society",
      "other",
      undefined,
      d.chance(0.7) ? somewhere() : undefined,
    );

  // --- People -------------------------------------------------------------------------------
  let citizens = 0;
  let servants = 0;
  const citizenRefs: string[] = [];
  const servantRefs: { ref: string; entity: string }[] = [];
  // References as a host would mint them: 128-bit tokens (here from the seeded generator, as 32 hex digits).
  const ref = (_n: number): string => d.hex(32);
  const newCitizen = (): string => {
    const x = ref(++citizens);
    citizenRefs.push(x);
    return x;
  };
  const attendeesFor = (size: number, projectEntities: readonly string[]) => {
    const list: { participantRef: string; role: string; affiliationEntityId?: string }[] = [];
    const seen = new Set<string>();
    const add = (a: { participantRef: string; role: string; affiliationEntityId?: string }): void => {
      if (seen.has(a.participantRef)) return;
      seen.add(a.participantRef);
      list.push(a);
    };
    for (let i = 0; i < size; i++) {
      // Most citizens are new to the lab; some come back, sometimes to another project.
      add({ participantRef: citizenRefs.length > 50 && d.chance(0.12) ? d.pick(citizenRefs) : newCitizen(), role: "citizen" });
    }
    for (let i = 0, k = d.int(4, 12); i < k; i++) {
      if (servantRefs.length > 30 && d.chance(0.1)) {
        const back = d.pick(servantRefs);
        add({ participantRef: back.ref, role: "civil_servant", affiliationEntityId: back.entity });
      } else {
        const entity = d.chance(0.5) && projectEntities.length > 0 ? d.pick(projectEntities) : d.pick(publicIds);
        const s = { ref: ref(++servants + 5), entity };
        servantRefs.push(s);
        add({ participantRef: s.ref, role: "civil_servant", affiliationEntityId: entity });
      }
    }
    if (d.chance(0.4)) add({ participantRef: ref(citizens + servants + 7), role: d.pick(["business", "expert"]) });
    return list;
  };

  // --- Projects -----------------------------------------------------------------------------
  const profiles = d.shuffle(PROFILES.flatMap(([p, n]) => Array.from({ length: scale >= 1 ? n : Math.max(1, Math.round(n * scale * 4)) }, () => p)));
  const partnerPool = d.shuffle([...publicIds.slice(20), ...otherIds.map((o) => o.id)]);
  let partnerCursor = 0;
  const scripts: Step[][] = [];
  const dms = Array.from({ length: 10 }, (_, i) => `dm-${String(i + 1).padStart(2, "0")}`);
  const leads = Array.from({ length: 8 }, (_, i) => `lt-${String(i + 1).padStart(2, "0")}`);

  const started: { projectId: string; at: number; implemented: boolean }[] = [];
  profiles.forEach((profile, index) => {
    const projectId = `lx-${String(index + 1).padStart(3, "0")}`;
    const [title, sector] = N.challengeTopics[index % N.challengeTopics.length] as [string, Sector];
    const implemented = ["mainstreamed", "scale", "pilot", "pilotFailed", "pivot"].includes(profile);
    const span = implemented ? END - 560 * DAY - START : END - 120 * DAY - START;
    // Projects that went all the way started early: it takes LabX's projects years to reach the mainstream.
    const window = profile === "mainstreamed" ? 0.3 : 0.85;
    let t = profile === "ongoing" ? Date.UTC(2020, d.int(2, 8), d.int(1, 28)) : START + Math.floor(random() * span * window);
    const steps: Step[] = [];
    const lead = d.pick(leads);
    const owner = d.pick(publicIds.slice(0, Math.min(publicIds.length, 60)));
    const joined: string[] = [owner];
    const refused: string[] = [];
    const go = (days: number, role: ActorRole, actorId: string, command: Step["command"]): void => {
      t += Math.max(1, Math.round(days * DAY * (0.6 + random() * 0.8)));
      if (t > END) return;
      steps.push({ at: t, rec: 0, role, actorId, command });
    };
    const team = (): string => d.pick(leads);
    const p = { projectId };
    const approvers = () =>
      d
        .shuffle(dms)
        .slice(0, d.int(1, 3))
        .map((id) => ({ id, role: "decision_maker" }));
    const gate = (g: string, outcome = "go", extra: Record<string, unknown> = {}) => {
      // The decision is recorded by one of the board members who took it.
      const board = approvers();
      go(d.int(3, 12), "decision_maker", board[0]?.id ?? "dm-01", {
        type: "RecordGateDecision",
        ...p,
        gate: g,
        outcome,
        approvers: board,
        evidence: [`${projectId}-${g.toLowerCase()}-dossier.pdf`],
        rationale:
          outcome === "go"
            ? "Requirements met; evidence reviewed by the board."
            : outcome === "hold"
              ? "Sponsor commitment still informal; decide again next month."
              : "See the board minutes.",
        ...(outcome === "conditional_go" ? { conditions: ["The sponsor names a service owner within 30 days."] } : {}),
        ...extra,
      });
    };
    const advance = () => go(d.int(1, 5), "lab_team", team(), { type: "AdvanceStage", ...p });
    // The reluctance LabX reports: some entities say no, municipalities (half of those asked) more often.
    const decline = (days: number) => {
      const local = d.chance(0.5);
      const shy = d.pick(publicIds.filter((x) => (!local || x.startsWith("pub-loc-")) && !joined.includes(x) && !refused.includes(x)));
      refused.push(shy);
      const [reasonCode, reason] = d.pick(N.declineReasons);
      go(days, "lab_team", team(), { type: "RecordEntityDeclined", ...p, entityId: shy, reasonCode, reason });
    };
    const join = (role: string, entity?: string) => {
      const id = entity ?? (partnerPool[partnerCursor++ % partnerPool.length] as string);
      if (joined.includes(id) && role !== "sponsor") return;
      joined.push(id);
      go(d.int(2, 20), "lab_team", team(), { type: "RecordEntityJoined", ...p, entityId: id, role });
    };
    // A pause that says when work should resume: `expected` days after it starts.
    const pause = (days: number, reason: string, note: string, expected: number) => {
      const before = steps.length;
      go(days, "lab_team", team(), { type: "PauseProject", ...p, reason, note });
      const step = steps[before];
      if (step && typeof step.command === "object") step.command.expectedResumeAt = iso(step.at + expected * DAY);
    };
    // Each person present answers or not: citizens of every age, civil servants of working age.
    const breakdown = (present: number, staff: boolean) => {
      const ageBands: Record<string, number> = {};
      const gender: Record<string, number> = {};
      for (let i = 0; i < present; i++) {
        const band = d.chance(0.1)
          ? "undisclosed"
          : staff
            ? d.pick(["18_29", "30_44", "30_44", "45_64", "45_64"])
            : d.pick(["under_18", "18_29", "30_44", "45_64", "45_64", "65_plus"]);
        ageBands[band] = (ageBands[band] ?? 0) + 1;
        const g = d.chance(0.05) ? "undisclosed" : d.chance(0.01) ? "other" : d.chance(0.54) ? "female" : "male";
        gender[g] = (gender[g] ?? 0) + 1;
      }
      return { ageBands, gender };
    };
    let sessionNo = 0;
    const session = (kind: string, size: number, headcount = 0) => {
      const sessionId = `${projectId}-s${String(++sessionNo).padStart(2, "0")}`;
      const fac = `fa-0${d.int(1, 5)}`;
      const venue = d.pick(joined);
      go(d.int(4, 15), "facilitator", fac, {
        type: "ScheduleSession",
        ...p,
        sessionId,
        kind,
        mode: d.pick(["in_person", "in_person", "online", "hybrid"]),
        scheduledFor: iso(t + 7 * DAY),
        // Held where one of the project's organisations is.
        ...(territoryOf.has(venue) ? { territory: territoryOf.get(venue) } : {}),
      });
      const held = t + 7 * DAY + d.int(1, 8) * HOUR;
      const people = attendeesFor(size, joined);
      for (let i = 0; i < people.length; i += 60) {
        const at = held + HOUR * (1 + i / 60);
        if (at <= END)
          steps.push({
            at,
            rec: 0,
            role: "facilitator",
            actorId: fac,
            command: { type: "RecordAttendance", ...p, sessionId, attendees: people.slice(i, i + 60), occurredAt: iso(at) },
          });
      }
      t = held + 6 * HOUR;
      const anonymous = { citizens: headcount, civilServants: headcount > 0 ? d.int(0, 12) : 0, business: headcount > 0 ? d.int(0, 5) : 0, other: 0 };
      // Half the sessions ask everyone present for an anonymous age band and gender (some prefer not to say).
      const present = people.length + anonymous.citizens + anonymous.civilServants + anonymous.business;
      const demographics = d.chance(0.5) ? breakdown(present, kind === "training") : undefined;
      if (t <= END)
        steps.push({
          at: t,
          rec: 0,
          role: "facilitator",
          actorId: fac,
          command: {
            type: "CloseSession",
            ...p,
            sessionId,
            anonymousHeadcount: anonymous,
            contributions: d.int(5, 60),
            ...(demographics === undefined ? {} : { demographics }),
          },
        });
    };

    // Later projects sometimes replicate an earlier implemented one's solution for another owner.
    const origins = started.filter((x) => x.implemented && x.at < t).map((x) => x.projectId);
    const replicationOf = index >= 18 && origins.length > 0 && d.chance(0.25) ? d.pick(origins) : undefined;
    started.push({ projectId, at: t, implemented });
    go(0, "lab_team", lead, {
      type: "SubmitChallenge",
      ...p,
      ...(replicationOf === undefined ? {} : { replicationOf }),
      title,
      problemStatement: `Citizens and businesses told the lab: "${title.toLowerCase()}" is a problem today.`,
      sector,
      ownerEntityId: owner,
      leadId: lead,
      facet: d.pick(["enhancement", "mission", "adaptive", "anticipatory"]),
    });
    if (profile === "rejected") {
      go(d.int(10, 30), "decision_maker", d.pick(dms), {
        type: "RejectChallenge",
        ...p,
        reason: d.pick(["Already addressed by an ongoing national programme.", "Outside the lab's mandate.", "No public entity willing to own it."]),
      });
      scripts.push(steps);
      return;
    }
    go(d.int(7, 25), "decision_maker", d.pick(dms), { type: "AcceptChallenge", ...p });
    // Money: most projects run on the national budget or EU funds, some on the owner's; some get a second line.
    const budgets: string[] = [];
    const allocate = (source: string, amount: number) => {
      const budgetId = `${projectId}-b${budgets.length + 1}`;
      const before = steps.length;
      go(d.int(3, 20), "decision_maker", d.pick(dms), {
        type: "AllocateBudget",
        ...p,
        budgetId,
        source,
        amount: { amount, currency: "EUR" },
        fiscalYear: new Date(Math.min(t, END)).getUTCFullYear(),
      });
      // Past the end of the simulation nothing is recorded, and nothing can be charged to it.
      if (steps.length > before) budgets.push(budgetId);
    };
    allocate(d.pick(["national_budget", "national_budget", "eu_funds", "eu_funds", "owner_entity"]), d.int(40, 200) * 1000);
    if (d.chance(0.3)) allocate(d.pick(["partners", "eu_funds", "owner_entity"]), d.int(20, 120) * 1000);
    let costs = 0;
    const cost = (days: number, category: string, amount: number, description: string, procurementId?: string) =>
      budgets.length > 0 &&
      go(days, "lab_team", team(), {
        type: "RecordCost",
        ...p,
        costId: `${projectId}-c${String(++costs).padStart(2, "0")}`,
        budgetId: d.pick(budgets),
        category,
        amount: { amount, currency: "EUR" },
        ...(procurementId === undefined ? {} : { procurementId }),
        description,
      });
    const sponsor = d.pick(publicIds.filter((x) => x !== owner));
    join("sponsor", sponsor);
    if (d.chance(0.5)) decline(d.int(3, 15));
    if (d.chance(0.3)) gate("G1", "hold");
    gate("G1", d.chance(0.2) ? "conditional_go" : "go");
    advance();
    if (profile === "ongoing" && d.chance(0.5)) {
      scripts.push(steps);
      return;
    }
    // Co-design: the lab asks more public entities than take part.
    for (let i = 0, n = d.int(0, 2); i < n; i++) decline(d.int(1, 3));
    const partners = d.int(4, 9);
    for (let i = 0; i < partners; i++) join("partner");
    const kpis = d.int(1, 3);
    const ups: boolean[] = [];
    const baselines: number[] = [];
    const targets: number[] = [];
    for (let k = 1; k <= kpis; k++) {
      const up = d.chance(0.5);
      ups[k] = up;
      const base = d.int(20, 80);
      baselines[k] = base;
      go(d.int(2, 10), "evaluator", `ev-0${d.int(1, 4)}`, {
        type: "DefineKpi",
        ...p,
        kpiId: `k${k}`,
        name: up ? "Share of requests completed online" : "Days to complete the service",
        category: up ? "digital_uptake" : "service_time",
        unit: up ? "%" : "days",
        direction: up ? "increase" : "decrease",
        baseline: { value: base, measuredAt: iso(t - 30 * DAY), source: "administrative records" },
        target: { value: (targets[k] = up ? Math.min(100, base + d.int(10, 40)) : Math.max(1, base - d.int(10, 19))), by: iso(t + 700 * DAY) },
      });
    }
    const sessions = Math.max(2, Math.round(d.int(7, 12) * Math.min(1, scale * 4)));
    const procurement = d.chance(0.6);
    let requested = false;
    for (let s = 0; s < sessions; s++) {
      session(
        d.pick(["workshop", "workshop", "focus_group", "interview", "user_test", "survey"]),
        Math.round(d.int(32, 56) * Math.min(1, scale * 8)),
        d.chance(0.15) ? d.int(40, 300) : 0,
      );
      if (procurement && !requested && s === 1) {
        requested = true;
        go(d.int(2, 6), "lab_team", team(), {
          type: "RequestProcurement",
          ...p,
          procurementId: `${projectId}-pr1`,
          procedure: d.pick(["consultation", "direct", "open", "pre_commercial", "innovation_partnership"]),
          description: "Design and build of the pilot service.",
          estimatedValue: { amount: d.int(15, 250) * 1000, currency: "EUR" },
        });
      }
    }
    if (profile === "coDesignDropped") {
      if (d.chance(0.5)) pause(d.int(5, 20), "entity_reluctance", "The owner asked for time to reconsider.", d.int(20, 60));
      if (requested)
        go(d.int(10, 40), "lab_team", team(), { type: "CancelProcurement", ...p, procurementId: `${projectId}-pr1`, reason: "No compliant bid was received." });
      go(d.int(30, 120), "decision_maker", d.pick(dms), {
        type: "DiscontinueProject",
        ...p,
        reasonCode: requested ? "procurement_failed" : "entity_reluctance",
        lessons: "Secure the owner's commitment and the budget line before co-design starts.",
      });
      scripts.push(steps);
      return;
    }
    // The lab's own staff time in co-design.
    cost(d.int(1, 5), "staff", d.int(8, 30) * 1000, "Lab team time in co-design.");
    if (requested) {
      const slow = d.chance(0.5);
      const contracted = d.int(12, 240) * 1000;
      // Teams expect a contract in one to three months; slow ones take longer.
      if (slow) pause(d.int(5, 15), "procurement", "Waiting for the contract.", d.int(30, 90));
      go(slow ? d.int(90, 200) : d.int(20, 60), "lab_team", team(), {
        type: "ContractProcurement",
        ...p,
        procurementId: `${projectId}-pr1`,
        supplierEntityId: d.pick(otherIds.filter((o) => o.kind === "business")).id,
        value: { amount: contracted, currency: "EUR" },
      });
      cost(d.int(1, 10), "procurement", contracted, "Contract for the design and build of the pilot service.", `${projectId}-pr1`);
      if (slow) go(d.int(1, 5), "lab_team", team(), { type: "ResumeProject", ...p });
    }
    if (profile === "ongoing") {
      scripts.push(steps);
      return;
    }
    gate("G2");
    advance();
    // Pilot.
    const pilotEntities = [owner, ...joined.filter((x) => x !== owner && publicIds.includes(x)).slice(0, d.int(0, 3))];
    // About two pilots in five are measured against a comparison group (sites not yet using the service).
    const design = d.pick(["before_after", "before_after", "before_after", "difference_in_differences", "randomised_trial"] as const);
    // The comparison group mostly does worse than the pilot sites: lower when the KPI should rise, higher when it should fall.
    const measured = (value: number, k: number) => {
      if (design === "before_after") return { value, method: design };
      const gap = d.int(-5, 20);
      const comparison = Math.max(0, ups[k] ? value - gap : value + gap);
      return { value, method: design, comparison, sampleSize: d.int(200, 2000), comparisonSampleSize: d.int(200, 2000) };
    };
    // The level an evaluation aims at follows from its design: 2 before/after, 3 with a comparison group, 4–5 once replicated
    // independently — and it claims no more than the log's replications back when it is published (`claimBacked`).
    const evaluation = (outcome: string, reportRef: string) => {
      const replications = design === "before_after" ? 0 : d.int(0, 2);
      return {
        type: "PublishEvaluation",
        ...p,
        outcome,
        evidenceLevel: design === "before_after" ? 2 : 3 + replications,
        method: design,
        reportRef,
      };
    };
    const pilot = () => {
      // About one project in four with several public entities pilots the same solution in two places at once.
      const second = pilotEntities.length >= 2 && d.chance(0.25) ? pilotEntities.at(-1) : undefined;
      const twin = second === undefined ? {} : { pilotId: "pilot-a" };
      go(d.int(10, 30), "lab_team", team(), {
        type: "StartPilot",
        ...p,
        ...twin,
        sites: d.int(1, 12),
        entityIds: second === undefined ? pilotEntities : pilotEntities.slice(0, -1),
        plannedEnd: iso(t + d.int(120, 240) * DAY),
        // The pilot runs where its last regional or local entity is, or where its owner sits.
        ...(territoryOf.has(pilotEntities.at(-1) ?? owner) ? { territory: territoryOf.get(pilotEntities.at(-1) ?? owner) } : {}),
      });
      if (second !== undefined)
        go(d.int(1, 20), "lab_team", team(), {
          type: "StartPilot",
          ...p,
          pilotId: "pilot-b",
          sites: d.int(1, 6),
          entityIds: [second],
          plannedEnd: iso(t + d.int(120, 240) * DAY),
          ...(territoryOf.has(second) ? { territory: territoryOf.get(second) } : {}),
        });
      session("user_test", Math.round(d.int(20, 40) * Math.min(1, scale * 8)));
      // Capacity building: the civil servants who will run the service are trained during the pilot.
      session("training", 0);
      cost(d.int(2, 10), d.pick(["equipment", "travel", "services"]), d.int(2, 25) * 1000, "Running the pilot at its sites.");
      for (let m = 0, n = d.int(2, 5); m < n; m++) {
        // The period is the month before the measurement is recorded (arguments are read before `go` moves time on).
        for (let k = 1; k <= kpis; k++)
          go(d.int(20, 40), "evaluator", `ev-0${d.int(1, 4)}`, {
            type: "MeasureKpi",
            ...p,
            kpiId: `k${k}`,
            // Pilots move a KPI from its baseline part of the way to its target, some beyond it, some the wrong way.
            ...measured(Math.max(0, Math.round((baselines[k] ?? 0) + ((targets[k] ?? 0) - (baselines[k] ?? 0)) * (d.int(-30, 130) / 100))), k),
            periodStart: iso(t - 20 * DAY),
            periodEnd: iso(t + 10 * DAY),
            source: "pilot service logs",
          });
      }
      if (d.chance(0.3))
        go(d.int(3, 10), "evaluator", "ev-01", (lookup) => ({
          type: "CorrectKpiMeasurement",
          ...p,
          kpiId: "k1",
          correctsEventId: lookup(`${projectId}/k1`),
          value: d.int(5, 95),
          reason: "Duplicate records removed from the pilot logs.",
        }));
      go(d.int(30, 90), "lab_team", team(), { type: "EndPilot", ...p, ...twin });
      if (second !== undefined) go(d.int(1, 30), "lab_team", team(), { type: "EndPilot", ...p, pilotId: "pilot-b" });
    };
    pilot();
    if (profile === "pivot") {
      go(d.int(10, 20), "evaluator", "ev-02", evaluation("inconclusive", `${projectId}-evaluation-1.pdf`));
      gate("G3", "recycle", { recycleTo: "co_design", rationale: "Users could not complete the service without help; redesign with them." });
      go(d.int(2, 6), "lab_team", team(), { type: "PivotProject", ...p, rationale: "Back to co-design to rework the journey with users." });
      session("workshop", Math.round(30 * Math.min(1, scale * 8)));
      gate("G2");
      advance();
      pilot();
    }
    const outcome = profile === "pilotFailed" ? "failed" : d.chance(0.7) ? "success" : "partial";
    go(d.int(10, 30), "evaluator", `ev-0${d.int(1, 4)}`, evaluation(outcome, `${projectId}-evaluation.pdf`));
    if (profile === "pilotFailed") {
      gate("G3", "no_go", { rationale: "The pilot did not reduce the time to complete the service." });
      go(d.int(5, 20), "decision_maker", d.pick(dms), {
        type: "DiscontinueProject",
        ...p,
        reasonCode: "evaluation_failed",
        lessons: "Measure the baseline in the pilot sites before starting.",
      });
      scripts.push(steps);
      return;
    }
    if (profile === "pilot") {
      scripts.push(steps);
      return;
    }
    gate("G3");
    advance();
    for (let a = 0, n = d.int(1, 5); a < n; a++) {
      const adopter = d.pick(publicIds);
      const before = steps.length;
      go(d.int(20, 90), "lab_team", team(), {
        type: "RecordAdoption",
        ...p,
        entityId: adopter,
        ...(territoryOf.has(adopter) ? { territory: territoryOf.get(adopter) } : {}),
        scaleType: d.pick(["out", "out", "up", "deep"]),
        sites: d.int(1, 40),
        usersCovered: d.int(500, 120_000),
        status: "committed",
      });
      // Committed when recorded, planned to go live about two months later. Nothing is recorded past
      // the end of the simulation: then there is nothing to update either.
      const step = steps.length > before ? steps.at(-1) : undefined;
      const goLiveAt = step && typeof step.command === "object" ? (step.command.goLiveAt = iso(step.at + d.int(30, 90) * DAY)) : undefined;
      // Most go live once the date has passed; some are withdrawn.
      if (typeof goLiveAt === "string")
        go(d.int(110, 200), "lab_team", team(), {
          type: "UpdateAdoption",
          ...p,
          entityId: adopter,
          ...(d.chance(0.85) ? { status: "live", goLiveAt } : { status: "withdrawn" }),
        });
    }
    if (profile === "mainstreamed") {
      gate("G4");
      go(d.int(5, 20), "decision_maker", d.pick(dms), { type: "MainstreamProject", ...p });
    }
    scripts.push(steps);
  });

  // A few participants ask to be forgotten near the end.
  const forgets: Step[] = d
    .shuffle(citizenRefs)
    .slice(0, 3)
    .map((x, i) => ({ at: END - (10 - i) * DAY, rec: 0, role: "lab_team", actorId: "lt-01", command: { type: "ForgetParticipant", participantRef: x } }));

  // --- Record time: a while after the fact, never backwards within a stream ----------------------
  const all: Step[] = [...registrations];
  for (const steps of [...scripts, ...forgets.map((f) => [f])]) {
    let last = 0;
    for (const s of steps) {
      s.rec = Math.min(END + 3 * DAY, Math.max(last + 60_000, s.at + d.int(0, 36) * HOUR));
      last = s.rec;
      all.push(s);
    }
  }
  all.sort((a, b) => a.rec - b.rec);

  // --- Handle every command through the deciders --------------------------------------------------
  const store = new InMemoryEventStore<LabEvent>();
  const cache = lruStateCache<typeof labDecider.initialState>(10_000);
  const measured = new Map<string, string>();
  const lookup: Lookup = (key) => measured.get(key) ?? "none";
  const lab = liveRegister();
  let seq = 0;
  let ids = 0;
  for (const s of all) {
    const body = typeof s.command === "function" ? s.command(lookup) : s.command;
    const dated = body.type === "RegisterEntity" || body.type === "ForgetParticipant" || "occurredAt" in body ? body : { ...body, occurredAt: iso(s.at) };
    const command = claimBacked(dated, lab.register, typeof dated.occurredAt === "string" ? dated.occurredAt : iso(s.rec));
    const ctx: Context = {
      now: () => new Date(s.rec),
      newId: () => `ev-${String(++ids).padStart(6, "0")}-${d.hex(6)}`,
      actor: { id: s.actorId, role: s.role },
      commandId: `cmd-${String(++seq).padStart(6, "0")}`,
    };
    const result = await handle(store, labDecider, command, { ...ctx, register: lab.register }, { cache });
    if (result.ok) lab.record(result.value.events);
    if (!result.ok)
      throw new Error(
        `demo generator: ${String(body.type)} on ${String(body.projectId ?? body.entityId ?? "")} refused: ${result.error.code} — ${result.error.message}`,
      );
    for (const e of result.value.events) if (e.type === "KpiMeasured") measured.set(`${e.data.projectId}/${e.data.kpiId}`, e.id);
  }
  // Sealed as the lab would before publishing: per-stream hash chains over digested references.
  return seal(
    (await store.readAll()).map((x) => x.event),
    { hashView: labHashView },
  );
};

if (process.argv[1]?.endsWith("generate.ts")) {
  const { writeFileSync } = await import("node:fs");
  const events = await generateDemoLog();
  const text = encodeJsonl(createCodec(labEvents), events);
  writeFileSync(DEMO_LOG, text);
  writeFileSync(DEMO_CHECKPOINT, `${JSON.stringify(checkpoint(events, { hashView: labHashView }), null, 1)}\n`);
  console.log(`${DEMO_LOG}: ${events.length.toLocaleString("en-US")} events, ${(text.length / 1e6).toFixed(2)} MB; checkpoint in ${DEMO_CHECKPOINT}`);
}

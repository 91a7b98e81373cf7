import { REDACTED_PREFIX, redactedRef } from "../lab/index.js";
import { addBit, eachBit, hasBit } from "./bitset.js";
import type { ParticipationState } from "./participation.js";

/** One held session's anonymous counts, as the cell-key method keys them: by the session. */
export interface AnonymousRecord {
  /** The session, `projectId|sessionId`. */
  session: string;
  /** The slices the session counts in (`all`, `year:2019`, `sector:health`, `stage:pilot`). */
  slices: string[];
  /** People counted at the session without being identified. */
  headcount: number;
  /** Its anonymous breakdowns: people by age band and by declared gender (only those above zero). */
  ageBands: Record<string, number>;
  gender: Record<string, number>;
}

/**
 * Who each people count counts: what publishing needs to give the same people the same noise in
 * every table and every release (the cell-key method keys a person by their redacted form). The
 * same log gives the same records however it was projected — in one pass, in parts merged, live —
 * since people are listed by redacted form, never by the projection's own numbering.
 */
export interface ParticipationRecords {
  /** The redacted form (`sha256:…`) of every person counted, sorted: a person is their index here. */
  people: string[];
  /**
   * The people behind each distinct count of the `all`, `year:…` and `sector:…` slices, by key
   * (`*@all`, `citizen@year:2019`, `trained@all`, `both@all` for citizens who were also civil
   * servants, `other@all` for people in neither role, …): bitsets of indices into `people`.
   */
  members: Record<string, number[]>;
  /** Every held session that counted someone anonymously, by session. */
  anonymous: AnonymousRecord[];
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// The redacted form of each person by their number in the state (the state's references are in
// their one form already, so this is redactedRef without canonicalising again).
const redactedForms = (s: ParticipationState): string[] => {
  const forms: string[] = [];
  for (const [ref, n] of s.people) forms[n] = ref.startsWith(REDACTED_PREFIX) ? ref : redactedRef(ref);
  return forms;
};

// The headline's two reconciling counts have people behind them too: those counted in both roles
// (`both@…`) and those in neither (`other@…`), so they are keyed like any other count of people.
const addRoleSets = (members: Record<string, number[]>): void => {
  for (const key of Object.keys(members)) {
    if (!key.startsWith("*@")) continue;
    const slice = key.slice(2);
    const citizen = members[`citizen@${slice}`] ?? [];
    const servant = members[`civil_servant@${slice}`] ?? [];
    const both: number[] = [];
    const other: number[] = [];
    eachBit(members[key] ?? [], (i) => {
      const [c, v] = [hasBit(citizen, i), hasBit(servant, i)];
      if (c && v) addBit(both, i);
      if (!c && !v) addBit(other, i);
    });
    members[`both@${slice}`] = both;
    members[`other@${slice}`] = other;
  }
};

const recordsOf = (s: ParticipationState): ParticipationRecords => {
  const forms = redactedForms(s);
  const people = forms.filter((x): x is string => x !== undefined).sort(byText);
  const index = new Map(people.map((p, i) => [p, i]));
  const members: Record<string, number[]> = {};
  for (const [key, bits] of [...s.distinct].sort(([a], [b]) => byText(a, b))) {
    if (key.includes("@stage:")) continue;
    const out: number[] = [];
    eachBit(bits, (n) => {
      const i = index.get(forms[n] ?? "");
      if (i !== undefined) addBit(out, i);
    });
    members[key] = out;
  }
  addRoleSets(members);
  const anonymous = [...s.anonymous]
    .sort(([a], [b]) => byText(a, b))
    .map(([session, b]) => ({ session, slices: [...b.slices], headcount: b.headcount, ageBands: { ...b.ageBands }, gender: { ...b.gender } }));
  return { people, members, anonymous };
};

/**
 * Who the participation figures count, read when publishing asks (`read()`), not when the figures
 * are computed: it costs one SHA-256 per person, which figures that are never published should not
 * pay. Read once, then kept. It holds the projection state it reads from, and shows nothing of it:
 * two figures' records compare equal as values (and are lost if the figures are cloned across
 * threads — publishing then says so).
 */
export class Records {
  readonly #state: ParticipationState;
  #read: ParticipationRecords | undefined;

  /** The records of a participation state. */
  constructor(state: ParticipationState) {
    this.#state = state;
  }

  /**
   * The records: every person by redacted form, the people behind each count, the anonymous blocks.
   *
   * @example
   * const f = computeFigures(events);
   * if (f.ok) f.value.participation.records.read().people.length; // people counted
   */
  read(): ParticipationRecords {
    this.#read ??= recordsOf(this.#state);
    return this.#read;
  }
}

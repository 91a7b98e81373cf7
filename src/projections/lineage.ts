import { type DomainError, type Envelope, err, ok, project, type Result, validationError } from "../kernel/index.js";
import type { LabEvent } from "../lab/index.js";
import { type AsOf, selectAsOf } from "./as-of.js";
import { type Headline, headlineFigures, labProjectionsWith } from "./figures.js";
import type { Fact, Witness } from "./witness.js";

type Noted = { readonly ids: readonly string[]; readonly subject: string | undefined };

/**
 * Lineage: the ids of the events that produced a headline figure, in log order, so an auditor can
 * check each one. It comes from the projections themselves — the same recipes that count a fact
 * tell a witness which events it came from — so a figure and its lineage cannot disagree; and the
 * events named rebuild the figure on their own (a property test checks it on generated logs).
 * Events that only establish a fact the figure relies on are included (the `EntityRegistered` that
 * makes an organisation public, the `SessionClosed` that makes attendance count, the challenge of
 * an implemented project). Refused, like the figures, for invalid as-of options or a log out of
 * version order, and a figure that is not a headline figure's name.
 *
 * @example
 * explain(events, "projectsImplemented") // ok: each implemented project's challenge and first entry into pilot
 */
export const explain = (events: readonly Envelope<LabEvent>[], figure: keyof Headline, asOf?: AsOf): Result<string[], DomainError> => {
  if (!(headlineFigures as readonly unknown[]).includes(figure)) {
    return err(validationError("figure", [{ path: [], message: `must be the name of a headline figure: ${headlineFigures.join(", ")}` }]));
  }
  const where = asOf === undefined ? ok(undefined) : selectAsOf(asOf);
  if (!where.ok) return where;
  const notes = new Map<Fact, Noted[]>();
  const witness: Witness = {
    note: (fact, ids, subject) => {
      const list = notes.get(fact);
      if (list) list.push({ ids, subject });
      else notes.set(fact, [{ ids, subject }]);
    },
  };
  const projected = project(labProjectionsWith(witness), events, where.value === undefined ? {} : { where: where.value });
  if (!projected.ok) return projected;
  const isPublic = (id: string | undefined): boolean => id !== undefined && projected.value.state.participation.entities.get(id)?.kind === "public";
  return ok(inLogOrder(events, witnessed(figure, notes, isPublic)));
};

// The events the witness named for a figure's facts.
const witnessed = (figure: keyof Headline, notes: ReadonlyMap<Fact, readonly Noted[]>, isPublic: (id: string | undefined) => boolean): Set<string> => {
  const of = (fact: Fact, keep: (subject: string | undefined) => boolean = () => true): string[] =>
    (notes.get(fact) ?? []).flatMap((n) => (keep(n.subject) ? n.ids : []));
  switch (figure) {
    case "projects":
      return new Set(of("project"));
    case "projectsImplemented":
      return new Set(of("implemented"));
    case "distinctParticipants":
      return new Set(of("person"));
    case "citizens":
      return new Set(of("person", (role) => role === "citizen"));
    case "civilServants":
      return new Set(of("person", (role) => role === "civil_servant"));
    case "civilServantsTrained":
      return new Set(of("trained"));
    case "sessionsHeld":
      return new Set(of("session"));
    case "partners":
      return new Set(of("partner"));
    case "publicEntities": {
      // Engaged organisations count when the register, as it stands, says they are public.
      const engaged = new Set((notes.get("engaged") ?? []).flatMap((n) => (isPublic(n.subject) ? [n.subject] : [])));
      return new Set([...of("engaged", isPublic), ...of("registered", (id) => id !== undefined && engaged.has(id))]);
    }
    default: {
      const never: never = figure;
      return never;
    }
  }
};

// In log order, each event once (a redelivered event is in the log twice, in the lineage once).
const inLogOrder = (events: readonly Envelope<LabEvent>[], ids: Set<string>): string[] => {
  const out: string[] = [];
  for (const e of events) {
    if (!ids.has(e.id)) continue;
    ids.delete(e.id);
    out.push(e.id);
  }
  return out;
};

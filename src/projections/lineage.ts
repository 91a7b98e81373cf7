import { type DomainError, type Envelope, ok, project, type Result } from "../kernel/index.js";
import type { LabEvent } from "../lab/index.js";
import { type AsOf, eventsAsOf } from "./as-of.js";
import { type Headline, labProjectionsWith } from "./figures.js";
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
 * version order.
 *
 * @example
 * explain(events, "projectsImplemented") // ok: each implemented project's challenge and first entry into pilot
 */
export const explain = (events: readonly Envelope<LabEvent>[], figure: keyof Headline, asOf?: AsOf): Result<string[], DomainError> => {
  const selected = asOf === undefined ? ok(events) : eventsAsOf(events, asOf);
  if (!selected.ok) return selected;
  const notes = new Map<Fact, Noted[]>();
  const witness: Witness = {
    note: (fact, ids, subject) => {
      const list = notes.get(fact);
      if (list) list.push({ ids, subject });
      else notes.set(fact, [{ ids, subject }]);
    },
  };
  const projected = project(labProjectionsWith(witness), selected.value);
  if (!projected.ok) return projected;
  const of = (fact: Fact, keep: (subject: string | undefined) => boolean = () => true): string[] =>
    (notes.get(fact) ?? []).flatMap((n) => (keep(n.subject) ? n.ids : []));
  const ids = new Set<string>();
  const add = (list: readonly string[]): void => {
    for (const id of list) ids.add(id);
  };
  switch (figure) {
    case "projects":
      add(of("project"));
      break;
    case "projectsImplemented":
      add(of("implemented"));
      break;
    case "distinctParticipants":
      add(of("person"));
      break;
    case "citizens":
      add(of("person", (role) => role === "citizen"));
      break;
    case "civilServants":
      add(of("person", (role) => role === "civil_servant"));
      break;
    case "sessionsHeld":
      add(of("session"));
      break;
    case "partners":
      add(of("partner"));
      break;
    case "publicEntities": {
      // Engaged organisations count when the register, as it stands, says they are public.
      const isPublic = (id: string | undefined): boolean => id !== undefined && projected.value.state.participation.entities.get(id)?.kind === "public";
      const engaged = new Set((notes.get("engaged") ?? []).flatMap((n) => (isPublic(n.subject) ? [n.subject] : [])));
      add(of("engaged", isPublic));
      add(of("registered", (id) => id !== undefined && engaged.has(id)));
      break;
    }
    default: {
      const never: never = figure;
      return never;
    }
  }
  // In log order, each event once (a redelivered event is in the log twice, in the lineage once).
  const out: string[] = [];
  for (const e of selected.value) {
    if (!ids.has(e.id)) continue;
    ids.delete(e.id);
    out.push(e.id);
  }
  return ok(out);
};

import * as z from "zod";
import { Id, type Immutable, storable } from "../../kernel/index.js";

/**
 * Free text, trimmed, not empty, at most `max` characters, and nothing a store cannot keep (`storable`).
 *
 * @example
 * Text(200).parse("  Faster renewal of the citizen card ") // "Faster renewal of the citizen card"
 */
export const Text = (max: number) => storable(z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`));

/** Identifiers of projects, entities, sessions, KPIs, procurements, people on staff. */
export const ProjectId = Id;
/** An organisation's id. */
export const EntityId = Id;
/** A staff member's pseudonymous id (lead, approver). */
export const PersonId = Id;

/** A whole number of people or things. */
export const Count = z.int("must be a whole number").min(0, "must not be negative").max(10_000_000);

/**
 * An amount of money with its ISO-4217 currency.
 *
 * @example
 * Money.parse({ amount: 25000, currency: "EUR" })
 */
export const Money = z.strictObject({
  amount: z.number().min(0, "must not be negative").max(1e12).refine(Number.isFinite, "must be a finite number"),
  currency: z.string().regex(/^[A-Z]{3}$/u, "must be an ISO-4217 code such as EUR"),
});
/** An amount of money. */
export type Money = z.infer<typeof Money>;

/**
 * Where something is: a NUTS code (country, then up to three more characters for the NUTS 1, 2 and
 * 3 regions: `PT`, `PT1`, `PT11`, `PT11A`), optionally followed by `:` and a local administrative
 * unit's code (`PT11A:1312`). Checked by format only; the host keeps the names.
 *
 * @example
 * TerritoryCode.parse("PT170:1106") // Lisbon's municipality in the Lisbon metropolitan area
 */
export const TerritoryCode = z
  .string()
  .regex(/^[A-Z]{2}[0-9A-Z]{0,3}(?::[0-9A-Z]{1,12})?$/u, "must be a NUTS code (PT, PT1, PT11, PT11A), optionally with :LAU (PT11A:1312)");
/** A territorial code. */
export type TerritoryCode = z.infer<typeof TerritoryCode>;

/**
 * The NUTS 2 region a territorial code lies in (its first four characters), or the code itself
 * when it names only a country or a NUTS 1 region: figures "by region" group by this.
 *
 * @example
 * regionOf("PT11A:1312") // "PT11"
 * regionOf("PT1")        // "PT1"
 */
export const regionOf = (code: string): string => code.split(":")[0]?.slice(0, 4) ?? code;

/** References to evidence documents (file names, URLs, registry numbers), never personal data. */
export const EvidenceRefs = z.array(Text(300)).max(50);

/** A measured value: any finite number (NaN and ±Infinity are not measurements and do not survive JSON). */
export const FiniteNumber = z.number().refine(Number.isFinite, "must be finite");
/** The field every project event and command carries: the project it is about. */
export const ofProject = { projectId: ProjectId };

/** When something happened, and the event that says so: what a refusal names when a later event depends on it. */
export type Stamp = Immutable<{ at: string; eventId: string }>;

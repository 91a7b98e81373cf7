import * as z from "zod";
import { type DomainError, err, isSha256, ok, type Result, type Sha256, validationError } from "../kernel/index.js";
import type { LabFigures } from "../projections/index.js";
import { en, type Labels } from "./labels.js";

const locale = (s: string): boolean => {
  try {
    return Intl.getCanonicalLocales(s).length === 1;
  } catch {
    return false;
  }
};

const VOCABULARIES = Object.keys(en.codes);

// The member `key` of `v` when `v` is an object that has one, else undefined: what the checks of
// values holding functions (which no zod object schema can copy) read through.
const memberOf = (v: unknown, key: string): unknown => (typeof v === "object" && v !== null && key in v ? (v as Record<string, unknown>)[key] : undefined);

// Words for every vocabulary a code column reads through (an object per vocabulary).
const codes = (v: unknown): boolean => typeof v === "object" && v !== null && VOCABULARIES.every((k) => typeof memberOf(v, k) === "object");

// Labels hold functions, so they are checked for what would break formatting: an object with a
// locale `Intl` accepts, words for every vocabulary and a table of words per published table.
const LabelsSchema = z.custom<Labels>(
  (v) => {
    const tag = memberOf(v, "locale");
    return typeof tag === "string" && locale(tag) && typeof memberOf(v, "tables") === "object" && codes(memberOf(v, "codes"));
  },
  { message: "must be a Labels object (like en or ptPT) whose locale Intl accepts and with words for every vocabulary" },
);

/** Disclosure options: a whole number of people; 0 or 1 withholds nothing. */
export const DisclosureOptionsSchema = z.strictObject({
  threshold: z.number().int("threshold must be a whole number of people").min(0).max(1_000_000).optional(),
});

const Title = z.string().trim().min(1).max(500);

/** The host's secret that keys the noise: long enough that nobody can guess it and work the noise out. */
const Secret = z
  .string()
  .min(32, "must be at least 32 characters: the host's secret keys the noise, and a short one can be guessed (keep it, and reuse it for every release)")
  .max(4096, "must be at most 4,096 characters");

// Figures as computeFigures returns them: what a release publishes its people counts from (the
// records behind each count included), checked for the part protection reads.
const Figures = z.custom<LabFigures>((v) => typeof memberOf(memberOf(memberOf(v, "participation"), "records"), "read") === "function", {
  message: "must be figures as computeFigures returned them (with their records), one per release already published",
});

/**
 * Options of protection: `secret` — the host's secret (at least 32 characters) that keys the noise
 * on people counts, the same for every release; or `exact: true` — no noise, for internal use only.
 * `earlier`: the figures of the releases already published from the same log, oldest first, so that
 * this one cannot be set against them.
 */
export const ProtectionOptionsSchema = z.strictObject({
  secret: Secret.optional(),
  earlier: z.array(Figures).max(1000).optional(),
  exact: z.literal(true, { error: "must be true (exact people counts, for internal use only) or left out" }).optional(),
  labels: LabelsSchema.optional(),
});

/** Options of the HTML report. */
export const HtmlReportOptionsSchema = ProtectionOptionsSchema.extend({ title: Title.optional() });

/** Options of the Markdown report. */
export const ReportOptionsSchema = HtmlReportOptionsSchema.extend({ timelineProjects: z.number().int().min(0).max(10_000).optional() });

/** A licence as a Data Package names it. */
export const LicenceSchema = z.strictObject({
  /** An Open Definition licence id, such as `CC-BY-4.0`. */
  name: z.string().regex(/^[-A-Za-z0-9.+]+$/u, "must be a licence id such as CC-BY-4.0"),
  path: z.url(),
  title: Title,
});

/** Options of the open-data package. */
export const OpenDataOptionsSchema = HtmlReportOptionsSchema.extend({
  exact: z
    .never({ error: "is refused: open data is published, so its people counts are always protected (exact counts are for internal reports only)" })
    .optional(),
  name: z
    .string()
    .regex(/^[-a-z0-9._/]+$/u, "must be lower case letters, digits and - . _ / (a Data Package name)")
    .optional(),
  licence: LicenceSchema.optional(),
  created: z.iso.datetime({ offset: true, message: "must be an RFC 3339 date-time such as 2026-11-30T10:00:00Z" }).optional(),
  sha256: z
    .custom<Sha256>((f) => typeof f === "function" && isSha256(f as Sha256), { message: "must be SHA-256 over UTF-8 with lowercase hex output" })
    .optional(),
});

/** Check options against their schema: the parsed options, or a validation error naming the first problem. */
export const checkOptions = <S extends z.ZodType>(schema: S, subject: string, options: unknown): Result<z.infer<S>, DomainError> => {
  const parsed = schema.safeParse(options ?? {});
  return parsed.success ? ok(parsed.data) : err(validationError(subject, parsed.error.issues));
};

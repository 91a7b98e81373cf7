/**
 * Reading a log from files, as the demonstration and the auditor's tool both do: decode every line,
 * read the checkpoint that goes with it, and verify. One place, so both refuse the same way: a
 * missing or malformed file is a one-line error, a damaged line is named with its number, a log
 * that is partly sealed — or not sealed while a checkpoint vouches for it — is a broken chain.
 * Examples may do I/O; the library they call does none.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import {
  type Checkpoint,
  CheckpointSchema,
  createCodec,
  decodeJsonl,
  type Envelope,
  type LabEvent,
  labEvents,
  labHashView,
  type StoredRecord,
  verify,
} from "../../src/index.js";
import { type LineError } from "../../src/kernel/index.js";
import { checkSequence } from "../../src/kernel/index.js";

/** Why a log could not be read or trusted, and the exit code for it. */
export interface LogFailure {
  /** 1: damaged lines; 2: a broken chain or checkpoint; 3: a missing or malformed file. */
  readonly exit: 1 | 2 | 3;
  /** One line per problem, for stderr. */
  readonly lines: readonly string[];
}

/** A log read and checked. */
export interface LoadedLog {
  readonly events: readonly Envelope<LabEvent>[];
  readonly stored: readonly StoredRecord[];
  readonly streams: number;
  /** The checkpoint the log was verified against, and its file. */
  readonly checkpoint: { readonly file: string; readonly value: Checkpoint } | null;
  /** "sealed": every hash chain verified; "unsealed": no event carries a hash, so only the order was checked. */
  readonly integrity: "sealed" | "unsealed";
  /** Streams with events recorded after the checkpoint (named as the checkpoint names them). */
  readonly beyondCheckpoint: readonly string[];
}

/** Why a file cannot be read as a log or checkpoint (exit 3), or undefined when it is a regular file. */
export const notAFile = (file: string, what: string): LogFailure | undefined => {
  if (!existsSync(file)) return { exit: 3, lines: [`${file}: no such ${what} file.`] };
  // A device, a pipe or a folder (or a link to one) would be read without end, or not at all.
  if (!statSync(file).isFile()) return { exit: 3, lines: [`${file}: the ${what} is not a regular file.`] };
  return undefined;
};

/** A file's text, or a one-line failure (exit 3) when it is missing, not a regular file or unreadable. */
export const readText = (file: string, what: string): string | LogFailure => {
  const missing = notAFile(file, what);
  if (missing !== undefined) return missing;
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    return { exit: 3, lines: [`${file}: cannot read the ${what} file (${(e as NodeJS.ErrnoException).code ?? "error"}).`] };
  }
};

/** The checkpoint published beside a log: `x.jsonl` → `x.checkpoint.json`. */
export const checkpointBeside = (file: string): string => file.replace(/\.jsonl$/u, "") + ".checkpoint.json";

/**
 * The checkpoint that goes with a log: `checkpointFile`, which must exist when given, or else the file
 * beside the log if there is one (null when there is none).
 */
export const readCheckpoint = (file: string, checkpointFile?: string): LoadedLog["checkpoint"] | LogFailure => {
  const cpFile = checkpointFile ?? (existsSync(checkpointBeside(file)) ? checkpointBeside(file) : undefined);
  if (cpFile === undefined) return null;
  const cpText = readText(cpFile, "checkpoint");
  if (typeof cpText !== "string") return cpText;
  let json: unknown;
  try {
    json = JSON.parse(cpText);
  } catch {
    return { exit: 3, lines: [`${cpFile}: the checkpoint is not valid JSON.`] };
  }
  const parsed = CheckpointSchema.safeParse(json);
  if (!parsed.success)
    return {
      exit: 3,
      lines: [`${cpFile}: not a checkpoint (${parsed.error.issues[0]?.message ?? "unreadable"} at ${parsed.error.issues[0]?.path.join(".") || "the top"}).`],
    };
  return { file: cpFile, value: parsed.data };
};

/** Damaged lines, as both ways of reading a log report them: the first 50, and how many of how many. */
export const damaged = (file: string, errors: readonly LineError[], total: number, count = errors.length): LogFailure => ({
  exit: 1,
  lines: [
    ...errors.slice(0, 50).map((e) => `${file}:${e.line}: ${e.reason}`),
    `${file}: ${count} damaged line(s) out of ${total}; the log cannot be trusted as it is.`,
  ],
});

/**
 * Read, decode and verify a log. `checkpointFile` must exist when given; when absent, the file
 * beside the log is used if there is one.
 */
export const loadLog = (file: string, checkpointFile?: string): LoadedLog | LogFailure => {
  const text = readText(file, "log");
  if (typeof text !== "string") return text;
  const checkpoint = readCheckpoint(file, checkpointFile);
  if (checkpoint !== null && "exit" in checkpoint) return checkpoint;
  const { events, stored, errors } = decodeJsonl(createCodec(labEvents), text);
  if (errors.length > 0) return damaged(file, errors, errors.length + events.length);
  // A log either is sealed throughout or not at all; and a checkpoint vouches only for a sealed one.
  const sealed = stored.some((e) => e.hash !== undefined);
  if (sealed || checkpoint !== null) {
    const r = verify(stored, { hashView: labHashView, ...(checkpoint ? { checkpoint: checkpoint.value } : {}) });
    if (!r.ok) return { exit: 2, lines: [`${file}: NOT VERIFIED — ${r.error.message} [${r.error.code}]`] };
    return { events, stored, streams: r.value.streams, checkpoint, integrity: "sealed", beyondCheckpoint: r.value.beyondCheckpoint };
  }
  const r = checkSequence(events);
  if (!r.ok) return { exit: 2, lines: [`${file}: NOT VERIFIED — ${r.error.message} [${r.error.code}]`] };
  return { events, stored, streams: r.value.streams, checkpoint, integrity: "unsealed", beyondCheckpoint: [] };
};

/** Is this a failure rather than a log? */
export const failed = <T extends object>(x: T | LogFailure): x is LogFailure => "exit" in x;

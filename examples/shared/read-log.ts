/**
 * Reading a log from a file as it streams in, as the demonstration and the auditor's tool do: each
 * piece of the file is decoded, its records verified and its events handed on as they are read, so
 * a log of ten million events is checked and counted without being held. The verdict is the one
 * `loadLog` gives for the whole file (see load-log.ts): damaged lines, a broken chain or
 * checkpoint, a log that is partly sealed or not sealed at all.
 * Examples may do I/O; the library they call does none.
 */
import { hash } from "node:crypto";
import { createReadStream } from "node:fs";
import { createCodec, decodeJsonlChunks, type Envelope, type LabEvent, labEvents, labHashView, startVerification } from "../../src/index.js";
import { type LineError, type SequenceCheck, startSequenceCheck } from "../../src/kernel/index.js";
import { damaged, type LoadedLog, type LogFailure, notAFile, readCheckpoint } from "./load-log.js";

/** A log read and checked, without its events (they went to the reader's `onEvents` as they came). */
export type ReadLog = Omit<LoadedLog, "events" | "stored"> & { readonly events: number };

// In Node, node:crypto's SHA-256: the same hashes as the library's default, several times faster.
const sha256 = (text: string): string => hash("sha256", text, "hex");

/**
 * Read, decode and verify a log piece by piece, giving `onEvents` the events of each piece as they
 * are decoded. `checkpointFile` must exist when given; when absent, the file beside the log is used
 * if there is one.
 */
export const readLog = async (
  file: string,
  checkpointFile: string | undefined,
  onEvents: (events: readonly Envelope<LabEvent>[]) => void,
): Promise<ReadLog | LogFailure> => {
  const missing = notAFile(file, "log");
  if (missing !== undefined) return missing;
  const checkpoint = readCheckpoint(file, checkpointFile);
  if (checkpoint !== null && "exit" in checkpoint) return checkpoint;
  const verification = startVerification({ hashView: labHashView, events: labEvents, sha256, ...(checkpoint ? { checkpoint: checkpoint.value } : {}) });
  // Without a checkpoint, the order is checked too, in case the log is not sealed at all (dropped at the first hash).
  let sequence: SequenceCheck<LabEvent> | undefined = checkpoint === null ? startSequenceCheck() : undefined;
  let sealed = false;
  let events = 0;
  let errorCount = 0;
  const errors: LineError[] = [];
  try {
    for await (const part of decodeJsonlChunks(createCodec(labEvents), createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 }))) {
      errorCount += part.errors.length;
      errors.push(...part.errors.slice(0, Math.max(0, 50 - errors.length)));
      for (let i = 0; i < part.stored.length; i++) {
        const record = part.stored[i];
        sealed ||= record?.hash !== undefined;
        verification.push(record);
        if (sealed) sequence = undefined;
        else sequence?.push(part.events[i] as Envelope<LabEvent>);
      }
      events += part.events.length;
      onEvents(part.events);
    }
  } catch (e) {
    return { exit: 3, lines: [`${file}: cannot read the log file (${(e as NodeJS.ErrnoException).code ?? "error"}).`] };
  }
  if (errorCount > 0) return damaged(file, errors, errorCount + events, errorCount);
  // A log either is sealed throughout or not at all; and a checkpoint vouches only for a sealed one.
  if (sequence === undefined) {
    const r = verification.finish();
    if (!r.ok) return { exit: 2, lines: [`${file}: NOT VERIFIED — ${r.error.message} [${r.error.code}]`] };
    return { events, streams: r.value.streams, checkpoint, integrity: "sealed", beyondCheckpoint: r.value.beyondCheckpoint };
  }
  const r = sequence.finish();
  if (!r.ok) return { exit: 2, lines: [`${file}: NOT VERIFIED — ${r.error.message} [${r.error.code}]`] };
  return { events, streams: r.value.streams, checkpoint, integrity: "unsealed", beyondCheckpoint: [] };
};

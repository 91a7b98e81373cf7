// One worker of the parallel rebuild: decode its part of the log and project it.
import { parentPort } from "node:worker_threads";
import { createCodec, decodeJsonl, labEvents, labProjections, project } from "../../src/index.js";

const codec = createCodec(labEvents);
parentPort?.on("message", (text: string) => {
  const decoded = decodeJsonl(codec, text);
  if (decoded.errors.length > 0) {
    parentPort?.postMessage({ ok: false, error: `line ${decoded.errors[0]?.line}: ${decoded.errors[0]?.reason}` });
    return;
  }
  const projected = project(labProjections, decoded.events);
  parentPort?.postMessage(projected.ok ? { ok: true, projected: projected.value } : { ok: false, error: projected.error.message });
});

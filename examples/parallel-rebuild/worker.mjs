// Starts a worker thread on the TypeScript worker: tsx's loader is registered in the thread first.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");

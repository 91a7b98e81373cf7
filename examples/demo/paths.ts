/** The committed demonstration log's path, relative to the repository root. */
export const DEMO_LOG = "examples/data/labx-2017-2020.jsonl";
/** The checkpoint published with the demonstration log. */
export const DEMO_CHECKPOINT = "examples/data/labx-2017-2020.checkpoint.json";

/** The committed demonstration log's path, relative to the repository root. */
export const DEMO_LOG = "examples/data/labx-2017-2020.jsonl";

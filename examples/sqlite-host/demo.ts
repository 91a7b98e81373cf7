/**
 * A real host: handle commands through a SQLite event store, close the database, reopen it,
 * rebuild the figures from what was stored, and show they are the same.
 *
 * Run: npx tsx examples/sqlite-host/demo.ts
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { must } from "../../src/testing/index.js";
import { computeFigures, type Context, handle, labDecider, type LabEvent, liveRegister } from "../../src/index.js";
import { SqliteEventStore } from "./sqlite-event-store.js";

const file = join(mkdtempSync(join(tmpdir(), "labx-host-")), "lab.db");
let seq = 0;
let minute = 0;
let command = 0;
const ctx = (role: Context["actor"]["role"], id: string): Context => ({
  now: () => new Date(Date.UTC(2019, 4, 6, 9, minute++)),
  newId: () => `evt-${++seq}`,
  actor: { id, role },
  commandId: `cmd-${++command}`,
});
const p = { projectId: "lx-900" };
const commands: [Context, Record<string, unknown>][] = [
  [
    ctx("system", "import"),
    { type: "RegisterEntity", entityId: "ama", name: "Agency for Administrative Modernisation", kind: "public", level: "national", sector: "digital_services" },
  ],
  [
    ctx("system", "import"),
    { type: "RegisterEntity", entityId: "cm-porto", name: "Municipality of Porto", kind: "public", level: "local", sector: "local_government" },
  ],
  [
    ctx("lab_team", "lt-01"),
    {
      type: "SubmitChallenge",
      ...p,
      title: "Book a citizen-shop slot online",
      problemStatement: "Queues at citizen shops are long.",
      sector: "digital_services",
      ownerEntityId: "ama",
      leadId: "lt-01",
    },
  ],
  [ctx("decision_maker", "dm-01"), { type: "AcceptChallenge", ...p }],
  [ctx("lab_team", "lt-01"), { type: "RecordEntityJoined", ...p, entityId: "cm-porto", role: "sponsor" }],
  [
    ctx("decision_maker", "dm-02"),
    {
      type: "RecordGateDecision",
      ...p,
      gate: "G1",
      outcome: "go",
      approvers: [{ id: "dm-02", role: "decision_maker" }],
      rationale: "Sponsor committed.",
      evidence: ["g1.pdf"],
    },
  ],
  [ctx("lab_team", "lt-01"), { type: "AdvanceStage", ...p }],
  [
    ctx("facilitator", "fa-01"),
    { type: "ScheduleSession", ...p, sessionId: "s1", kind: "workshop", mode: "in_person", scheduledFor: "2019-05-06T09:00:00.000Z" },
  ],
  [
    ctx("facilitator", "fa-01"),
    {
      type: "RecordAttendance",
      ...p,
      sessionId: "s1",
      attendees: [
        { participantRef: "Hn3kQ8vR2xW7bT1yL5mZ9a", role: "citizen" },
        { participantRef: "9d41c7e2b8a04f36a1e5c3d7b2f90a18", role: "civil_servant", affiliationEntityId: "cm-porto" },
      ],
    },
  ],
  [
    ctx("facilitator", "fa-01"),
    { type: "CloseSession", ...p, sessionId: "s1", anonymousHeadcount: { citizens: 12, civilServants: 0, business: 0, other: 0 }, contributions: 9 },
  ],
];

const store = new SqliteEventStore<LabEvent>(file);
// The register the project's rules consult: which organisations exist, who was forgotten.
const register = liveRegister();
for (const [c, command] of commands) {
  const r = await handle(store, labDecider, command, { ...c, register: register.register });
  if (r.ok) register.record(r.value.events);
  console.log(r.ok ? `✓ ${String(command.type)} → ${r.value.events.map((e) => e.type).join(", ")}` : `✗ ${String(command.type)}: ${r.error.message}`);
}
const before = must(computeFigures((await store.readAll()).map((r) => r.event))).headline;
store.close();

const reopened = new SqliteEventStore<LabEvent>(file);
const after = must(computeFigures((await reopened.readAll()).map((r) => r.event))).headline;
reopened.close();
console.log("\nFigures before closing:", before);
console.log("Figures after reopening:", after);
console.log(JSON.stringify(before) === JSON.stringify(after) ? `\nThe same: everything needed was in ${file}.` : "\nDIFFERENT — the store lost something.");

// Builders shared by the lab tests: commands with sensible defaults, and histories produced by
// running commands through the decider, so every "given" is a state the lab can really reach.
import { type Envelope, execute } from "../../src/index.js";
import { type ActorRole, type ProjectCommand, type ProjectEvent, projectDecider } from "../../src/lab/index.js";
import { type LabCommand, permissions } from "../../src/index.js";
import { day, defaults, fixedContext, labCommands, scenario, sequentialIds, testRef } from "../../src/testing/index.js";

export { day };
/** A participant reference that passes the rule: `ref(1)`, `ref(2)`, … */
export const ref = testRef;

/** An actor in a role. */
export const as = (role: ActorRole, id = `${role}-1`) => ({ id, role });
/** The first role allowed to issue a command. */
export const roleFor = (type: LabCommand["type"]): ActorRole => permissions[type][0] as ActorRole;

export const P = "p1";
export const OWNER = defaults.owner;
export const SPONSOR = defaults.sponsor;
export const LEAD = defaults.lead;
export const DM = defaults.decisionMaker;

type Cmd = ProjectCommand;

/** Commands on project p1, with defaults a test can override (the kit's builders). */
export const c = labCommands(P);

// Each stage's commands are the previous stage's and a few more.
const submitted = [c.submit()];
const readyForG1 = [...submitted, c.accept(), c.join()];
const inCoDesign = [...readyForG1, c.gate("G1"), c.advance()];
const readyForG2 = [...inCoDesign, c.schedule(), c.attend(), c.close(), c.defineKpi()];
const inPilot = [...readyForG2, c.gate("G2"), c.advance()];
const readyForG3 = [...inPilot, c.startPilot(), c.endPilot(), c.evaluate()];
const inScale = [...readyForG3, c.gate("G3"), c.advance()];

/** Commands that bring p1 to each stage with its gate requirements met. */
export const steps = { submitted, readyForG1, inCoDesign, readyForG2, inPilot, readyForG3, inScale };

/**
 * Run commands through the project decider, one day apart from day 0, each as the first role
 * allowed to issue it (gate decisions as decision maker dm-1), and return the events. Throws on
 * any refusal, naming the command, so a broken setup is obvious.
 */
export const run = (commands: readonly Cmd[], start = 0): Envelope<ProjectEvent>[] => {
  const history: Envelope<ProjectEvent>[] = [];
  const ids = sequentialIds("h");
  commands.forEach((command, i) => {
    // A gate decision is recorded by one of its approvers (the builders name dm-1).
    const actor = command.type === "RecordGateDecision" ? DM : as(roleFor(command.type));
    const r = execute(projectDecider, history, command, fixedContext({ at: day(start + i), actor, newId: ids }));
    if (!r.ok) throw new Error(`setup step ${i + 1} (${command.type}) was refused: ${r.error.code} — ${r.error.message}`);
    history.push(...r.value.events);
  });
  return history;
};

/** Given/when/then for the project decider; commands run at day 100 as the first allowed role unless told otherwise. */
export const spec = scenario(projectDecider, { at: day(100) });
/** The context for a command, as the first role allowed to issue it. */
export const by = (command: Cmd, o: { at?: string; actor?: { id: string; role: ActorRole } } = {}) => ({
  at: o.at ?? day(100),
  actor: o.actor ?? (command.type === "RecordGateDecision" ? DM : as(roleFor(command.type))),
});
/** `spec.given(run(setup)).when(command, by(command))` */
export const given = (setup: readonly Cmd[]) => ({
  when: (command: Cmd, o: Parameters<typeof by>[1] = {}) => spec.given(run(setup)).when(command, by(command, o)),
  /** Any input, to check an invalid command is refused. */
  whenInput: (input: Cmd & Record<string, unknown>, o: Parameters<typeof by>[1] = {}) => spec.given(run(setup)).whenInput(input, by(input, o)),
});

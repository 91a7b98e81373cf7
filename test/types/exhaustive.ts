// Compile-time checks, run by `npm run typecheck`: a vocabulary grown by one member must fail to
// compile wherever a table or a switch does not handle it. Each `@ts-expect-error` below must be
// needed — if a table stopped being exhaustive over its vocabulary, the directive would be unused
// and the typecheck would fail.
import { type ActorRole, type CommandType, type Gate, gateRequirements, type Requirement, requirementText } from "../../src/lab/index.js";
import { type Headline } from "../../src/projections/index.js";
import { permissions } from "../../src/index.js";
import type { Evolvers, Handlers } from "../../src/lab/index.js";
import { decideProject, evolveProject } from "../../src/lab/index.js";

type Grown<T extends string> = T | "a_new_member";

// @ts-expect-error the permission table has no row for a new command
export const permissionsForAll: Readonly<Record<Grown<CommandType>, readonly ActorRole[]>> = permissions;
// @ts-expect-error the requirement texts have no text for a new requirement
export const textsForAll: Readonly<Record<Grown<Requirement>, string>> = requirementText;
// @ts-expect-error the gate table has no requirements for a new gate
export const gatesForAll: Readonly<Record<Grown<Gate>, readonly string[]>> = gateRequirements;

// The project decider's tables: a new command or event type must have its handler or recipe.
declare const handlers: Handlers<import("../../src/lab/index.js").ProjectCommand["type"]>;
// @ts-expect-error no handler for a new command type
export const handlersForAll: Handlers<Grown<import("../../src/lab/index.js").ProjectCommand["type"]>> = handlers;
declare const evolvers: Evolvers<import("../../src/lab/index.js").ProjectEvent["type"]>;
// @ts-expect-error no recipe for a new event type
export const evolversForAll: Evolvers<Grown<import("../../src/lab/index.js").ProjectEvent["type"]>> = evolvers;

// The tables above are the ones the decider runs (decider.ts annotates them with these types).
export { decideProject, evolveProject };
export type HeadlineFigures = keyof Headline;

import * as z from "zod";
import { Instant } from "../../kernel/index.js";
import { ProjectId } from "./values.js";

/**
 * A command carries the event's data it asks for, plus when it happened in the world if that is
 * not now (recording yesterday's workshop today). Schemas are built from the event schemas so the
 * two never disagree.
 */
export const command = <N extends string, Shape extends z.ZodRawShape>(name: N, data: z.ZodObject<Shape>) =>
  z.strictObject({ type: z.literal(name), ...data.shape, occurredAt: Instant.optional() });
/** A command that names only its project. */
export const onProject = <N extends string>(name: N) => command(name, z.strictObject({ projectId: ProjectId }));

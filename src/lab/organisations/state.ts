import type * as z from "zod";
import { deepFreeze, type Immutable } from "../../kernel/index.js";
import type { Stamp } from "../shared/index.js";
import type { EntityRegisteredData } from "./events.js";
import type { DeclineReason, EntityRole } from "./vocabulary.js";

/** An organisation's part in the project: each role it holds, with when it took it (a return after leaving starts afresh). */
export type Membership = Immutable<{ roles: Map<EntityRole, Stamp>; active: boolean; joined: Stamp }>;

/** The organisations' part of a project's state: who takes part in which role, and who declined. */
export type OrganisationsState = Immutable<{
  entities: Map<string, Membership>;
  declined: Map<string, { reasonCode: DeclineReason; reason: string; at: string }>;
}>;

/** The organisations' part of a project with no events. */
export const initialOrganisations: OrganisationsState = deepFreeze({ entities: new Map(), declined: new Map() });

/** An organisation in the register (stream `entity:<id>`). */
export type EntityState = Immutable<
  { registered: boolean } & Pick<z.infer<typeof EntityRegisteredData>, "entityId" | "name"> & {
      kind: z.infer<typeof EntityRegisteredData>["kind"] | null;
      level: NonNullable<z.infer<typeof EntityRegisteredData>["level"]> | null;
      sector: z.infer<typeof EntityRegisteredData>["sector"] | null;
      territory: string | null;
    }
>;

/** The state of an entity stream with no events. */
export const initialEntityState: EntityState = deepFreeze({
  registered: false,
  entityId: "",
  name: "",
  kind: null,
  level: null,
  sector: null,
  territory: null,
});

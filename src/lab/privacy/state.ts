import { deepFreeze, type Immutable } from "../../kernel/index.js";

/** A participant reference's erasure status (stream `participant:<ref>`). */
export type ParticipantState = Immutable<{ forgotten: boolean; forgottenAt: string | null }>;

/** The state of a participant stream with no events. */
export const initialParticipantState: ParticipantState = deepFreeze({ forgotten: false, forgottenAt: null });

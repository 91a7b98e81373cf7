/**
 * The facts a headline figure is counted from, as the projections count them: a challenge (a
 * project), a first entry into pilot (an implemented project), a person counted at a held session
 * (subject: the role), a civil servant trained at a held training session, a session held, an organisation engaged or joined as partner (subject: its
 * id), an organisation registered (subject: its id).
 */
export type Fact = "project" | "implemented" | "person" | "trained" | "session" | "engaged" | "partner" | "registered";

/**
 * Told, by the projections themselves, which events produced each fact they count — so a figure's
 * lineage comes from the very code that computes the figure and cannot disagree with it.
 */
export interface Witness {
  note(fact: Fact, eventIds: readonly string[], subject?: string): void;
}

/** The rules of the pilots slice, by their stable codes, with what each protects. */
export const pilotsRuleCodes = {
  pilot_already_started: "a pilot started again under the same pilotId (or a second unnamed one) in the same stay in pilot",
  pilot_ambiguous: "ending a pilot without naming it while several are running",
  pilot_not_started: "ending or evaluating a pilot that has not started",
  pilot_already_ended: "ending a pilot twice, or once every pilot has ended",
  pilot_end_before_start: "a pilot planned to end before it starts",
  entity_not_in_project: "a pilot with an organisation that is neither the owner nor a member",
  sponsor_not_committed: "a pilot without a committed sponsor",
} as const;

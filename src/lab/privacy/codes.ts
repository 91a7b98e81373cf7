/** The rules of the privacy slice, by their stable codes, with what each protects. */
export const privacyRuleCodes = {
  participant_forgotten: "a forgotten participant recorded again",
  participant_already_forgotten: "a participant forgotten twice",
} as const;

/** The rules of the adoption slice, by their stable codes, with what each protects. */
export const adoptionRuleCodes = {
  adoption_not_found: "a status change for an organisation that has not adopted the solution",
  go_live_invalid: "a live adoption without its go-live date, or going live after it is recorded",
} as const;

/** The rules of the money slice, by their stable codes, with what each protects. */
export const moneyRuleCodes = {
  budget_exists: "a budget id allocated twice",
  budget_not_found: "a cost charged to a budget that was never allocated",
  cost_exists: "a cost id recorded twice",
  currency_mismatch: "a cost in another currency than the budget it is charged to",
} as const;

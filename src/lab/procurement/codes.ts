/** The rules of the procurement slice, by their stable codes, with what each protects. */
export const procurementRuleCodes = {
  procurement_exists: "a procurement id requested twice",
  procurement_not_found: "a command names a procurement that was never requested",
  procurement_cancelled: "a cancelled procurement contracted or cancelled again",
  procurement_already_contracted: "a contracted procurement contracted or cancelled again",
} as const;

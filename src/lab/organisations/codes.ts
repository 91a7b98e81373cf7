/** The rules of the organisations slice, by their stable codes, with what each protects. */
export const organisationsRuleCodes = {
  entity_not_registered: "a project names an organisation that is not in the register",
  sponsor_not_public: "a sponsor that is not a public entity",
  entity_already_joined: "an organisation joins in a role it holds, or declines while part of the project",
  entity_not_joined: "an organisation that is not part of the project leaves it",
  entity_already_declined: "an organisation declines twice",
  entity_exists: "an organisation is registered twice",
  level_required: "a public entity without its level",
  level_not_applicable: "a level for an organisation that is not public",
} as const;

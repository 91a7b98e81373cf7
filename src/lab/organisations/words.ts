import type { DeclineReason, EntityKind, EntityLevel, EntityRole } from "./vocabulary.js";

/** The organisations' codes in words, by vocabulary. */
export interface OrganisationWords {
  readonly kind: Readonly<Record<EntityKind, string>>;
  readonly level: Readonly<Record<EntityLevel, string>>;
  readonly role: Readonly<Record<EntityRole, string>>;
  readonly declineReason: Readonly<Record<DeclineReason, string>>;
}

/** The organisations' codes in English and in Portuguese (pt-PT). */
export const organisationWords: { readonly en: OrganisationWords; readonly "pt-PT": OrganisationWords } = {
  en: {
    kind: { public: "public entity", business: "business", academia: "academia", civil_society: "civil society" },
    level: { national: "national", regional: "regional", local: "local" },
    role: { sponsor: "sponsor", partner: "partner", supplier: "supplier", participant: "participant" },
    declineReason: {
      no_capacity: "no capacity",
      no_budget: "no budget",
      no_mandate: "no mandate",
      legal_or_data_protection: "legal or data-protection concerns",
      competing_priorities: "competing priorities",
      risk_aversion: "aversion to risk",
      no_response: "no response",
      other: "other reasons",
      unspecified: "not coded (recorded before reasons were)",
    },
  },
  "pt-PT": {
    kind: { public: "entidade pública", business: "empresa", academia: "academia", civil_society: "sociedade civil" },
    level: { national: "nacional", regional: "regional", local: "local" },
    role: { sponsor: "patrocinador", partner: "parceiro", supplier: "fornecedor", participant: "participante" },
    declineReason: {
      no_capacity: "falta de capacidade",
      no_budget: "falta de orçamento",
      no_mandate: "falta de mandato",
      legal_or_data_protection: "questões jurídicas ou de proteção de dados",
      competing_priorities: "outras prioridades",
      risk_aversion: "aversão ao risco",
      no_response: "sem resposta",
      other: "outros motivos",
      unspecified: "sem código (registado antes dos motivos codificados)",
    },
  },
};

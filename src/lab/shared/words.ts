import type { ActorRole, Sector } from "./vocabulary.js";

/** The shared codes in words, by vocabulary. */
export interface SharedWords {
  readonly sector: Readonly<Record<Sector, string>>;
  readonly actorRole: Readonly<Record<ActorRole, string>>;
}

/** The shared codes in English and in Portuguese (pt-PT). */
export const sharedWords: { readonly en: SharedWords; readonly "pt-PT": SharedWords } = {
  en: {
    sector: {
      health: "health",
      justice: "justice",
      finance: "finance",
      social_security: "social security",
      education: "education",
      environment: "environment",
      employment: "employment",
      local_government: "local government",
      digital_services: "digital services",
      mobility: "mobility",
      culture: "culture",
      agriculture: "agriculture",
      other: "other sectors",
    },
    actorRole: {
      lab_team: "lab team",
      decision_maker: "decision maker",
      sponsor: "sponsor",
      facilitator: "facilitator",
      evaluator: "evaluator",
      system: "import",
      auditor: "auditor",
    },
  },
  "pt-PT": {
    sector: {
      health: "saúde",
      justice: "justiça",
      finance: "finanças",
      social_security: "segurança social",
      education: "educação",
      environment: "ambiente",
      employment: "emprego",
      local_government: "administração local",
      digital_services: "serviços digitais",
      mobility: "mobilidade",
      culture: "cultura",
      agriculture: "agricultura",
      other: "outros setores",
    },
    actorRole: {
      lab_team: "equipa do laboratório",
      decision_maker: "decisor",
      sponsor: "patrocinador",
      facilitator: "facilitador",
      evaluator: "avaliador",
      system: "importação",
      auditor: "auditor",
    },
  },
};

import type { AgeBand, Gender, ParticipantRole, SessionKind, SessionMode } from "./vocabulary.js";

/** The sessions' codes in words, by vocabulary. */
export interface SessionWords {
  readonly role: Readonly<Record<ParticipantRole, string>>;
  readonly kind: Readonly<Record<SessionKind, string>>;
  readonly mode: Readonly<Record<SessionMode, string>>;
  readonly ageBand: Readonly<Record<AgeBand, string>>;
  readonly gender: Readonly<Record<Gender, string>>;
}

/** The sessions' codes in English and in Portuguese (pt-PT). */
export const sessionWords: { readonly en: SessionWords; readonly "pt-PT": SessionWords } = {
  en: {
    role: { citizen: "citizen", civil_servant: "civil servant", business: "business", expert: "expert" },
    kind: {
      workshop: "workshop",
      interview: "interview",
      focus_group: "focus group",
      user_test: "user test",
      survey: "survey",
      training: "training",
      site_visit: "site visit",
    },
    mode: { in_person: "in person", online: "online", hybrid: "hybrid" },
    ageBand: { under_18: "under 18", "18_29": "18 to 29", "30_44": "30 to 44", "45_64": "45 to 64", "65_plus": "65 and over", undisclosed: "not said" },
    gender: { female: "female", male: "male", other: "other", undisclosed: "not said" },
  },
  "pt-PT": {
    role: { citizen: "cidadão", civil_servant: "trabalhador da Administração Pública", business: "empresa", expert: "especialista" },
    kind: {
      workshop: "oficina",
      interview: "entrevista",
      focus_group: "grupo focal",
      user_test: "teste com utilizadores",
      survey: "inquérito",
      training: "formação",
      site_visit: "visita ao terreno",
    },
    mode: { in_person: "presencial", online: "online", hybrid: "híbrida" },
    ageBand: { under_18: "menos de 18", "18_29": "18 a 29", "30_44": "30 a 44", "45_64": "45 a 64", "65_plus": "65 ou mais", undisclosed: "não indicada" },
    gender: { female: "feminino", male: "masculino", other: "outro", undisclosed: "não indicado" },
  },
};

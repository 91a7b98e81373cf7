import type { AdoptionStatus, ScaleType } from "./vocabulary.js";

/** The adoption's codes in words, by vocabulary. */
export interface AdoptionWords {
  readonly status: Readonly<Record<AdoptionStatus, string>>;
  readonly scaleType: Readonly<Record<ScaleType, string>>;
}

/** The adoption's codes in English and in Portuguese (pt-PT). */
export const adoptionWords: { readonly en: AdoptionWords; readonly "pt-PT": AdoptionWords } = {
  en: {
    status: { committed: "committed", live: "live", suspended: "suspended", withdrawn: "withdrawn" },
    scaleType: { out: "to more places (scaling out)", up: "into policy and rules (scaling up)", deep: "into culture and practice (scaling deep)" },
  },
  "pt-PT": {
    status: { committed: "comprometida", live: "em funcionamento", suspended: "suspensa", withdrawn: "abandonada" },
    scaleType: { out: "a mais locais (disseminação)", up: "às políticas e normas (institucionalização)", deep: "à cultura e às práticas (enraizamento)" },
  },
};

import type { ProcurementProcedure } from "./vocabulary.js";

/** The procurement's codes in words, by vocabulary. */
export interface ProcurementWords {
  readonly procedure: Readonly<Record<ProcurementProcedure, string>>;
}

/** The procurement's codes in English and in Portuguese (pt-PT), as the Public Contracts Code names the procedures. */
export const procurementWords: { readonly en: ProcurementWords; readonly "pt-PT": ProcurementWords } = {
  en: {
    procedure: {
      direct: "direct award",
      consultation: "prior consultation",
      open: "open tender",
      pre_commercial: "pre-commercial procurement",
      innovation_partnership: "innovation partnership",
    },
  },
  "pt-PT": {
    procedure: {
      direct: "ajuste direto",
      consultation: "consulta prévia",
      open: "concurso público",
      pre_commercial: "contratação pré-comercial",
      innovation_partnership: "parceria para a inovação",
    },
  },
};

import type { EvaluationOutcome, EvidenceMethod, KpiCategory, KpiDirection } from "./vocabulary.js";

/** The evidence's codes in words, by vocabulary. */
export interface EvidenceWords {
  readonly direction: Readonly<Record<KpiDirection, string>>;
  readonly category: Readonly<Record<KpiCategory, string>>;
  readonly method: Readonly<Record<EvidenceMethod, string>>;
  readonly outcome: Readonly<Record<EvaluationOutcome, string>>;
}

/** The evidence's codes in English and in Portuguese (pt-PT). */
export const evidenceWords: { readonly en: EvidenceWords; readonly "pt-PT": EvidenceWords } = {
  en: {
    direction: { increase: "higher is better", decrease: "lower is better" },
    category: {
      service_time: "service time",
      digital_uptake: "digital uptake",
      satisfaction: "satisfaction",
      access: "access",
      cost: "cost",
      quality: "quality",
      other: "other",
      unspecified: "not said",
    },
    method: {
      qualitative: "qualitative description",
      before_after: "before and after",
      ab_test: "A/B test",
      randomised_trial: "randomised trial",
      difference_in_differences: "difference in differences",
    },
    outcome: { success: "success", partial: "partial success", failed: "failed", inconclusive: "inconclusive" },
  },
  "pt-PT": {
    direction: { increase: "quanto maior, melhor", decrease: "quanto menor, melhor" },
    category: {
      service_time: "tempo de serviço",
      digital_uptake: "adesão digital",
      satisfaction: "satisfação",
      access: "acesso",
      cost: "custo",
      quality: "qualidade",
      other: "outro",
      unspecified: "não indicado",
    },
    method: {
      qualitative: "descrição qualitativa",
      before_after: "antes e depois",
      ab_test: "teste A/B",
      randomised_trial: "ensaio aleatorizado",
      difference_in_differences: "diferenças nas diferenças",
    },
    outcome: { success: "sucesso", partial: "sucesso parcial", failed: "insucesso", inconclusive: "inconclusiva" },
  },
};

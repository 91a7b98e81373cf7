import type { CostCategory, FundingSource } from "./vocabulary.js";

/** The money's codes in words, by vocabulary. */
export interface MoneyWords {
  readonly source: Readonly<Record<FundingSource, string>>;
  readonly category: Readonly<Record<CostCategory, string>>;
}

/** The money's codes in English and in Portuguese (pt-PT). */
export const moneyWords: { readonly en: MoneyWords; readonly "pt-PT": MoneyWords } = {
  en: {
    source: { national_budget: "national budget", eu_funds: "EU funds", owner_entity: "the owner entity", partners: "partners", other: "other sources" },
    category: { staff: "staff", procurement: "procurement", services: "services", equipment: "equipment", travel: "travel", other: "other" },
  },
  "pt-PT": {
    source: {
      national_budget: "Orçamento do Estado",
      eu_funds: "fundos europeus",
      owner_entity: "entidade proponente",
      partners: "parceiros",
      other: "outras fontes",
    },
    category: { staff: "pessoal", procurement: "aquisições", services: "serviços", equipment: "equipamento", travel: "deslocações", other: "outros" },
  },
};

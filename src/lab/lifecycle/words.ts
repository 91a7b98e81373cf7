import type { DiscontinuationReason, Facet, Gate, GateOutcome, PauseReason, Stage, Status } from "./vocabulary.js";

/** The lifecycle's codes in words, by vocabulary: what the outputs print for a code, never the code itself. */
export interface LifecycleWords {
  readonly stage: Readonly<Record<Stage, string>>;
  readonly status: Readonly<Record<Status, string>>;
  readonly gate: Readonly<Record<Gate, string>>;
  readonly outcome: Readonly<Record<GateOutcome, string>>;
  readonly pauseReason: Readonly<Record<PauseReason, string>>;
  readonly discontinuation: Readonly<Record<DiscontinuationReason, string>>;
  readonly facet: Readonly<Record<Facet, string>>;
}

/** The lifecycle's codes in English and in Portuguese (pt-PT). */
export const lifecycleWords: { readonly en: LifecycleWords; readonly "pt-PT": LifecycleWords } = {
  en: {
    stage: { challenge: "challenge", co_design: "co-design", pilot: "pilot", scale: "scale" },
    status: { active: "active", paused: "paused", mainstreamed: "mainstreamed", discontinued: "discontinued" },
    gate: { G1: "G1 (challenge → co-design)", G2: "G2 (co-design → pilot)", G3: "G3 (pilot → scale)", G4: "G4 (scale → mainstream)" },
    outcome: { go: "go", conditional_go: "go, with conditions", hold: "hold", recycle: "back one stage", no_go: "no go" },
    pauseReason: {
      procurement: "waiting for procurement",
      entity_reluctance: "an entity's reluctance",
      funding: "funding",
      legal: "a legal question",
      other: "other reasons",
    },
    discontinuation: {
      rejected_at_intake: "rejected at intake",
      no_go_at_gate: "a no-go at a gate",
      entity_reluctance: "entities' reluctance",
      procurement_failed: "procurement failed",
      funding_withdrawn: "funding withdrawn",
      legal_obstacle: "a legal obstacle",
      evaluation_failed: "the evaluation failed",
      superseded: "superseded",
      other: "other reasons",
    },
    facet: { enhancement: "enhancement", mission: "mission-oriented", adaptive: "adaptive", anticipatory: "anticipatory" },
  },
  "pt-PT": {
    stage: { challenge: "desafio", co_design: "cocriação", pilot: "piloto", scale: "escala" },
    status: { active: "ativo", paused: "suspenso", mainstreamed: "generalizado", discontinued: "descontinuado" },
    gate: { G1: "G1 (desafio → cocriação)", G2: "G2 (cocriação → piloto)", G3: "G3 (piloto → escala)", G4: "G4 (escala → generalização)" },
    outcome: { go: "avançar", conditional_go: "avançar, com condições", hold: "aguardar", recycle: "recuar uma fase", no_go: "não avançar" },
    pauseReason: {
      procurement: "à espera de contratação",
      entity_reluctance: "relutância de uma entidade",
      funding: "financiamento",
      legal: "questão jurídica",
      other: "outros motivos",
    },
    discontinuation: {
      rejected_at_intake: "recusado à entrada",
      no_go_at_gate: "decisão de não avançar",
      entity_reluctance: "relutância das entidades",
      procurement_failed: "contratação falhada",
      funding_withdrawn: "financiamento retirado",
      legal_obstacle: "obstáculo jurídico",
      evaluation_failed: "avaliação negativa",
      superseded: "ultrapassado",
      other: "outros motivos",
    },
    facet: { enhancement: "melhoria", mission: "orientada por missão", adaptive: "adaptativa", anticipatory: "antecipatória" },
  },
};

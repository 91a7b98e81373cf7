import type { Labels } from "./labels.js";
import { codeWords } from "./vocabulary.js";

const pessoas = "pessoas identificadas distintas, cada uma contada uma vez";

/** The Portuguese (pt-PT) labels: every word of the HTML, the Markdown and the open data's titles and descriptions. */
export const ptPT: Labels = {
  locale: "pt-PT",
  title: "Relatório do laboratório de inovação",
  asOf: (at, by) => `À data de ${at}, pelo tempo ${by === "recordedAt" ? "de registo (o que tinha sido registado)" : "dos factos (o que tinha acontecido)"}.`,
  allEvents: "Todos os eventos registados.",
  withheld: "[c]",
  withheldNote: "[c]: montante omitido porque um ou dois projetos representam quase todo ele, ou outro montante da mesma distribuição.",
  noiseNote: (k) =>
    `As contagens de pessoas levam um pequeno ruído (no máximo ±${k}; o método da chave de célula) para que nenhuma pessoa possa ser identificada: ` +
    "as mesmas pessoas dão sempre o mesmo número, e os totais podem não ser exatamente a soma das partes.",
  exactNote: "Contagens exatas de pessoas, só para uso interno: não se destinam a publicação.",
  none: "—",
  yes: "sim",
  no: "não",
  days: (n, text) => `${text} ${n === 1 ? "dia" : "dias"}`,
  above: (text) => `acima de ${text}`,
  below: (text) => `abaixo de ${text}`,
  chartDescription: (series, by) => `Gráfico de barras de ${series.join(" e ")} por ${by}. A tabela a seguir ao gráfico tem os mesmos números.`,
  contents: "Índice",
  figure: "Indicador",
  value: "Valor",
  footer: "Reconstruído a partir do registo de eventos pelo labx-core. Cada número pode ser seguido até aos eventos que lhe deram origem.",
  projectsByStage: "Projetos por fase",
  stagesOfEachProject: "Fases de cada projeto",
  latestRows: (shown, total) => `As ${shown} linhas mais recentes de ${total}; o relatório HTML e os dados abertos têm-nas todas.`,
  showRows: (total) => `Mostrar a tabela completa (${total} linhas)`,
  codes: codeWords("pt-PT", {
    all: "total",
    unknown: "desconhecida",
    notPublic: "entidade não pública",
    unregistered: "fora do registo",
    unspecified: "não indicado",
    level: "nível",
    sector: "setor",
    region: "região",
    year: "ano",
    stage: "fase",
    reason: "motivo",
    outcome: "resultado",
    evidenceLevel: "nível de evidência",
    method: "método",
    evidenceLevels: ["nível 1", "nível 2", "nível 3", "nível 4", "nível 5"],
    pauses: "suspensões com data prevista de retoma",
    pilots: "pilotos com fim previsto",
    baseline: "a situação de partida",
    comparison: "o grupo de comparação",
    byAgeBand: "Por escalão etário",
    byGender: "Por género",
  }),
  tables: {
    headline: {
      title: "Números principais",
      description: "Os números do laboratório em todo o período.",
      columns: {
        challenges: ["Desafios submetidos", "Projetos que começaram como um desafio submetido."],
        projects_implemented: ["Projetos implementados", "Projetos que entraram na fase de piloto."],
        citizens: ["Cidadãos envolvidos", `Cidadãos que participaram numa sessão realizada: ${pessoas}.`],
        civil_servants: [
          "Trabalhadores da Administração Pública envolvidos",
          `Trabalhadores da Administração Pública que participaram numa sessão realizada: ${pessoas}.`,
        ],
        civil_servants_trained: ["Trabalhadores da Administração Pública formados", `Trabalhadores que frequentaram uma formação realizada: ${pessoas}.`],
        citizens_also_civil_servants: [
          "Cidadãos e também trabalhadores da Administração Pública",
          `Pessoas que participaram como cidadãos e como trabalhadores da Administração Pública, contadas em ambos: ${pessoas}.`,
        ],
        others: [
          "Outras pessoas envolvidas",
          `Pessoas que nunca participaram como cidadãos nem como trabalhadores da Administração Pública (empresas, especialistas): ${pessoas}.`,
        ],
        people: ["Pessoas envolvidas", `Pessoas em qualquer papel: ${pessoas}; cidadãos + trabalhadores da Administração Pública − ambos + outras.`],
        anonymous_headcount: ["Contagem anónima", "Pessoas contadas nas sessões sem serem identificadas, à parte das contagens de pessoas distintas."],
        reach: [
          "Pessoas alcançadas, no máximo",
          "Pessoas envolvidas mais a contagem anónima: um limite superior, porque uma pessoa anónima pode também estar identificada.",
        ],
        participations: ["Participações", "Presenças: uma pessoa em duas sessões conta duas vezes."],
        public_entities: ["Entidades públicas envolvidas", "Entidades públicas registadas distintas, envolvidas em qualquer papel."],
        partners: ["Parceiros", "Organizações distintas que aderiram a um projeto como parceiras."],
        sessions_held: ["Sessões realizadas", "Sessões encerradas e nunca canceladas."],
        trainings_held: ["Formações realizadas", "Sessões de formação realizadas."],
      },
    },
    stages: {
      title: "Funil de fases",
      description: "Quantos projetos entraram em cada fase, e onde estão agora.",
      columns: {
        stage: ["Fase", "A fase, ou como o projeto terminou."],
        entered: ["Entraram", "Projetos que alguma vez entraram na fase."],
        now: ["Agora", "Projetos na fase agora (ativos ou suspensos), ou que terminaram assim."],
      },
    },
    flow: {
      title: "Suspensões, desistências e prazo até ao piloto",
      description: "Projetos suspensos agora, projetos descontinuados e o tempo desde a submissão de um desafio até ao seu piloto.",
      columns: {
        paused_now: ["Suspensos agora", "Projetos suspensos à data."],
        discontinued: ["Descontinuados", "Projetos descontinuados."],
        discontinued_rate: ["Descontinuados, proporção", "Descontinuados ÷ desafios submetidos."],
        challenge_to_pilot: ["Projetos que chegaram a piloto", "Projetos com submissão e início de piloto."],
        challenge_to_pilot_median_days: ["Mediana de dias do desafio ao piloto", "Mediana dos dias de calendário da submissão ao início do piloto."],
      },
    },
    endings: {
      title: "Projetos descontinuados",
      description: "Projetos descontinuados, pela fase em que estavam e pelo motivo registado.",
      columns: { dimension: ["Por", "Fase ou motivo."], value: ["Grupo", "A fase ou o motivo."], projects: ["Projetos", "Projetos descontinuados."] },
    },
    gates: {
      title: "Passagem nas decisões de fase",
      description: "Dos projetos que chegaram a cada decisão de fase, quantos a passaram.",
      columns: {
        gate: ["Decisão", "A decisão entre duas fases."],
        reached: ["Chegaram", "Projetos com uma decisão registada nesse ponto."],
        passed: ["Passaram", "Projetos que passaram."],
        conversion: ["Taxa de passagem", "Passaram ÷ chegaram."],
      },
    },
    participation_by_year: {
      title: "Participação por ano",
      description:
        "Uma pessoa conta uma vez em cada ano e uma vez no total, por isso as pessoas dos anos não somam o total; " +
        "as participações e as contagens anónimas somam.",
      columns: {
        year: ["Ano", "Ano civil da sessão."],
        people: ["Pessoas", `Pessoas em qualquer papel: ${pessoas} no ano.`],
        citizens: ["Cidadãos", `Cidadãos: ${pessoas} no ano.`],
        civil_servants: ["Trabalhadores da AP", `Trabalhadores da Administração Pública: ${pessoas} no ano.`],
        participations: ["Participações", "Presenças no ano."],
        anonymous_headcount: ["Anónimos", "Contagem anónima no ano."],
        sessions_held: ["Sessões", "Sessões realizadas no ano."],
        public_entities: ["Entidades públicas", "Entidades públicas distintas envolvidas no ano."],
        partners: ["Parceiros", "Parceiros distintos que aderiram no ano."],
      },
    },
    participation_by_sector: {
      title: "Participação por setor",
      description: "Projetos e pessoas pelo setor de política pública do projeto; as pessoas são distintas dentro de cada setor.",
      columns: {
        sector: ["Setor", "O setor de política pública do projeto."],
        projects: ["Projetos", "Projetos no setor."],
        people: ["Pessoas", `Pessoas em qualquer papel: ${pessoas} no setor.`],
        citizens: ["Cidadãos", `Cidadãos: ${pessoas} no setor.`],
        civil_servants: ["Trabalhadores da AP", `Trabalhadores da Administração Pública: ${pessoas} no setor.`],
        participations: ["Participações", "Presenças nas sessões do setor."],
        anonymous_headcount: ["Anónimos", "Contagem anónima nas sessões do setor."],
        sessions_held: ["Sessões", "Sessões realizadas no setor."],
      },
    },
    age_bands: {
      title: "Quem participou, por idade",
      description:
        "Distribuições anónimas dadas no fecho das sessões: presenças registadas e contagem anónima em conjunto, " +
        "por isso o total não é a contagem anónima dos números principais.",
      columns: { age_band: ["Escalão etário", "Escalão etário, ou total."], people: ["Pessoas", "Pessoas contadas no escalão."] },
    },
    gender: {
      title: "Quem participou, por género",
      description: "Distribuições anónimas por género declarado dadas no fecho das sessões, sobre a mesma base que os escalões etários.",
      columns: { gender: ["Género", "Género declarado, ou total."], people: ["Pessoas", "Pessoas contadas."] },
    },
    breakdown_bases: {
      title: "Quem as distribuições contam",
      description:
        "Cada distribuição é das pessoas presentes nas sessões realizadas que a deram: presentes = presenças registadas + anónimos = contados + não contados.",
      columns: {
        breakdown: ["Distribuição", "Por escalão etário ou por género."],
        sessions: ["Sessões", "Sessões realizadas que deram a distribuição."],
        attendees: ["Presenças registadas", "Presenças registadas nessas sessões (uma pessoa em duas conta duas vezes)."],
        anonymous: ["Anónimos", "A contagem anónima dessas sessões."],
        present: ["Presentes", "Todos os presentes nessas sessões: presenças registadas mais anónimos."],
        counted: ["Contados", "Pessoas que a distribuição coloca: o seu total."],
        not_counted: ["Não contados", "Pessoas presentes que a distribuição não coloca."],
      },
    },
    territory: {
      title: "Território",
      description: "Por região NUTS 2021 (nome e código) da entidade, sessão, piloto ou adoção.",
      columns: {
        region: ["Região", "Região NUTS 2021, ou desconhecida."],
        public_entities: ["Entidades públicas", "Entidades públicas envolvidas."],
        sessions_held: ["Sessões", "Sessões realizadas."],
        pilots: ["Pilotos", "Pilotos iniciados."],
        adoptions: ["Adoções", "Adoções registadas."],
        users_covered: ["Utilizadores abrangidos", "Utilizadores que as entidades adotantes declararam abranger."],
      },
    },
    entity_levels: {
      title: "Entidades públicas por nível",
      description: "Entidades públicas envolvidas, pelo nível da administração que o registo indica.",
      columns: { level: ["Nível", "Nível da administração."], public_entities: ["Entidades públicas", "Entidades públicas envolvidas."] },
    },
    time_in_stage: {
      title: "Tempo em cada fase",
      description: "Permanências concluídas em cada fase; a mediana líquida exclui os dias de suspensão.",
      columns: {
        stage: ["Fase", "A fase."],
        stays: ["Permanências", "Permanências concluídas na fase."],
        median_days: ["Mediana de dias", "Mediana da duração de uma permanência, em dias de calendário."],
        median_days_net: ["Mediana de dias sem suspensões", "Mediana da duração de uma permanência menos os dias de suspensão."],
      },
    },
    pauses: {
      title: "Suspensões por motivo",
      description: "Suspensões em todo o período; as que continuam abertas contam até à data.",
      columns: {
        reason: ["Motivo", "Porque foi o projeto suspenso."],
        pauses: ["Suspensões", "Suspensões com este motivo."],
        still_paused: ["Ainda suspensos", "Suspensões ainda não retomadas."],
        days_paused: ["Dias suspensos", "Dias de calendário suspensos, as abertas até à data."],
        median_days: ["Mediana de dias", "Mediana da duração de uma suspensão, as abertas contadas como ainda a decorrer (Kaplan–Meier)."],
      },
    },
    overruns: {
      title: "Atrasos face ao previsto",
      description: "Suspensões que indicaram quando o trabalho seria retomado, e pilotos que indicaram quando terminariam, face ao que aconteceu.",
      columns: {
        what: ["O quê", "Suspensões ou pilotos."],
        planned: ["Com data prevista", "Casos com uma data prevista."],
        ended_late: ["Terminaram tarde", "Terminaram depois da data prevista."],
        median_days_late: ["Mediana de dias de atraso", "Mediana dos dias de calendário de atraso, dos que terminaram tarde."],
        open_past_planned: ["Ainda a decorrer após o previsto", "A decorrer à data, com a data prevista já ultrapassada."],
        ended_by_closure: ["Interrompidos", "Terminaram porque o projeto terminou."],
      },
    },
    procurement: {
      title: "Prazos de contratação",
      description:
        "Do pedido ao contrato. A mediana conta as contratações ainda abertas como ainda à espera, para que as mais lentas não sejam deixadas de fora, " +
        "e um cancelamento como um desfecho que exclui o contrato (riscos concorrentes), não como um contrato que viria mais tarde.",
      columns: {
        procedure: ["Procedimento", "Procedimento de contratação pública, ou total."],
        requested: ["Pedidas", "Contratações pedidas."],
        contracted: ["Contratadas", "Contratações que chegaram a contrato."],
        cancelled: ["Canceladas", "Contratações canceladas."],
        open: ["Abertas", "Contratações ainda à espera."],
        median_days: [
          "Mediana de dias",
          "Mediana de dias do pedido ao contrato, com os cancelamentos como risco concorrente (incidência cumulativa de Aalen–Johansen); " +
            "vazia quando a parte contratada nunca chega a metade.",
        ],
        median_days_kaplan_meier: [
          "Mediana de dias, ignorando cancelamentos (Kaplan–Meier)",
          "Só para comparação: a mediana se uma contratação cancelada fosse uma ainda à espera (censurada); sobrestima quantas chegam a contrato.",
        ],
        median_days_contracted: ["Mediana de dias, só contratadas", "Mediana apenas sobre as contratadas."],
      },
    },
    contract_value: {
      title: "Valor contratado face ao estimado",
      description:
        "Contratações concluídas por moeda: o valor contratado e, sobre as contratações cuja estimativa foi feita na mesma moeda, " +
        "o estimado face ao contratado e a razão entre eles (acima de 1 quando os contratos custaram mais).",
      columns: {
        currency: ["Moeda", "Código de moeda ISO 4217."],
        contracts: ["Contratos", "Contratações concluídas."],
        contracted: ["Contratado", "Valor contratado de todas as contratações, na moeda."],
        pairs: ["Com estimativa na mesma moeda", "Contratações cuja estimativa foi feita na mesma moeda: a base da razão."],
        paired_estimated: ["Estimado (pares)", "Valor estimado dessas contratações."],
        paired_contracted: ["Contratado (pares)", "Valor contratado dessas contratações."],
        ratio: ["Razão", "Contratado ÷ estimado, só sobre os pares na mesma moeda: uma razão, não um montante."],
      },
    },
    reluctance: {
      title: "Relutância",
      description: "Das organizações convidadas a participar num projeto, quantas recusaram.",
      columns: {
        dimension: ["Por", "Por que critério a taxa é desagregada."],
        value: ["Grupo", "O nível, setor, região ou ano."],
        asked: ["Convidadas", "Pares projeto–organização convidados."],
        declined: ["Recusaram", "Pares que recusaram."],
        rate: ["Taxa", "Recusaram ÷ convidadas."],
      },
    },
    decline_reasons: {
      title: "Porque recusaram as organizações",
      description: "Recusas em participar num projeto, pelo motivo registado.",
      columns: { reason: ["Motivo", "Porque recusou a organização."], declined: ["Recusas", "Recusas com este motivo."] },
    },
    money: {
      title: "Dinheiro por fonte",
      description: "Orçamentos atribuídos e custos registados, por moeda e fonte de financiamento.",
      columns: {
        currency: ["Moeda", "Código de moeda ISO 4217."],
        source: ["Fonte", "Fonte de financiamento."],
        budget: ["Orçamento", "Atribuído."],
        spent: ["Gasto", "Custos registados."],
      },
    },
    money_by_year: {
      title: "Dinheiro por ano",
      description: "Orçamentos pelo ano em que foram atribuídos e custos pelo ano em que foram feitos: um não é uma percentagem do outro.",
      columns: {
        currency: ["Moeda", "Código de moeda ISO 4217."],
        year: ["Ano", "Ano civil."],
        allocated_in_year: ["Atribuído nesse ano", "Orçamentos atribuídos no ano."],
        spent_in_year: ["Gasto nesse ano", "Custos feitos no ano, qualquer que seja o ano do seu orçamento."],
      },
    },
    money_summary: {
      title: "Dinheiro por moeda",
      description: "Totais em cada moeda, nunca convertidos.",
      columns: {
        currency: ["Moeda", "Código de moeda ISO 4217."],
        allocated: ["Atribuído", "Orçamentos atribuídos."],
        spent: ["Gasto", "Custos registados."],
        overspent_budgets: ["Orçamentos ultrapassados", "Orçamentos cujos custos excedem o que têm."],
      },
    },
    spending: {
      title: "Despesa por categoria",
      description: "Custos registados, por moeda e categoria.",
      columns: { currency: ["Moeda", "Código de moeda ISO 4217."], category: ["Categoria", "Categoria de custo."], spent: ["Gasto", "Custos registados."] },
    },
    kpis: {
      title: "Progresso dos indicadores",
      description:
        "Cada indicador-chave de desempenho face à situação de partida e à meta; o progresso é 0 na situação de partida e 100% na meta. " +
        "Percentagens para lá de ±200% aparecem como acima ou abaixo de 200%; os dados abertos têm o valor exato.",
      columns: {
        project: ["Projeto", "Identificador do projeto."],
        kpi: ["Indicador", "Identificador do indicador no projeto."],
        name: ["Nome", "O que o indicador mede."],
        unit: ["Unidade", "Unidade dos valores."],
        direction: ["Sentido", "Se o indicador deve subir ou descer."],
        baseline: ["Partida", "Valor antes do projeto."],
        target: ["Meta", "Valor que o projeto pretende atingir."],
        latest: ["Último", "A medição mais recente."],
        progress: ["Progresso", "(último − partida) ÷ (meta − partida)."],
        met: ["Meta atingida", "Se a meta foi atingida, respeitando o sentido."],
        method: ["Método", "Como foi obtida a medição mais recente."],
        effect_against: ["Efeito medido face a", "O grupo de comparação quando a medição o teve, senão a situação de partida."],
        effect: ["Efeito", "Último valor − a referência, na unidade do indicador. Quando quanto menor melhor, um efeito negativo é uma melhoria."],
        effect_relative: ["Efeito, relativo", "Efeito ÷ a referência."],
        improved: ["Melhorou", "Se o efeito vai no sentido que o indicador deve seguir."],
      },
    },
    savings: {
      title: "Poupança por unidade de serviço",
      description:
        "Onde um indicador mede um custo ou um tempo e quanto menor, melhor: partida − último, por unidade de serviço. " +
        "Uma poupança negativa significa que o indicador subiu: uma perda. O registo não tem volumes, por isso não se apresenta um total.",
      columns: {
        project: ["Projeto", "Identificador do projeto."],
        kpi: ["Indicador", "Identificador do indicador no projeto."],
        name: ["Nome", "O que o indicador mede."],
        unit: ["Unidade", "Unidade da poupança."],
        saved_per_unit: ["Poupança por unidade", "Partida − último; negativa quando subiu."],
        relative: ["Relativa", "Poupança ÷ partida."],
      },
    },
    impact: {
      title: "Impacto",
      description: "Indicadores que atingiram a meta, pilotos, e quanto tempo as adoções levaram a entrar em funcionamento.",
      columns: {
        kpis: ["Indicadores", "Indicadores-chave de desempenho definidos."],
        kpis_met: ["Indicadores com meta atingida", "Indicadores cujo último valor atinge a meta."],
        pilots_started: ["Pilotos iniciados", "Pilotos iniciados (um projeto que voltou a piloto teve vários)."],
        pilots_ended: ["Pilotos terminados", "Pilotos terminados no seu fim próprio."],
        pilot_sites: ["Locais de piloto", "Locais onde os pilotos decorreram."],
        median_days_to_go_live: [
          "Mediana de dias até entrar em funcionamento",
          "Mediana dos dias de calendário desde o registo de uma adoção até entrar em funcionamento.",
        ],
      },
    },
    evaluations: {
      title: "Avaliações",
      description: "A avaliação mais recente de cada projeto, por resultado, por nível de evidência (1 a 5) e por método.",
      columns: {
        dimension: ["Por", "Resultado, nível de evidência ou método."],
        value: ["Grupo", "O resultado, nível ou método."],
        projects: ["Projetos", "Projetos."],
      },
    },
    adoption: {
      title: "Adoção por tipo de escala",
      description: "Adoções da solução de um projeto, pela forma como ganhou escala.",
      columns: {
        scale_type: ["Tipo de escala", "Como a solução ganhou escala, ou total."],
        adoptions: ["Adoções", "Adoções registadas."],
        entities: ["Entidades", "Entidades adotantes."],
        sites: ["Locais", "Locais abrangidos."],
        users_covered: ["Utilizadores abrangidos", "Utilizadores que as entidades adotantes declararam abranger."],
      },
    },
    adoption_status: {
      title: "Adoções por situação",
      description: "Cada adoção pela situação em que está agora.",
      columns: { status: ["Situação", "Em que situação está a adoção."], adoptions: ["Adoções", "Adoções."] },
    },
    replications: {
      title: "Replicações",
      description: "Projetos que replicam a solução de outro projeto, pelo projeto original.",
      columns: { origin: ["Projeto original", "Identificador do projeto."], projects: ["Projetos que o replicam", "Projetos que o indicam como origem."] },
    },
    timelines: {
      title: "Cronologia",
      description: "As permanências de cada projeto nas suas fases; uma permanência ainda aberta termina na data mais recente do registo.",
      columns: {
        project: ["Projeto", "Identificador do projeto."],
        title: ["Título", "O título do projeto."],
        status: ["Situação", "A situação do projeto agora."],
        stage: ["Fase", "A fase."],
        from: ["De", "Data de entrada na fase."],
        to: ["Até", "Data de saída, ou a data mais recente do registo."],
      },
    },
    decisions: {
      title: "Registo de decisões",
      description: "Cada decisão de fase, quando aconteceu e quando foi registada, com quem decidiu e porquê.",
      columns: {
        occurred: ["Data", "Data da decisão."],
        recorded: ["Registada", "Data em que foi registada."],
        project: ["Projeto", "Identificador do projeto."],
        gate: ["Decisão de fase", "O ponto de decisão."],
        outcome: ["Resultado", "A decisão."],
        approvers: ["Decisores", "Quem decidiu."],
        rationale: ["Fundamentação", "Porquê, nas palavras de quem decidiu."],
      },
    },
  },
};

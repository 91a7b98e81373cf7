// NUTS 2021 names for Portugal, levels 1 to 3.
//
// Source: Eurostat, the NUTS 2021 classification (Commission Delegated Regulation (EU) 2019/1755,
// applicable from 1 January 2021), https://ec.europa.eu/eurostat/web/nuts/background. Names are as
// the classification gives them, in Portuguese, the national language; they are proper names and
// read the same in every edition of the outputs.
// Licence: © European Union, 1995–today. Eurostat's data and classifications may be reused, with the
// source acknowledged, under Commission Decision 2011/833/EU on the reuse of Commission documents
// (Eurostat's copyright notice; Creative Commons Attribution 4.0 since Commission Decision C(2019) 1655).
// NUTS 2024 split Centro and Lisbon into new regions (PT19, PT1A, PT1B, PT1C, PT1D): those codes are
// not NUTS 2021 and are not listed here.

/** NUTS 2021 codes for Portugal (levels 1–3) and their names, from Eurostat's classification (reuse: Commission Decision 2011/833/EU). */
export const NUTS_2021_PT: Readonly<Record<string, string>> = {
  PT: "Portugal",
  PT1: "Continente",
  PT11: "Norte",
  PT111: "Alto Minho",
  PT112: "Cávado",
  PT119: "Ave",
  PT11A: "Área Metropolitana do Porto",
  PT11B: "Alto Tâmega",
  PT11C: "Tâmega e Sousa",
  PT11D: "Douro",
  PT11E: "Terras de Trás-os-Montes",
  PT15: "Algarve",
  PT150: "Algarve",
  PT16: "Centro",
  PT16B: "Oeste",
  PT16D: "Região de Aveiro",
  PT16E: "Região de Coimbra",
  PT16F: "Região de Leiria",
  PT16G: "Viseu Dão Lafões",
  PT16H: "Beira Baixa",
  PT16I: "Médio Tejo",
  PT16J: "Beiras e Serra da Estrela",
  PT17: "Área Metropolitana de Lisboa",
  PT170: "Área Metropolitana de Lisboa",
  PT18: "Alentejo",
  PT181: "Alentejo Litoral",
  PT184: "Baixo Alentejo",
  PT185: "Lezíria do Tejo",
  PT186: "Alto Alentejo",
  PT187: "Alentejo Central",
  PT2: "Região Autónoma dos Açores",
  PT20: "Região Autónoma dos Açores",
  PT200: "Região Autónoma dos Açores",
  PT3: "Região Autónoma da Madeira",
  PT30: "Região Autónoma da Madeira",
  PT300: "Região Autónoma da Madeira",
};

/**
 * A NUTS code as people read it: its NUTS 2021 name with the code, or the code alone when the
 * classification does not list it (another country, a code from another NUTS version).
 *
 * @example
 * nutsName("PT11"); // "Norte (PT11)"
 * nutsName("ES30"); // "ES30"
 */
export const nutsName = (code: string): string => {
  const name = NUTS_2021_PT[code];
  return name === undefined ? code : `${name} (${code})`;
};

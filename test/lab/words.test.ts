// Every code of every vocabulary has its words in each language the outputs speak, and no two codes
// of one vocabulary read the same (a reader could not tell them apart).
import { describe, expect, it } from "vitest";
import {
  adoptionWords,
  evidenceWords,
  lifecycleWords,
  moneyWords,
  organisationWords,
  procurementWords,
  sessionWords,
  sharedWords,
} from "../../src/lab/index.js";

type Edition = Readonly<Record<string, Readonly<Record<string, string>>>>;
// Each slice's words are a closed type; read here as the open table every output indexes by code.
const edition = (words: object): Edition => words as Edition;

const all = { adoptionWords, evidenceWords, lifecycleWords, moneyWords, organisationWords, procurementWords, sessionWords, sharedWords };

describe("words for every code", () => {
  for (const [slice, words] of Object.entries(all)) {
    it(`${slice}: English and Portuguese name the same codes, each with words of its own`, () => {
      const en = edition(words.en);
      const pt = edition(words["pt-PT"]);
      expect(Object.keys(pt)).toEqual(Object.keys(en));
      for (const [vocabulary, codes] of Object.entries(en)) {
        expect(Object.keys(pt[vocabulary] ?? {}), vocabulary).toEqual(Object.keys(codes));
        for (const edition of [codes, pt[vocabulary] ?? {}]) {
          const texts = Object.values(edition);
          expect(
            texts.every((t) => t.trim() !== "" && !t.includes("_")),
            `${vocabulary}: ${texts.join(", ")}`,
          ).toBe(true);
          expect(new Set(texts).size, `${vocabulary}: ${texts.join(", ")}`).toBe(texts.length);
        }
      }
    });
  }
});

import { describe, expect, it } from "vitest";
import { fixedContext, scenario } from "../../src/testing/index.js";
import { tally } from "../kernel/tally.js";

const opened = { type: "TallyOpened", data: { tallyId: "t1", label: "Visits", unit: "items", limit: 10 } } as const;
const spec = scenario(tally);

describe("scenario (given/when/then)", () => {
  it("passes when the events match", () => {
    spec
      .given([opened])
      .when({ type: "Add", tallyId: "t1", by: 2 })
      .then([{ type: "Added", data: { tallyId: "t1", by: 2 } }]);
  });

  it("fails a wrong expectation with a readable diff of expected and actual", () => {
    let message = "";
    try {
      spec
        .given([opened])
        .when({ type: "Add", tallyId: "t1", by: 2 })
        .then([{ type: "Added", data: { tallyId: "t1", by: 3 } }]);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(
      [
        "The events differ from those expected (- expected, + actual):",
        "  [",
        "    {",
        '      "data": {',
        '-       "by": 3,',
        '+       "by": 2,',
        '        "tallyId": "t1"',
        "      },",
        '      "type": "Added"',
        "    }",
        "  ]",
      ].join("\n"),
    );
  });

  it("explains a refusal when events were expected, and events when a refusal was expected", () => {
    expect(() => spec.given([]).when({ type: "Add", tallyId: "t1", by: 2 }).then([])).toThrow(
      "Expected events, but the command was refused with tally_not_open: Open the tally first.",
    );
    expect(() => spec.given([opened]).when({ type: "Add", tallyId: "t1", by: 2 }).thenError("over_limit")).toThrow(
      /Expected the command to be refused with over_limit, but it produced:\n\[\n {2}\{\n {4}"data": \{\n {6}"by": 2,\n {6}"tallyId": "t1"\n {4}\},\n {4}"type": "Added"/,
    );
    expect(() => spec.given([opened]).when({ type: "Add", tallyId: "t1", by: 20 }).thenError("tally_not_open")).toThrow(
      "Expected error tally_not_open, but got over_limit: At most 10.",
    );
  });

  it("checks a partial state and shows only the keys it was asked about", () => {
    spec.given([opened]).when({ type: "Add", tallyId: "t1", by: 2 }).thenState({ total: 2, status: "open" });
    expect(() => spec.given([opened]).when({ type: "Add", tallyId: "t1", by: 2 }).thenState({ total: 5 })).toThrow(
      'The state differs from what was expected (- expected, + actual, only the keys expected are compared):\n  {\n-   "total": 5\n+   "total": 2\n  }',
    );
  });

  it("checks occurredAt when the expectation gives it", () => {
    spec
      .given([opened])
      .when({ type: "Add", tallyId: "t1", by: 1 }, { at: "2018-01-02T03:04:05.000Z" })
      .then([{ type: "Added", data: { tallyId: "t1", by: 1 }, occurredAt: "2018-01-02T03:04:05.000Z" }]);
  });

  it("fixedContext refuses a clock that is not a date", () => {
    expect(() => fixedContext({ at: "yesterday" })).toThrow(/not a date/);
  });
});

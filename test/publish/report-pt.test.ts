// The demonstration log's Markdown report in Portuguese, kept as a file a reviewer reads: any change
// to a word, a number's format or a figure shows in the diff.
import { expect, it } from "vitest";
import { ptPT, renderReport } from "../../src/publish/index.js";
import { must } from "../../src/testing/index.js";
import { demoFigures, SECRET } from "./demo-figures.js";

it("the pt-PT Markdown report of the demonstration log is the one reviewed", async () => {
  const md = must(renderReport(demoFigures, { labels: ptPT, secret: SECRET, title: "Laboratório de inovação de demonstração, 2017–2020" }));
  await expect(md).toMatchFileSnapshot("snapshots/report.pt-PT.md");
});

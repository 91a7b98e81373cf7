import { code, count, publishedTable, share } from "../shared/index.js";

/** The tables the organisations slice publishes — reluctance: their columns and English words. */
export const organisationsTables = {
  reluctance: publishedTable([code("dimension"), code("value"), count("asked"), count("declined"), share("rate")], {
    title: "Reluctance",
    description: "Of the organisations asked to take part in a project, how many declined.",
    columns: {
      dimension: ["By", "What the rate is broken down by."],
      value: ["Group", "The level, sector, region or year."],
      asked: ["Asked", "Project–organisation pairs asked."],
      declined: ["Declined", "Pairs that declined."],
      rate: ["Rate", "Declined ÷ asked."],
    },
  }),
};

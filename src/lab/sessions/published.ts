import { code, count, publishedTable, text } from "../shared/index.js";

const people = "distinct identified people, each counted once";

// What a year and a sector are both published with: people by role, attendances, anonymous
// headcount and sessions held.
const SLICE = [
  count("people", true),
  count("citizens", true),
  count("civil_servants", true),
  count("participations", true),
  count("anonymous_headcount", true),
  count("sessions_held"),
] as const;

/** The tables the sessions slice publishes — participation by year and by sector, and who came (age, gender): their columns and English words. */
export const sessionsTables = {
  participation_by_year: publishedTable([text("year"), ...SLICE, count("public_entities"), count("partners")], {
    title: "Participation by year",
    description:
      "A person counts once in a year and once overall, so the years' people do not add up to the total; participations and anonymous headcounts do.",
    columns: {
      year: ["Year", "Calendar year of the session."],
      people: ["People", `People in any role: ${people} in the year.`],
      citizens: ["Citizens", `Citizens: ${people} in the year.`],
      civil_servants: ["Civil servants", `Civil servants: ${people} in the year.`],
      participations: ["Participations", "Attendances in the year."],
      anonymous_headcount: ["Anonymous", "Anonymous headcount in the year."],
      sessions_held: ["Sessions", "Sessions held in the year."],
      public_entities: ["Public entities", "Distinct public entities engaged in the year."],
      partners: ["Partners", "Distinct partners joined in the year."],
    },
  }),
  participation_by_sector: publishedTable([code("sector"), count("projects"), ...SLICE], {
    title: "Participation by sector",
    description: "Projects and people by the project's policy sector; people are distinct within each sector.",
    columns: {
      sector: ["Sector", "The project's policy sector."],
      projects: ["Projects", "Projects in the sector."],
      people: ["People", `People in any role: ${people} in the sector.`],
      citizens: ["Citizens", `Citizens: ${people} in the sector.`],
      civil_servants: ["Civil servants", `Civil servants: ${people} in the sector.`],
      participations: ["Participations", "Attendances in the sector's sessions."],
      anonymous_headcount: ["Anonymous", "Anonymous headcount in the sector's sessions."],
      sessions_held: ["Sessions", "Sessions held in the sector."],
    },
  }),
  age_bands: publishedTable([code("age_band"), count("people", true)], {
    title: "Who came, by age",
    description:
      "Breakdowns given at session close, of everyone present at the sessions that gave one: recorded attendees and anonymous people alike, " +
      "so the total is not the anonymous headcount.",
    columns: { age_band: ["Age band", "Age band, or all bands."], people: ["People", "People counted in the band."] },
  }),
  breakdown_bases: publishedTable(
    [
      code("breakdown"),
      count("sessions"),
      count("attendees", true),
      count("anonymous", true),
      count("present", true),
      count("counted", true),
      count("not_counted", true),
    ],
    {
      title: "Whom the breakdowns count",
      description:
        "Each breakdown is of the people present at the held sessions that gave it: present = recorded attendees + anonymous = counted + not counted.",
      columns: {
        breakdown: ["Breakdown", "By age band or by gender."],
        sessions: ["Sessions", "Held sessions that gave the breakdown."],
        attendees: ["Recorded attendees", "Attendances recorded at those sessions (a person at two counts twice)."],
        anonymous: ["Anonymous", "The anonymous headcount of those sessions."],
        present: ["Present", "Everyone at those sessions: recorded attendees plus anonymous."],
        counted: ["Counted", "People the breakdown places: its total."],
        not_counted: ["Not counted", "People present whom the breakdown does not place."],
      },
    },
  ),
  gender: publishedTable([code("gender"), count("people", true)], {
    title: "Who came, by gender",
    description: "Breakdowns by declared gender given at session close, of everyone present at the sessions that gave one (recorded and anonymous).",
    columns: { gender: ["Gender", "Declared gender, or all."], people: ["People", "People counted."] },
  }),
};

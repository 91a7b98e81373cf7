import type { ProjectCommand } from "../catalogue/index.js";
import type { LabContext } from "../register.js";
import type { Session } from "./state.js";
import { type Decided, dataOf, emit, type Evolvers, type Handlers, refuse, unregistered } from "../shared/index.js";

type Attend = Extract<ProjectCommand, { type: "RecordAttendance" }>;

// An open session to attend, close or cancel: scheduled, neither cancelled nor closed.
const open = (session: Session | undefined, sessionId: string): Decided | undefined => {
  if (!session) return refuse("session_not_found", `No session ${sessionId} is scheduled in this project.`, { sessionId });
  if (session.status === "cancelled") return refuse("session_cancelled", `Session ${sessionId} was cancelled.`, { sessionId });
  if (session.status === "closed") return refuse("session_closed", `Session ${sessionId} is already closed.`, { sessionId });
  return undefined;
};

// Who may be recorded: nobody forgotten (named by position only), organisations registered, each person once.
const attendees = (c: Attend, session: Session, ctx: LabContext): Decided | undefined => {
  const forgotten = c.attendees.flatMap((a, i) => (ctx.register.isForgotten(a.participantRef) ? [i + 1] : []));
  if (forgotten.length > 0) {
    return refuse(
      "participant_forgotten",
      `${forgotten.length > 1 ? "Attendees" : "Attendee"} #${forgotten.join(", #")} asked to be forgotten and cannot be recorded again; ` +
        "record the others without them.",
      {
        sessionId: c.sessionId,
        attendees: forgotten,
      },
    );
  }
  const affiliations = unregistered(
    c.attendees.map((a) => a.affiliationEntityId),
    ctx,
  );
  if (affiliations) return affiliations;
  const seen = new Set<string>();
  const repeated = c.attendees.flatMap(({ participantRef: ref }) => {
    const again = session.attendees.has(ref) || seen.has(ref);
    seen.add(ref);
    return again ? [ref] : [];
  });
  if (repeated.length === 0) return undefined;
  return refuse(
    "attendee_already_recorded",
    `Already recorded in session ${c.sessionId}, so not counted twice: ${repeated.join(", ")}. Record the others without them.`,
    {
      sessionId: c.sessionId,
      participantRefs: repeated,
    },
  );
};

/** Participatory sessions: scheduled, attended, then closed (held) or cancelled. */
export const sessionHandlers: Handlers<"ScheduleSession" | "RecordAttendance" | "CloseSession" | "CancelSession"> = {
  ScheduleSession: (c, s, _ctx, at) => {
    if (s.sessions.has(c.sessionId)) return refuse("session_exists", `Session ${c.sessionId} is already scheduled.`, { sessionId: c.sessionId });
    return emit(at, { type: "SessionScheduled", data: dataOf(c) });
  },
  RecordAttendance: (c, s, ctx, at) => {
    const session = s.sessions.get(c.sessionId);
    const problem = open(session, c.sessionId) ?? (session && attendees(c, session, ctx));
    return problem ?? emit(at, { type: "AttendanceRecorded", data: { projectId: c.projectId, sessionId: c.sessionId, attendees: c.attendees } });
  },
  CloseSession: (c, s, _ctx, at) => {
    const session = s.sessions.get(c.sessionId);
    const problem = open(session, c.sessionId);
    if (problem) return problem;
    const present = (session?.attendees.size ?? 0) + Object.values(c.anonymousHeadcount).reduce((n, x) => n + x, 0);
    for (const [breakdown, counts] of Object.entries(c.demographics ?? {})) {
      const total = Object.values(counts ?? {}).reduce((n: number, x) => n + (x ?? 0), 0);
      if (total > present) {
        return refuse(
          "demographics_exceed_attendance",
          `The ${breakdown === "ageBands" ? "age" : "gender"} breakdown counts ${total} people, but ${present} were at session ${c.sessionId} ` +
            "(attendees recorded and anonymous headcount).",
          { sessionId: c.sessionId, breakdown, total, present },
        );
      }
    }
    return emit(at, { type: "SessionClosed", data: dataOf(c) });
  },
  CancelSession: (c, s, _ctx, at) =>
    open(s.sessions.get(c.sessionId), c.sessionId) ??
    emit(at, { type: "SessionCancelled", data: { projectId: c.projectId, sessionId: c.sessionId, reason: c.reason } }),
};

/** A session keeps who attended, in which role, until when; and its headcount once held. */
export const sessionEvolvers: Evolvers<"SessionScheduled" | "AttendanceRecorded" | "SessionClosed" | "SessionCancelled"> = {
  SessionScheduled: (s, e) => {
    const d = e.data;
    s.sessions = s.sessions.set(d.sessionId, {
      kind: d.kind,
      mode: d.mode,
      scheduledFor: d.scheduledFor,
      stage: s.stage,
      status: "scheduled",
      attendees: new Map(),
      scheduledEventId: e.id,
      closed: null,
      headcount: null,
      contributions: 0,
    });
  },
  // Sessions are held in a PersistentMap of frozen values: each change is a new session put back.
  AttendanceRecorded: (s, e) => {
    const session = s.sessions.get(e.data.sessionId);
    if (!session) return;
    const attendees = new Map(session.attendees);
    for (const a of e.data.attendees) attendees.set(a.participantRef, a.role);
    s.sessions = s.sessions.set(e.data.sessionId, { ...session, attendees });
  },
  SessionClosed: (s, e) => {
    const session = s.sessions.get(e.data.sessionId);
    if (!session) return;
    s.sessions = s.sessions.set(e.data.sessionId, {
      ...session,
      status: "closed",
      closed: { at: e.occurredAt, eventId: e.id },
      headcount: e.data.anonymousHeadcount,
      contributions: e.data.contributions,
    });
  },
  SessionCancelled: (s, e) => {
    const session = s.sessions.get(e.data.sessionId);
    if (session) s.sessions = s.sessions.set(e.data.sessionId, { ...session, status: "cancelled" });
  },
};

import * as z from "zod";
import { type ActorRole, command } from "../shared/index.js";
import { AttendanceRecordedData, AttendeeInput, SessionCancelledData, SessionClosedData, SessionScheduledData } from "./events.js";

/** Plan a session. → `SessionScheduled` */
export const ScheduleSession = command("ScheduleSession", SessionScheduledData);
/** Record who attended a session (live references only, never redacted ones). → `AttendanceRecorded` */
export const RecordAttendance = command("RecordAttendance", AttendanceRecordedData.extend({ attendees: z.array(AttendeeInput).min(1).max(1000) }));
/** Close a session that was held. → `SessionClosed` */
export const CloseSession = command("CloseSession", SessionClosedData);
/** Call a session off. → `SessionCancelled` */
export const CancelSession = command("CancelSession", SessionCancelledData);
/** The sessions commands, for the catalogue's unions. */
export const sessionsCommands = [ScheduleSession, RecordAttendance, CloseSession, CancelSession] as const;

/** Which roles may issue the sessions commands (see the permission table). */
export const sessionsPermissions = {
  ScheduleSession: ["facilitator", "lab_team", "system"],
  RecordAttendance: ["facilitator", "lab_team", "system"],
  CloseSession: ["facilitator", "lab_team", "system"],
  CancelSession: ["facilitator", "lab_team", "system"],
} as const satisfies Record<(typeof sessionsCommands)[number]["shape"]["type"]["value"], readonly ActorRole[]>;

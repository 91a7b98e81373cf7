/** The rules of the sessions slice, by their stable codes, with what each protects. */
export const sessionsRuleCodes = {
  session_exists: "a session id scheduled twice",
  session_not_found: "a command names a session that was never scheduled",
  session_cancelled: "attendance or closing of a cancelled session",
  session_closed: "attendance, closing or cancelling of a closed session",
  session_not_held_yet: "attendance or closing before the session's scheduled time",
  closed_before_attendance: "a session closed before the attendance recorded for it",
  attendee_already_recorded: "the same person twice in a session",
  demographics_exceed_attendance: "an anonymous breakdown that counts more people than were at the session",
} as const;

/** The GraphQL operations of a session's follow-up view (plain strings: a test validates them against schema.graphql). */
const COOPERATION = `id meetingDate createdOn requestedBy stage stageLabel
  a { id name } b { id name }
  history { stage on note publicContract }
  reminders { monthsAfter dueOn doneOn note status }`;
const DISTRIBUTION = 'on opened publicContracts stages { stage label count }';

/** Everything the view shows, in one round trip: it is reloaded after each change, so that the figures always agree. */
export const FOLLOW_UP_QUERY = `query SessionFollowUp($sessionId: ID!) {
  matchmakingSession(id: $sessionId) {
    id title startsAt timeZone rounds mode
    roundWindows { round startsAt }
    participants { actor { id } absentFromRound }
    schedule {
      meetings {
        id round table a { id name } b { id name }
        feedback { actor { id } interest followUpWanted note recordedAt }
      }
    }
  }
  cooperations(sessionId: $sessionId) { ${COOPERATION} }
  dueCooperationReminders(sessionId: $sessionId) { monthsAfter dueOn status daysOverdue cooperation { id meetingDate a { name } b { name } } }
  sessionReport(sessionId: $sessionId) {
    asOf
    meetings { planned held cancelledByAbsence }
    noShows { id name }
    interest { feedbackCount bothSidesShare levels { level label count } }
    followUps { requested byBothSides }
    outcomes {
      cooperations
      current { ${DISTRIBUTION} }
      checkpoints { monthsAfter on reached distribution { ${DISTRIBUTION} } }
    }
    warnings
  }
}`;

export const RECORD_FEEDBACK_MUTATION = `mutation RecordMeetingFeedback($input: RecordMeetingFeedbackInput!) {
  recordMeetingFeedback(input: $input) { feedback { interest } cooperation { id } }
}`;

export const MOVE_STAGE_MUTATION = `mutation MoveCooperationStage($input: MoveCooperationStageInput!) {
  moveCooperationStage(input: $input) { id stage stageLabel }
}`;

export const COMPLETE_REMINDER_MUTATION = `mutation CompleteCooperationReminder($input: CompleteCooperationReminderInput!) {
  completeCooperationReminder(input: $input) { id }
}`;

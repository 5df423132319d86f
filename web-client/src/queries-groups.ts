/** The GraphQL operations of the "Groupes de travail" screens (plain strings: the tests run them against the schema). */
const COUNTS = 'byStatus { PLANNED IN_PROGRESS BLOCKED DONE DROPPED }';
const ACTION = `id title status statusReason dueOn planAction { code title }
  indicators { id name unit baseline target progress current { on value } history { on value } }`;

export const PLAN_PROGRESS_QUERY = `query PlanProgress($code: String!) {
  plan(code: $code) {
    id code title
    groups { id code name mode }
    progress {
      today
      totals { actionCount groupCount overdueCount meanProgress ${COUNTS} }
      axes {
        code title actionCount groupCount overdueCount meanProgress ${COUNTS}
        actions { code title actionCount groupCount groupCodes overdueCount meanProgress ${COUNTS} }
      }
    }
  }
}`;

export const GROUP_BOARD_QUERY = `query GroupBoard($id: ID!) {
  workingGroup(id: $id) {
    id code name mode description
    plan { code title }
    members { role leftOn person { id name } }
    meetings { id startsAt place decisions minutes }
    board {
      today openCount
      columns { status label actions { daysLate ownerName action { ${ACTION} } } }
      overdue { daysLate ownerName action { id title dueOn } }
      nextMeeting { on place startsAt videoLink }
      lastDecisions { meetingId meetingOn text }
    }
  }
}`;

export const GROUP_ACTIVITY_QUERY = `query GroupActivity($id: ID!, $before: String) {
  workingGroup(id: $id) { id activity(first: 5, before: $before) { nextCursor items { id at by summary } } }
}`;

export const CHANGE_STATUS_MUTATION = `mutation ChangeGroupActionStatus($id: ID!, $status: ActionStatus!, $reason: String) {
  changeGroupActionStatus(id: $id, status: $status, reason: $reason) { id status statusReason }
}`;

export const RECORD_VALUE_MUTATION = `mutation RecordIndicatorValue($indicatorId: ID!, $input: IndicatorValueInput!) {
  recordIndicatorValue(indicatorId: $indicatorId, input: $input) { id }
}`;

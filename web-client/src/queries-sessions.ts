/** The GraphQL operations of the speed-meeting sessions screens (plain strings: the tests run them against the schema). */
const MEETING = 'id round table startsAt endsAt score reasons a { id name } b { id name }';
const STATS = 'meetingCount minMeetings meanMeetings maxMeetings belowFairShare mutualWishesScheduled oneSidedWishesScheduled';
export const SCHEDULE_FIELDS = `meetings { ${MEETING} } stats { ${STATS} }`;

export const SESSIONS_QUERY = `query Sessions($first: Int) {
  matchmakingSessions(first: $first) { totalCount items { id title startsAt timeZone rounds tables mode scheduleStale scheduledAt } }
}`;
export const SESSION_QUERY = `query Session($id: ID!) {
  matchmakingSession(id: $id) {
    id title startsAt timeZone rounds tables mode pitchMinutes exchangeMinutes changeoverMinutes venueName venueAddress
    scheduleStale scheduleSeed scheduledAt
    roundWindows { round startsAt endsAt }
    participants { actor { id name } side personName personRole availableRounds absentFromRound checkedInAt }
    schedule { ${SCHEDULE_FIELDS} }
  }
}`;
export const GENERATE_SCHEDULE_MUTATION = `mutation GenerateSchedule($sessionId: ID!, $seed: Int) {
  generateSchedule(sessionId: $sessionId, seed: $seed) { ${SCHEDULE_FIELDS} }
}`;
export const MARK_ABSENT_MUTATION = `mutation MarkAbsent($sessionId: ID!, $actorId: ID!, $fromRound: Int!) {
  markAbsent(sessionId: $sessionId, actorId: $actorId, fromRound: $fromRound) { ${SCHEDULE_FIELDS} }
}`;
export const LIVE_VIEW_QUERY = `query LiveView($sessionId: ID!, $at: String) {
  sessionLiveView(sessionId: $sessionId, at: $at) {
    at currentRound nextRound phase phaseEndsAt secondsLeft
    meetings { ${MEETING} }
    notCheckedIn { actor { id name } personName }
    session { id title rounds }
  }
}`;

/** The GraphQL operations of the speed-meeting sessions screens (plain strings: the tests run them against the schema). */
const MEETING = 'id round table startsAt endsAt score reasons a { id name } b { id name }';
const STATS = 'meetingCount minMeetings meanMeetings maxMeetings belowFairShare mutualWishesScheduled oneSidedWishesScheduled';
const SESSION_SETTINGS = `id title startsAt timeZone registrationDeadline rounds tables mode pitchMinutes exchangeMinutes changeoverMinutes
    venueName venueAddress theme { title description needs { label } }`;
const PARTICIPANT = 'actor { id name kind } side personName personRole availableRounds absentFromRound checkedInAt wishes { priority actor { id name } } avoid { id name }';
export const SCHEDULE_FIELDS = `meetings { ${MEETING} } stats { ${STATS} }`;

export const SESSIONS_QUERY = `query Sessions($first: Int) {
  matchmakingSessions(first: $first) { totalCount items { id title startsAt timeZone rounds tables mode scheduleStale scheduledAt } }
}`;
export const SESSION_QUERY = `query Session($id: ID!) {
  matchmakingSession(id: $id) {
    ${SESSION_SETTINGS}
    scheduleStale scheduleSeed scheduledAt
    roundWindows { round startsAt endsAt }
    participants { ${PARTICIPANT} }
    schedule { ${SCHEDULE_FIELDS} }
  }
}`;
export const SESSION_SETTINGS_QUERY = `query SessionSettings($id: ID!) {
  matchmakingSession(id: $id) { ${SESSION_SETTINGS} scheduledAt }
}`;
export const SESSION_PARTICIPANTS_QUERY = `query SessionParticipants($id: ID!) {
  matchmakingSession(id: $id) { ${SESSION_SETTINGS} roundWindows { round startsAt endsAt } participants { ${PARTICIPANT} } }
}`;
export const CREATE_SESSION_MUTATION = `mutation CreateSession($input: CreateSessionInput!) {
  createMatchmakingSession(input: $input) { id }
}`;
export const UPDATE_SESSION_MUTATION = `mutation UpdateSession($id: ID!, $input: UpdateSessionInput!) {
  updateMatchmakingSession(id: $id, input: $input) { id }
}`;
export const REGISTER_PARTICIPANT_MUTATION = `mutation RegisterParticipant($input: RegisterParticipantInput!) {
  registerParticipant(input: $input) { ${PARTICIPANT} }
}`;
export const UNREGISTER_PARTICIPANT_MUTATION = `mutation UnregisterParticipant($sessionId: ID!, $actorId: ID!) {
  unregisterParticipant(sessionId: $sessionId, actorId: $actorId)
}`;
export const CHECK_IN_MUTATION = `mutation CheckIn($sessionId: ID!, $actorId: ID!, $present: Boolean!) {
  checkInParticipant(sessionId: $sessionId, actorId: $actorId, present: $present) { actor { id } checkedInAt }
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

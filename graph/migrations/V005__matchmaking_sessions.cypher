// Speed-meeting sessions (ecoCIRC format): sessions, their participants and planned meetings,
// and the cooperations that follow from them.
CREATE CONSTRAINT matchmaking_session_id IF NOT EXISTS FOR (s:MatchmakingSession) REQUIRE s.id IS UNIQUE;
// One registration per actor and session: `key` is "<sessionId>|<actorId>" (node keys need
// Enterprise Edition), so two concurrent registrations of the same actor cannot both create.
CREATE CONSTRAINT participant_key IF NOT EXISTS FOR (p:Participant) REQUIRE p.key IS UNIQUE;
CREATE CONSTRAINT session_meeting_id IF NOT EXISTS FOR (m:SessionMeeting) REQUIRE m.id IS UNIQUE;
CREATE CONSTRAINT cooperation_id IF NOT EXISTS FOR (c:Cooperation) REQUIRE c.id IS UNIQUE;
// A meeting opens at most one cooperation, however many times feedback is recorded.
CREATE CONSTRAINT cooperation_meeting IF NOT EXISTS FOR (c:Cooperation) REQUIRE c.meetingId IS UNIQUE;
// Sessions are listed by date; a session's meetings are read by session.
CREATE INDEX matchmaking_session_starts_at IF NOT EXISTS FOR (s:MatchmakingSession) ON (s.startsAt);
CREATE INDEX session_meeting_session IF NOT EXISTS FOR (m:SessionMeeting) ON (m.sessionId);
CREATE INDEX participant_session IF NOT EXISTS FOR (p:Participant) ON (p.sessionId);

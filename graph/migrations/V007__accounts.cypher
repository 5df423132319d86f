// Accounts, roles and sessions (issue 8). Users gain an id, a role (ADMIN | FACILITATOR | MEMBER),
// a display name and a disabled flag; facilitators are scoped by (:User)-[:FACILITATES]->(:Territory),
// members represent actors by (:User)-[:REPRESENTS]->(:Actor). Each sign-in is an AuthSession
// ((:User)-[:HAS_SESSION]->(:AuthSession)) that logout revokes. Invitations and password resets
// are single-use tokens stored as their SHA-256 (`tokenHash`), never in clear.
CREATE CONSTRAINT user_id IF NOT EXISTS FOR (u:User) REQUIRE u.id IS UNIQUE;
// Admin listings filter by role; the last-admin rule counts admins.
CREATE INDEX user_role IF NOT EXISTS FOR (u:User) ON (u.role);
CREATE CONSTRAINT auth_session_id IF NOT EXISTS FOR (s:AuthSession) REQUIRE s.id IS UNIQUE;
// Expired sessions are deleted lazily, a batch at each sign-in.
CREATE INDEX auth_session_expires_at IF NOT EXISTS FOR (s:AuthSession) ON (s.expiresAt);
CREATE CONSTRAINT invitation_token_hash IF NOT EXISTS FOR (i:Invitation) REQUIRE i.tokenHash IS UNIQUE;
// At most one pending invitation per email: inviting again replaces it.
CREATE CONSTRAINT invitation_email IF NOT EXISTS FOR (i:Invitation) REQUIRE i.email IS UNIQUE;
CREATE INDEX invitation_expires_at IF NOT EXISTS FOR (i:Invitation) ON (i.expiresAt);
CREATE CONSTRAINT password_reset_token_hash IF NOT EXISTS FOR (r:PasswordReset) REQUIRE r.tokenHash IS UNIQUE;
CREATE INDEX password_reset_expires_at IF NOT EXISTS FOR (r:PasswordReset) ON (r.expiresAt);
// Accounts made before this migration (the start-up admin): an id and an explicit flag.
MATCH (u:User) WHERE u.id IS NULL SET u.id = randomUUID();
MATCH (u:User) WHERE u.disabled IS NULL SET u.disabled = false;

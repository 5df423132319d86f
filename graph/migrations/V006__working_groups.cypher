// Working groups of regional circular-economy plans (PRAEC-style): plans with axes and actions,
// people, groups and their members, meetings, the groups' actions with indicators, and the
// changes kept for the activity feed.
CREATE CONSTRAINT plan_id IF NOT EXISTS FOR (p:Plan) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT plan_code IF NOT EXISTS FOR (p:Plan) REQUIRE p.code IS UNIQUE;
// Axes and actions are unique by code within their plan: `key` is "<planId>|<code>" (node keys
// need Enterprise Edition), so two concurrent upserts of a plan cannot both create one.
CREATE CONSTRAINT plan_axis_key IF NOT EXISTS FOR (x:PlanAxis) REQUIRE x.key IS UNIQUE;
CREATE CONSTRAINT plan_action_key IF NOT EXISTS FOR (a:PlanAction) REQUIRE a.key IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (p:Person) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT working_group_id IF NOT EXISTS FOR (g:WorkingGroup) REQUIRE g.id IS UNIQUE;
// A group code is unique within its plan: `key` is "<planId>|<code>".
CREATE CONSTRAINT working_group_key IF NOT EXISTS FOR (g:WorkingGroup) REQUIRE g.key IS UNIQUE;
CREATE CONSTRAINT group_meeting_id IF NOT EXISTS FOR (m:GroupMeeting) REQUIRE m.id IS UNIQUE;
CREATE CONSTRAINT group_action_id IF NOT EXISTS FOR (a:GroupAction) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT indicator_id IF NOT EXISTS FOR (i:Indicator) REQUIRE i.id IS UNIQUE;
// One value per indicator and day: `key` is "<indicatorId>|<YYYY-MM-DD>".
CREATE CONSTRAINT indicator_value_key IF NOT EXISTS FOR (v:IndicatorValue) REQUIRE v.key IS UNIQUE;
CREATE CONSTRAINT group_change_id IF NOT EXISTS FOR (c:GroupChange) REQUIRE c.id IS UNIQUE;
// People are found by email, whatever its case (`emailKey` is the lower-cased email). Not unique:
// emails may be missing, and one address may stand for a shared mailbox.
CREATE INDEX person_email_key IF NOT EXISTS FOR (p:Person) ON (p.emailKey);
// Groups are listed by plan.
CREATE INDEX working_group_plan IF NOT EXISTS FOR (g:WorkingGroup) ON (g.planId);
// Actions are listed by group, filtered by status and followed by due date.
CREATE INDEX group_action_group IF NOT EXISTS FOR (a:GroupAction) ON (a.groupId);
CREATE INDEX group_action_status IF NOT EXISTS FOR (a:GroupAction) ON (a.status);
CREATE INDEX group_action_due_on IF NOT EXISTS FOR (a:GroupAction) ON (a.dueOn);
// A group's meetings are read by group.
CREATE INDEX group_meeting_group IF NOT EXISTS FOR (m:GroupMeeting) ON (m.groupId);
// The activity feed of a group, newest first, read page by page.
CREATE INDEX group_change_group_at IF NOT EXISTS FOR (c:GroupChange) ON (c.groupId, c.at);

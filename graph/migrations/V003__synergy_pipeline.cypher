// Tracked synergies (the pipeline from lead to implementation) and their history.
CREATE CONSTRAINT synergy_id IF NOT EXISTS FOR (s:Synergy) REQUIRE s.id IS UNIQUE;
// One tracked synergy per set of flows of a kind: tracking the same lead twice is refused (a
// lead that was abandoned is reopened instead), so the funnel never counts it twice.
CREATE CONSTRAINT synergy_flow_key IF NOT EXISTS FOR (s:Synergy) REQUIRE s.flowKey IS UNIQUE;
CREATE CONSTRAINT synergy_event_id IF NOT EXISTS FOR (e:SynergyEvent) REQUIRE e.id IS UNIQUE;
// trackedSynergies filters by status and kind and lists newest first.
CREATE INDEX synergy_status IF NOT EXISTS FOR (s:Synergy) ON (s.status);
CREATE INDEX synergy_kind IF NOT EXISTS FOR (s:Synergy) ON (s.kind);
CREATE INDEX synergy_created_at IF NOT EXISTS FOR (s:Synergy) ON (s.createdAt);

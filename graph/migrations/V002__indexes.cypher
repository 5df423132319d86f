// Proximity search: nearbyActors and synergy search filter on point.distance(a.location, ...).
CREATE POINT INDEX actor_location IF NOT EXISTS FOR (a:Actor) ON (a.location);
// Text search over a folded copy (lowercase, no accents) of name, description and activities,
// so "recyclerie" finds "Récyclerie" whatever the analyzer does with accents.
CREATE FULLTEXT INDEX actor_search_text IF NOT EXISTS FOR (a:Actor) ON EACH [a.searchText];
CREATE FULLTEXT INDEX flow_search_text IF NOT EXISTS FOR (f:Flow) ON EACH [f.searchText];
CREATE INDEX actor_name IF NOT EXISTS FOR (a:Actor) ON (a.name);
CREATE INDEX actor_kind IF NOT EXISTS FOR (a:Actor) ON (a.kind);
CREATE INDEX actor_economy IF NOT EXISTS FOR (a:Actor) ON (a.economy);
CREATE INDEX actor_naf_code IF NOT EXISTS FOR (a:Actor) ON (a.nafCode);
CREATE INDEX flow_direction IF NOT EXISTS FOR (f:Flow) ON (f.direction);
CREATE INDEX territory_code IF NOT EXISTS FOR (t:Territory) ON (t.code);
CREATE INDEX territory_level IF NOT EXISTS FOR (t:Territory) ON (t.level);
CREATE INDEX territory_name IF NOT EXISTS FOR (t:Territory) ON (t.name);
CREATE INDEX resource_category_family IF NOT EXISTS FOR (c:ResourceCategory) ON (c.family);

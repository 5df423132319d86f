// Identity of every node kind the platform writes. Unique constraints also back lookups by id.
CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (m:__Migration) REQUIRE m.version IS UNIQUE;
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT actor_external_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.externalId IS UNIQUE;
CREATE CONSTRAINT flow_id IF NOT EXISTS FOR (f:Flow) REQUIRE f.id IS UNIQUE;
CREATE CONSTRAINT flow_external_id IF NOT EXISTS FOR (f:Flow) REQUIRE f.externalId IS UNIQUE;
CREATE CONSTRAINT territory_key IF NOT EXISTS FOR (t:Territory) REQUIRE t.key IS UNIQUE;
CREATE CONSTRAINT resource_category_code IF NOT EXISTS FOR (c:ResourceCategory) REQUIRE c.code IS UNIQUE;
CREATE CONSTRAINT user_email IF NOT EXISTS FOR (u:User) REQUIRE u.email IS UNIQUE;
CREATE CONSTRAINT app_setting_name IF NOT EXISTS FOR (s:AppSetting) REQUIRE s.name IS UNIQUE;

// The synergy search reads flows through copies of their owner's location and their category
// (graph/repositories/flow-search-keys.ts fills them; start-up backfills older flows).
// A 20 km circle: every offer or need in it, by the point index of its direction's label.
CREATE POINT INDEX offer_location IF NOT EXISTS FOR (f:Offer) ON (f.location);
CREATE POINT INDEX need_location IF NOT EXISTS FOR (f:Need) ON (f.location);
// Around one actor: the flows of a few categories in a few grid cells, by exact seeks.
CREATE INDEX offer_category_cell IF NOT EXISTS FOR (f:Offer) ON (f.categoryCode, f.cell);
CREATE INDEX need_category_cell IF NOT EXISTS FOR (f:Need) ON (f.categoryCode, f.cell);
CREATE INDEX offer_category_coarse_cell IF NOT EXISTS FOR (f:Offer) ON (f.categoryCode, f.coarseCell);
CREATE INDEX need_category_coarse_cell IF NOT EXISTS FOR (f:Need) ON (f.categoryCode, f.coarseCell);

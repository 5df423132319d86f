import { COARSE_GRID, COLUMNS, FINE_GRID, SearchGrid } from '../../server/domain/geo/search-grid';
import { Db } from '../database';
import { intParam, toNumber } from '../convert';

/**
 * Flows carry a copy of what the synergy search filters on, so that search reads flows alone,
 * through their own indexes (migration V004), instead of walking actor → flow → category for
 * tens of thousands of flows:
 *  - the label `:Offer` or `:Need` (the direction, as a label so point indexes can serve it);
 *  - `actorId`, `location` (the owner's), `categoryCode`;
 *  - `cell` and `coarseCell`, the flow's cells in the search grids (server/domain/geo/search-grid.ts).
 * The edges stay the truth; every write that changes an owner, a location, a direction or a
 * category runs {@link REFRESH_FLOW_SEARCH_KEYS} in the same transaction.
 */

const cellExpression = (grid: SearchGrid, location: string) =>
  `toInteger(floor((${location}.latitude + 90) / ${grid.latStepDeg})) * ${COLUMNS} + toInteger(floor((${location}.longitude + 180) / ${grid.lonStepDeg}))`;

/**
 * Cypher that refreshes the search keys of the flow bound to `f` (a unit subquery: it keeps
 * the rows it is given). Only the fixed grid constants above are written into the text.
 */
export const REFRESH_FLOW_SEARCH_KEYS = `
  CALL (f) {
    MATCH (keysOwner:Actor)-[keysEdge:OFFERS|NEEDS]->(f)
    OPTIONAL MATCH (f)-[:OF_CATEGORY]->(keysCategory:ResourceCategory)
    SET f.actorId = keysOwner.id, f.location = keysOwner.location, f.categoryCode = keysCategory.code,
        f.cell = ${cellExpression(FINE_GRID, 'keysOwner.location')},
        f.coarseCell = ${cellExpression(COARSE_GRID, 'keysOwner.location')}
    FOREACH (_ IN CASE WHEN type(keysEdge) = 'OFFERS' THEN [1] ELSE [] END | SET f:Offer REMOVE f:Need)
    FOREACH (_ IN CASE WHEN type(keysEdge) = 'NEEDS' THEN [1] ELSE [] END | SET f:Need REMOVE f:Offer)
  }`;

/**
 * Gives search keys to flows that lack them: those stored before migration V004, or written
 * by a tool that bypassed the repositories. Batched, so a large graph never sits in one
 * transaction. Runs at start-up; when every flow has its direction label (label counts come
 * from Neo4j's count store, without reading flows) it costs one query.
 *
 * @returns how many flows were updated
 */
export async function backfillFlowSearchKeys(db: Db, log: (m: string) => void = () => undefined, batch = 10000): Promise<number> {
  const complete = await db.read(async (tx) => {
    const result = await tx.run(
      `CALL () { MATCH (f:Flow) RETURN count(f) AS flows }
       CALL () { MATCH (f:Offer) RETURN count(f) AS offers }
       CALL () { MATCH (f:Need) RETURN count(f) AS needs }
       RETURN flows = offers + needs AS complete`,
    );
    return Boolean(result.records[0].get('complete'));
  });
  if (complete) return 0;
  let total = 0;
  for (;;) {
    const done = await db.write(async (tx) => {
      const result = await tx.run(
        `MATCH (f:Flow) WHERE f.coarseCell IS NULL AND EXISTS { (a:Actor WHERE a.location IS NOT NULL)-[:OFFERS|NEEDS]->(f) }
         WITH f LIMIT $batch
         ${REFRESH_FLOW_SEARCH_KEYS}
         RETURN count(f) AS n`,
        { batch: intParam(batch) },
      );
      return toNumber(result.records[0]?.get('n')) ?? 0;
    });
    total += done;
    if (done < batch) break;
    log(`Flow search keys: ${total} flows`);
  }
  if (total > 0) log(`Flow search keys given to ${total} flows`);
  return total;
}

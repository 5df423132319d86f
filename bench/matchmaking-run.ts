import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../graph/project-root';
import { hardRuleViolations, planSchedule, replanFrom, scheduleStats } from '../server/domain/matchmaking/scheduler';
import { withNamedSection } from './markdown-section';
import { MatchmakingBenchOptions, Planner, runMatchmakingBench } from './matchmaking-bench';

/**
 * `npm run bench:matchmaking`: runs the scheduling benchmark and writes its section into
 * BENCHMARKS.md between `<!-- matchmaking:start -->` and `<!-- matchmaking:end -->` (appended
 * at the end when the markers are absent), leaving the rest of the file as it is: the other
 * sections come from `npm run bench`, which needs Neo4j, and must survive this run.
 *
 * Environment: BENCH_MATCHMAKING_SEEDS (comma-separated seeds of the large sessions, default
 * 1,2,3,4,5), BENCH_MATCHMAKING_TIME_LIMIT (HiGHS seconds per MILP, default 60).
 */

/** The markers around the section in BENCHMARKS.md: HTML comments, invisible once rendered. */
export const START_MARKER = '<!-- matchmaking:start -->';
export const END_MARKER = '<!-- matchmaking:end -->';

/** `document` with `section` between the matchmaking markers (see withNamedSection). */
export function withSection(document: string, section: string): string {
  return withNamedSection(document, 'matchmaking', section);
}

/** The scheduler under test. */
const scheduler: Planner = { planSchedule, replanFrom, scheduleStats, hardRuleViolations };

async function main(): Promise<void> {
  const log = (m: string) => console.log(`[bench:matchmaking] ${m}`);
  const options: MatchmakingBenchOptions = {
    log,
    largeSeeds: process.env.BENCH_MATCHMAKING_SEEDS?.split(',').map(Number),
    exactTimeLimit: process.env.BENCH_MATCHMAKING_TIME_LIMIT ? Number(process.env.BENCH_MATCHMAKING_TIME_LIMIT) : undefined,
  };
  const section = await runMatchmakingBench(scheduler, options);
  const file = path.join(PROJECT_ROOT, 'BENCHMARKS.md');
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  fs.writeFileSync(file, withSection(before, section));
  log(`written to ${file}`);
  console.log(section);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}

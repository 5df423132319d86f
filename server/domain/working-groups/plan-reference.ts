/**
 * The reference plans shipped with Maillage, and the integrity rules every plan obeys. Pure but
 * for reading a file when asked to.
 *
 * `seeds/reference/praec-occitanie.json` is the PRAEC of the Occitanie region as seed 003
 * presents it: 16 actions in 6 axes (1 Gouvernance régionale … 6 Déchets), the titles as the
 * plan writes them. It is a plan document: a {@link PlanRecord} without its database id, plus a
 * `source` note for reviewers. Its territory is the graph's key of the region, "REGION:76"
 * (territory keys are LEVEL:INSEE code, see seeds/reference/french-territories.ts).
 *
 * The integrity rules, and why:
 * - A plan has a kebab-case code ("praec-occitanie"): it is its name in URLs and seeds, and
 *   stays stable when the title is reworded.
 * - At least one axis. Axis codes are short (1 to 10 letters or digits: "6", "A") and unique:
 *   they prefix the actions' codes.
 * - Action codes read "N.M": the axis code, a dot, and the action's number within its axis
 *   ("6.2" is the 2nd action of axis 6). Every plan the seeds describe numbers its actions
 *   this way, and it lets anyone tell an action's axis from its code alone, so the code must
 *   agree with `axisCode`. Codes are unique within the plan: groups and actions refer to them.
 * - Every action's axis exists, and every title is given: a code alone tells a reader nothing.
 * - An axis may have no action yet: a plan is often written axis first.
 */
import * as fs from 'node:fs';
import planData from '../../../seeds/reference/praec-occitanie.json';
import { GroupProblem, PlanAction, PlanAxis, PlanRecord } from './model';

/** A plan as a document: a {@link PlanRecord} before it gets a database id. */
export type PlanDocument = Omit<PlanRecord, 'id'>;

/** Code of the PRAEC Occitanie, the reference plan. */
export const PRAEC_OCCITANIE_CODE = 'praec-occitanie';

/** Longest plan, axis or action title: a sentence, not a paragraph. */
export const MAX_PLAN_TITLE = 300;
/** Longest plan description. */
export const MAX_PLAN_DESCRIPTION = 4000;

/** kebab-case: lowercase letters and digits in words joined by single dashes. */
export const PLAN_CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** An axis code: 1 to 10 letters or digits. */
export const AXIS_CODE_PATTERN = /^[A-Za-z0-9]{1,10}$/;
/** The number of an action within its axis, after the dot: 1 to 999, no leading zero. */
const ACTION_NUMBER = '[1-9][0-9]{0,2}';

/**
 * Whether `code` is a well-formed action code of axis `axisCode` ("6.2" for axis "6").
 *
 * @example isActionCodeOf('6.2', '6') // true
 * @example isActionCodeOf('6.2', '5') // false
 */
export function isActionCodeOf(code: string, axisCode: string): boolean {
  if (!AXIS_CODE_PATTERN.test(axisCode)) return false;
  return new RegExp(`^${axisCode}\\.${ACTION_NUMBER}$`).test(code);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Reads a plan document: the PRAEC Occitanie by default, or the JSON file at `file` (another
 * region's plan, a territory's EIT programme). Keeps only the fields of a plan (the `source`
 * note is for reviewers) and does not judge the content: run {@link planProblems} on the result.
 *
 * @param file path of a JSON plan document; absent: the PRAEC Occitanie shipped with Maillage
 * @throws Error when the file cannot be read or is not a JSON object with `axes` and `actions` lists
 */
export function loadPlanReference(file?: string): PlanDocument {
  let raw: unknown = planData;
  if (file !== undefined) {
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`cannot read the plan document ${file}: ${(error as Error).message}`);
    }
  }
  const where = file ?? 'seeds/reference/praec-occitanie.json';
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(`${where}: a plan document must be a JSON object`);
  const doc = raw as Record<string, unknown>;
  if (!Array.isArray(doc.axes) || !Array.isArray(doc.actions)) throw new Error(`${where}: a plan document needs "axes" and "actions" lists`);
  const optional = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null);
  return {
    code: text(doc.code),
    title: text(doc.title),
    description: optional(doc.description),
    territoryKey: optional(doc.territoryKey),
    axes: (doc.axes as Record<string, unknown>[]).map((axis): PlanAxis => ({ code: text(axis?.code), title: text(axis?.title) })),
    actions: (doc.actions as Record<string, unknown>[]).map(
      (action): PlanAction => ({ code: text(action?.code), axisCode: text(action?.axisCode), title: text(action?.title) }),
    ),
  };
}

/**
 * Integrity of a plan against the rules above. Used on the reference file by its unit test and
 * on any plan a user writes (see checkPlanInput in group-rules).
 *
 * @returns every problem, with the field to blame ("actions[3].code"); empty when sound
 */
export function planProblems(plan: PlanDocument): GroupProblem[] {
  const problems: GroupProblem[] = [];
  if (!PLAN_CODE_PATTERN.test(plan.code)) {
    problems.push({ field: 'code', message: `must be lowercase kebab-case, e.g. "praec-occitanie" (got "${plan.code}")` });
  }
  if (!plan.title.trim()) problems.push({ field: 'title', message: 'is required: give the name of the plan' });
  else if (plan.title.trim().length > MAX_PLAN_TITLE) {
    problems.push({ field: 'title', message: `must have at most ${MAX_PLAN_TITLE} characters (got ${plan.title.trim().length}): shorten it` });
  }
  if (plan.description && plan.description.length > MAX_PLAN_DESCRIPTION) {
    problems.push({ field: 'description', message: `must have at most ${MAX_PLAN_DESCRIPTION} characters (got ${plan.description.length}): shorten it` });
  }
  if (plan.axes.length === 0) problems.push({ field: 'axes', message: 'a plan needs at least one axis: give its axes, e.g. { code: "1", title: "Gouvernance régionale" }' });
  const axisCodes = new Set<string>();
  plan.axes.forEach((axis, i) => {
    const at = `axes[${i}]`;
    if (!AXIS_CODE_PATTERN.test(axis.code)) {
      problems.push({ field: `${at}.code`, message: `must be 1 to 10 letters or digits, e.g. "6" (got "${axis.code}")` });
    } else if (axisCodes.has(axis.code)) {
      problems.push({ field: `${at}.code`, message: `axis ${axis.code} is given twice: give each axis its own code` });
    }
    axisCodes.add(axis.code);
    if (!axis.title.trim()) problems.push({ field: `${at}.title`, message: `is required: give the name of axis ${axis.code}` });
    else if (axis.title.trim().length > MAX_PLAN_TITLE) problems.push({ field: `${at}.title`, message: `must have at most ${MAX_PLAN_TITLE} characters: shorten it` });
  });
  const actionCodes = new Set<string>();
  plan.actions.forEach((action, i) => {
    const at = `actions[${i}]`;
    if (!axisCodes.has(action.axisCode)) {
      problems.push({ field: `${at}.axisCode`, message: `axis "${action.axisCode}" of action ${action.code} is not an axis of the plan: give one of ${[...axisCodes].join(', ') || '(no axis yet)'}` });
    } else if (!isActionCodeOf(action.code, action.axisCode)) {
      problems.push({ field: `${at}.code`, message: `must read "${action.axisCode}.N" (its axis, a dot and its number in the axis, e.g. "${action.axisCode}.1") (got "${action.code}")` });
    }
    if (actionCodes.has(action.code)) problems.push({ field: `${at}.code`, message: `action ${action.code} is given twice: give each action its own code` });
    actionCodes.add(action.code);
    if (!action.title.trim()) problems.push({ field: `${at}.title`, message: `is required: give the title of action ${action.code}` });
    else if (action.title.trim().length > MAX_PLAN_TITLE) problems.push({ field: `${at}.title`, message: `must have at most ${MAX_PLAN_TITLE} characters: shorten it` });
  });
  return problems;
}

/** The plan action of a given code, or null. */
export function planAction(plan: Pick<PlanDocument, 'actions'>, code: string): PlanAction | null {
  return plan.actions.find((action) => action.code === code) ?? null;
}

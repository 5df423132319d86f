import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkPlanInput } from '../../server/domain/working-groups/group-rules';
import {
  isActionCodeOf,
  loadPlanReference,
  PlanDocument,
  planAction,
  planProblems,
  PRAEC_OCCITANIE_CODE,
} from '../../server/domain/working-groups/plan-reference';

describe('the PRAEC Occitanie reference (seed 003)', () => {
  const plan = loadPlanReference();

  it('has 6 axes, 16 actions, and no integrity problem', () => {
    expect(plan.axes).toHaveLength(6);
    expect(plan.actions).toHaveLength(16);
    expect(planProblems(plan)).toEqual([]);
  });

  it('is the Occitanie plan, on the region\'s territory key', () => {
    expect(plan.code).toBe(PRAEC_OCCITANIE_CODE);
    expect(plan.territoryKey).toBe('REGION:76');
    expect(plan.title).toMatch(/^PRAEC Occitanie/);
    expect(plan.description).toContain('16 actions');
  });

  it('names the six axes as the plan does', () => {
    expect(plan.axes).toEqual([
      { code: '1', title: 'Gouvernance régionale' },
      { code: '2', title: 'Systèmes économiques' },
      { code: '3', title: 'Territoires' },
      { code: '4', title: 'Politiques publiques' },
      { code: '5', title: 'Recherche et innovation' },
      { code: '6', title: 'Déchets' },
    ]);
  });

  it('numbers the actions 1.1 … 6.4, each in its axis', () => {
    expect(plan.actions.map((a) => a.code)).toEqual([
      '1.1', '1.2', '2.1', '2.2', '2.3', '2.4', '2.5', '3.1', '3.2', '4.1', '4.2', '5.1', '6.1', '6.2', '6.3', '6.4',
    ]);
    for (const action of plan.actions) expect(action.code.split('.')[0]).toBe(action.axisCode);
  });

  it('keeps the exact French titles of seed 003', () => {
    expect(plan.actions.map((a) => `${a.code} ${a.title}`)).toEqual([
      "1.1 Définir, organiser, mettre en place des dispositifs d'échange d'information, de biens, de services et un espace de travail collaboratif pour la communauté d'acteurs de l'EC",
      "1.2 Former à l'EC et à ses enjeux",
      '2.1 Développer l\'écoconception des produits, services, et équipements',
      '2.2 Accompagner les industriels dans l\'utilisation des Matières premières de recyclage (MPR)',
      "2.3 Étudier les modèles d'affaires en EC auprès des entreprises régionales",
      '2.4 Développer les pratiques de déconstruction, réemploi/recyclage dans le BTP',
      "2.5 Développer les pratiques d'économie circulaire dans les systèmes alimentaires et sur les flux de matières organiques",
      "3.1 Déployer l'Écologie Industrielle Territoriale (EIT) sur les territoires d'Occitanie",
      "3.2 Déployer des structures de gouvernance partagée de l'EC à des échelles infra-régionales adaptées",
      "4.1 Intégrer systématiquement des critères d'EC dans les achats publics",
      "4.2 Aménager les dispositifs de financement publics pour favoriser l'économie de fonctionnalité",
      "5.1 Créer un pôle de recherche pluridisciplinaire sur l'EC en Occitanie (PRECO) et une dynamique de recherche en EC",
      '6.1 Accroître les actions de prévention des déchets',
      '6.2 Développer les Ressourceries / Recycleries / Repair Café',
      '6.3 Améliorer la valorisation et la gestion des déchets',
      '6.4 Améliorer la prévention et la valorisation des biodéchets pour favoriser un retour au sol de qualité',
    ]);
    expect(planAction(plan, '6.2')?.axisCode).toBe('6');
    expect(planAction(plan, '9.9')).toBeNull();
  });
});

describe('planProblems', () => {
  const sound: PlanDocument = {
    code: 'programme-eit-gex',
    title: 'Programme EIT du Pays de Gex',
    description: null,
    territoryKey: null,
    axes: [{ code: 'A', title: 'Flux' }, { code: 'B', title: 'Mutualisations' }],
    actions: [{ code: 'A.1', axisCode: 'A', title: 'Cartographier les flux' }],
  };

  it('accepts letters as axis codes and an axis without actions', () => {
    expect(planProblems(sound)).toEqual([]);
  });

  it('refuses duplicate codes, unknown axes, and codes that do not read "axis.N"', () => {
    const problems = planProblems({
      ...sound,
      axes: [...sound.axes, { code: 'A', title: 'Encore' }],
      actions: [
        { code: 'A.1', axisCode: 'A', title: 'Un' },
        { code: 'A.1', axisCode: 'A', title: 'Deux' },
        { code: 'C.1', axisCode: 'C', title: 'Axe inconnu' },
        { code: 'B.1', axisCode: 'A', title: 'Mauvais axe' },
        { code: 'A.01', axisCode: 'A', title: 'Zéro en tête' },
        { code: 'A.2', axisCode: 'A', title: '  ' },
      ],
    });
    expect(problems).toEqual([
      { field: 'axes[2].code', message: 'axis A is given twice: give each axis its own code' },
      { field: 'actions[1].code', message: 'action A.1 is given twice: give each action its own code' },
      { field: 'actions[2].axisCode', message: 'axis "C" of action C.1 is not an axis of the plan: give one of A, B' },
      { field: 'actions[3].code', message: 'must read "A.N" (its axis, a dot and its number in the axis, e.g. "A.1") (got "B.1")' },
      { field: 'actions[4].code', message: 'must read "A.N" (its axis, a dot and its number in the axis, e.g. "A.1") (got "A.01")' },
      { field: 'actions[5].title', message: 'is required: give the title of action A.2' },
    ]);
  });

  it('refuses a plan without axes, a code that is not kebab-case, a missing title', () => {
    expect(planProblems({ ...sound, code: 'Programme EIT', title: ' ', axes: [], actions: [] })).toEqual([
      { field: 'code', message: 'must be lowercase kebab-case, e.g. "praec-occitanie" (got "Programme EIT")' },
      { field: 'title', message: 'is required: give the name of the plan' },
      { field: 'axes', message: 'a plan needs at least one axis: give its axes, e.g. { code: "1", title: "Gouvernance régionale" }' },
    ]);
  });

  it('tells action codes of an axis', () => {
    expect(isActionCodeOf('6.2', '6')).toBe(true);
    expect(isActionCodeOf('6.2', '5')).toBe(false);
    expect(isActionCodeOf('62', '6')).toBe(false);
    expect(isActionCodeOf('6.2', '.')).toBe(false);
  });
});

describe('loadPlanReference(file)', () => {
  it('reads another plan from a JSON file, keeping only the fields of a plan', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-plan-'));
    const file = path.join(dir, 'plan.json');
    fs.writeFileSync(file, JSON.stringify({ source: 'test', code: 'feuille-de-route-ptce', title: 'Feuille de route', axes: [{ code: '1', title: 'Coopérer' }], actions: [] }));
    expect(loadPlanReference(file)).toEqual({
      code: 'feuille-de-route-ptce',
      title: 'Feuille de route',
      description: null,
      territoryKey: null,
      axes: [{ code: '1', title: 'Coopérer' }],
      actions: [],
    });
    fs.writeFileSync(file, '{"code": "x"}');
    expect(() => loadPlanReference(file)).toThrow('a plan document needs "axes" and "actions" lists');
    expect(() => loadPlanReference(path.join(dir, 'absent.json'))).toThrow(/cannot read the plan document/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('checkPlanInput', () => {
  it('trims and accepts a sound plan', () => {
    const checked = checkPlanInput({
      code: ' feuille-de-route-ptce ',
      title: ' Feuille de route du PTCE ',
      description: '  ',
      territoryKey: 'EPCI:200054781',
      axes: [{ code: '1', title: ' Mutualiser ' }],
      actions: [{ code: '1.1', axisCode: '1', title: 'Achats groupés' }],
    });
    expect(checked.problems).toEqual([]);
    expect(checked.value).toEqual({
      code: 'feuille-de-route-ptce',
      title: 'Feuille de route du PTCE',
      description: null,
      territoryKey: 'EPCI:200054781',
      axes: [{ code: '1', title: 'Mutualiser' }],
      actions: [{ code: '1.1', axisCode: '1', title: 'Achats groupés' }],
    });
  });

  it('refuses a malformed territory key, a long description and inconsistent actions, with no value', () => {
    const checked = checkPlanInput({
      code: 'plan',
      title: 'Plan',
      description: 'x'.repeat(4001),
      territoryKey: 'Occitanie',
      axes: [{ code: '1', title: 'Axe' }],
      actions: [{ code: '2.1', axisCode: '2', title: 'Orpheline' }],
    });
    expect(checked.value).toBeNull();
    expect(checked.problems).toEqual([
      { field: 'description', message: 'must have at most 4000 characters (got 4001): shorten it' },
      { field: 'territoryKey', message: 'must be a territory key LEVEL:code, e.g. "REGION:76" or "EPCI:200054781" (got "Occitanie")' },
      { field: 'actions[0].axisCode', message: 'axis "2" of action 2.1 is not an axis of the plan: give one of 1' },
    ]);
  });
});

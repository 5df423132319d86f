import { funnel, FunnelStage, median, StatusChange } from '../../server/domain/synergy/funnel';
import { SynergyStatus } from '../../server/domain/synergy/pipeline';

const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString();
const h = (...changes: [number, SynergyStatus][]): StatusChange[] => changes.map(([d, toStatus]) => ({ at: day(d), toStatus }));
const stage = (stages: FunnelStage[], status: SynergyStatus) => stages.find((s) => s.status === status)!;
const NOW = new Date(day(100));

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
  });
});

describe('synergy funnel', () => {
  it('lists the forward stages in order, then ABANDONED, with zeros for no synergy', () => {
    const stages = funnel([], NOW);
    expect(stages.map((s) => s.status)).toEqual(['IDENTIFIED', 'CONTACTED', 'IN_STUDY', 'IMPLEMENTED', 'ABANDONED']);
    expect(stages.every((s) => s.reached === 0 && s.current === 0 && s.medianDays === null && s.currentMedianDays === null)).toBe(true);
  });

  it('counts how many reached each stage and how many are there now', () => {
    const stages = funnel([
      h([0, 'IDENTIFIED']),
      h([0, 'IDENTIFIED'], [10, 'CONTACTED']),
      h([0, 'IDENTIFIED'], [5, 'CONTACTED'], [20, 'IN_STUDY'], [60, 'IMPLEMENTED']),
      h([0, 'IDENTIFIED'], [3, 'CONTACTED'], [30, 'ABANDONED']),
    ], NOW);
    expect(stages.map((s) => [s.status, s.reached, s.current])).toEqual([
      ['IDENTIFIED', 4, 1], ['CONTACTED', 3, 1], ['IN_STUDY', 1, 0], ['IMPLEMENTED', 1, 1], ['ABANDONED', 1, 1],
    ]);
  });

  it('counts a skipped stage as reached, so the funnel never widens', () => {
    const stages = funnel([h([0, 'IDENTIFIED'], [4, 'IN_STUDY'])], NOW);
    expect(stage(stages, 'CONTACTED')).toMatchObject({ reached: 1, current: 0, medianDays: null });
    expect(stage(stages, 'IN_STUDY')).toMatchObject({ reached: 1, current: 1 });
  });

  it('takes the median of the stays that ended, in days', () => {
    const stages = funnel([
      h([0, 'IDENTIFIED'], [2, 'CONTACTED'], [12, 'IN_STUDY']),
      h([0, 'IDENTIFIED'], [6, 'CONTACTED'], [26, 'IN_STUDY']),
      h([0, 'IDENTIFIED'], [10, 'CONTACTED'], [70, 'IN_STUDY']),
    ], NOW);
    expect(stage(stages, 'IDENTIFIED').medianDays).toBe(6);
    expect(stage(stages, 'CONTACTED').medianDays).toBe(20);
    expect(stage(stages, 'IN_STUDY').medianDays).toBeNull();
  });

  it('measures the synergies still in a stage up to now, apart from the ended stays', () => {
    const stages = funnel([
      h([0, 'IDENTIFIED'], [10, 'CONTACTED']),
      h([40, 'IDENTIFIED'], [90, 'CONTACTED']),
      h([80, 'IDENTIFIED']),
    ], NOW);
    expect(stage(stages, 'CONTACTED')).toMatchObject({ current: 2, medianDays: null, currentMedianDays: 50 });
    expect(stage(stages, 'IDENTIFIED')).toMatchObject({ current: 1, medianDays: 30, currentMedianDays: 20 });
  });

  it('counts each stay of a reopened synergy and counts it once as reached', () => {
    const stages = funnel([
      h([0, 'IDENTIFIED'], [4, 'CONTACTED'], [10, 'ABANDONED'], [40, 'IDENTIFIED'], [48, 'CONTACTED']),
    ], NOW);
    expect(stage(stages, 'IDENTIFIED')).toMatchObject({ reached: 1, current: 0, medianDays: 6 });
    expect(stage(stages, 'CONTACTED')).toMatchObject({ reached: 1, current: 1, medianDays: 6, currentMedianDays: 52 });
    expect(stage(stages, 'ABANDONED')).toMatchObject({ reached: 1, current: 0, medianDays: 30 });
  });

  it('sorts a history given out of order and rounds to hundredths of a day', () => {
    const changes = [
      { at: '2025-01-01T08:00:00.000Z', toStatus: 'CONTACTED' as const },
      { at: '2025-01-01T00:00:00.000Z', toStatus: 'IDENTIFIED' as const },
    ];
    const stages = funnel([changes], new Date('2025-01-01T09:00:00.000Z'));
    expect(stage(stages, 'IDENTIFIED').medianDays).toBe(0.33);
    expect(stage(stages, 'CONTACTED').currentMedianDays).toBe(0.04);
  });
});

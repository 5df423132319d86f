import {
  checkStageChange,
  COOPERATION_STAGE_LABELS,
  COOPERATION_STAGES,
  CooperationSnapshot,
  currentEntry,
  INITIAL_COOPERATION_STAGE,
  isClosingStage,
  openCooperation,
  snapshotOf,
  StageHistoryEntry,
  stageLabel,
  stageOn,
} from '../../server/domain/matchmaking/follow-up/cooperation';

const NOW = new Date('2025-06-15T10:00:00Z');
const opened: CooperationSnapshot = {
  stage: 'VALUABLE_CONTACT',
  publicContract: false,
  createdOn: '2025-03-12',
  lastChangeOn: '2025-03-12',
};
const entry = (stage: StageHistoryEntry['stage'], on: string, publicContract = false): StageHistoryEntry => ({
  stage,
  on,
  note: null,
  by: 'animatrice@example.org',
  publicContract,
});

describe('stages', () => {
  it('has the five second-stage feedback stages, each with a French label', () => {
    expect(COOPERATION_STAGES).toEqual([
      'NO_FURTHER_CONTACT',
      'KNOWLEDGE_GAINED',
      'VALUABLE_CONTACT',
      'NEGOTIATION_STARTED',
      'AGREEMENT_REACHED',
    ]);
    expect(new Set(Object.values(COOPERATION_STAGE_LABELS)).size).toBe(5);
    expect(stageLabel('AGREEMENT_REACHED', true)).toBe('Accord conclu : marché public');
    expect(stageLabel('AGREEMENT_REACHED', false)).toBe('Accord conclu');
    // The flag means nothing at other stages.
    expect(stageLabel('NEGOTIATION_STARTED', true)).toBe('Négociation engagée');
  });

  it('stops reminders at no further contact and at an agreement only', () => {
    expect(COOPERATION_STAGES.filter(isClosingStage)).toEqual(['NO_FURTHER_CONTACT', 'AGREEMENT_REACHED']);
  });
});

describe('openCooperation', () => {
  const base = {
    actorAId: 'ville-choisy',
    actorBId: 'entreprise-fictive-biosource',
    meetingDate: '2025-03-10',
    createdOn: '2025-03-12',
    requestedBy: 'B' as const,
    by: 'animatrice@example.org',
  };

  it('starts at VALUABLE_CONTACT, with the opening as the first history entry', () => {
    const { value, problems } = openCooperation({ ...base, note: '  Intéressés par les isolants biosourcés ' }, NOW);
    expect(problems).toEqual([]);
    expect(INITIAL_COOPERATION_STAGE).toBe('VALUABLE_CONTACT');
    const { by: _by, ...stored } = base;
    expect(value).toEqual({
      ...stored,
      history: [
        {
          stage: 'VALUABLE_CONTACT',
          on: '2025-03-12',
          note: 'Intéressés par les isolants biosourcés',
          by: 'animatrice@example.org',
          publicContract: false,
        },
      ],
      remindersDone: [],
    });
  });

  it('keeps the meeting it is born from when given', () => {
    expect(openCooperation({ ...base, meetingId: 'm-42' }, NOW).value?.meetingId).toBe('m-42');
  });

  it('refuses the same actor twice, an opening before the meeting, and future dates', () => {
    expect(openCooperation({ ...base, actorBId: base.actorAId }, NOW).problems.map((p) => p.field)).toEqual(['actorBId']);
    const early = openCooperation({ ...base, createdOn: '2025-03-09' }, NOW);
    expect(early.value).toBeNull();
    expect(early.problems).toEqual([{ field: 'createdOn', message: expect.stringContaining('cannot be before the meeting (2025-03-10)') }]);
    expect(openCooperation({ ...base, createdOn: '2025-06-17' }, NOW).problems).toEqual([
      { field: 'createdOn', message: expect.stringContaining('cannot be in the future') },
    ]);
    expect(openCooperation({ ...base, meetingDate: '2025-02-30' }, NOW).problems).toEqual([
      { field: 'meetingDate', message: 'must be a real date: 2025-02-30 does not exist' },
    ]);
  });
});

describe('checkStageChange', () => {
  it('accepts a move forward and returns the entry to append (the caller adds "by")', () => {
    const { value, problems } = checkStageChange(opened, 'NEGOTIATION_STARTED', { on: ' 2025-05-02 ', note: ' Devis demandé ' }, NOW);
    expect(problems).toEqual([]);
    expect(value).toEqual({ stage: 'NEGOTIATION_STARTED', on: '2025-05-02', note: 'Devis demandé', publicContract: false });
  });

  it('accepts any stage after any other, backwards included', () => {
    for (const from of COOPERATION_STAGES) {
      for (const to of COOPERATION_STAGES) {
        if (from === to) continue;
        const current = { ...opened, stage: from };
        expect(checkStageChange(current, to, { on: '2025-06-01' }, NOW).problems).toEqual([]);
      }
    }
    const negotiating = { ...opened, stage: 'NEGOTIATION_STARTED' as const, lastChangeOn: '2025-04-01' };
    expect(checkStageChange(negotiating, 'VALUABLE_CONTACT', { on: '2025-06-01' }, NOW).value?.stage).toBe('VALUABLE_CONTACT');
  });

  it('refuses the same stage twice in a row, but not a switch of the public-contract flag', () => {
    const same = checkStageChange(opened, 'VALUABLE_CONTACT', { on: '2025-06-01', note: 'Toujours intéressés' }, NOW);
    expect(same.value).toBeNull();
    expect(same.problems).toEqual([{ field: 'stage', message: expect.stringContaining('already at VALUABLE_CONTACT') }]);

    const agreed = { ...opened, stage: 'AGREEMENT_REACHED' as const };
    expect(checkStageChange(agreed, 'AGREEMENT_REACHED', { on: '2025-06-01' }, NOW).problems.map((p) => p.field)).toEqual(['stage']);
    const toPublic = checkStageChange(agreed, 'AGREEMENT_REACHED', { on: '2025-06-01', publicContract: true }, NOW);
    expect(toPublic.problems).toEqual([]);
    expect(toPublic.value?.publicContract).toBe(true);
  });

  it('accepts publicContract with AGREEMENT_REACHED only', () => {
    expect(checkStageChange(opened, 'AGREEMENT_REACHED', { on: '2025-06-01', publicContract: true }, NOW).problems).toEqual([]);
    const wrong = checkStageChange(opened, 'NEGOTIATION_STARTED', { on: '2025-06-01', publicContract: true }, NOW);
    expect(wrong.problems).toEqual([{ field: 'publicContract', message: expect.stringContaining('only an agreement can be a public contract') }]);
  });

  it('refuses a date that does not exist, is malformed, or is in the future everywhere on Earth', () => {
    expect(checkStageChange(opened, 'KNOWLEDGE_GAINED', { on: '2025-02-29' }, NOW).problems).toEqual([
      { field: 'on', message: 'must be a real date: 2025-02-29 does not exist' },
    ]);
    expect(checkStageChange(opened, 'KNOWLEDGE_GAINED', { on: '15/06/2025' }, NOW).problems[0]!.message).toMatch(/YYYY-MM-DD/);
    // At 10:00 UTC on 15 June it is already 16 June in Kiribati (UTC+14), but not 17 June anywhere.
    expect(checkStageChange(opened, 'KNOWLEDGE_GAINED', { on: '2025-06-16' }, NOW).problems).toEqual([]);
    expect(checkStageChange(opened, 'KNOWLEDGE_GAINED', { on: '2025-06-17' }, NOW).problems).toEqual([
      { field: 'on', message: expect.stringContaining('cannot be in the future (got 2025-06-17)') },
    ]);
  });

  it('refuses a date before the opening, and before the latest change', () => {
    expect(checkStageChange(opened, 'NEGOTIATION_STARTED', { on: '2025-03-11' }, NOW).problems).toEqual([
      { field: 'on', message: 'cannot be before the cooperation was opened (2025-03-12) (got 2025-03-11)' },
    ]);
    const later = { ...opened, stage: 'NEGOTIATION_STARTED' as const, lastChangeOn: '2025-05-02' };
    expect(checkStageChange(later, 'VALUABLE_CONTACT', { on: '2025-04-30' }, NOW).problems.map((p) => p.field)).toEqual(['on']);
    // The same day as the latest change is fine: two things can happen on one day.
    expect(checkStageChange(later, 'VALUABLE_CONTACT', { on: '2025-05-02' }, NOW).problems).toEqual([]);
  });

  it('refuses an unknown stage and an over-long note, all at once', () => {
    const { problems } = checkStageChange(opened, 'SIGNED' as never, { on: '2025-05-02', note: 'x'.repeat(2001) }, NOW);
    expect(problems.map((p) => p.field)).toEqual(['stage', 'note']);
  });
});

describe('history', () => {
  const history = [
    entry('VALUABLE_CONTACT', '2025-03-12'),
    entry('NEGOTIATION_STARTED', '2025-05-02'),
    entry('VALUABLE_CONTACT', '2025-09-01'),
    entry('AGREEMENT_REACHED', '2026-02-10', true),
  ];

  it('tells the stage at the end of any day, going back and forth', () => {
    expect(stageOn(history, '2025-03-11')).toBeNull();
    expect(stageOn(history, '2025-03-12')?.stage).toBe('VALUABLE_CONTACT');
    expect(stageOn(history, '2025-06-10')?.stage).toBe('NEGOTIATION_STARTED');
    expect(stageOn(history, '2025-09-10')?.stage).toBe('VALUABLE_CONTACT');
    expect(stageOn(history, '2026-03-10')).toMatchObject({ stage: 'AGREEMENT_REACHED', publicContract: true });
  });

  it('orders a history by date whatever order it comes in, same-day entries in recorded order', () => {
    const shuffled = [history[2]!, history[0]!, history[3]!, history[1]!];
    expect(currentEntry(shuffled).stage).toBe('AGREEMENT_REACHED');
    expect(stageOn(shuffled, '2025-06-10')?.stage).toBe('NEGOTIATION_STARTED');
    const sameDay = [entry('VALUABLE_CONTACT', '2025-03-12'), entry('NEGOTIATION_STARTED', '2025-04-01'), entry('NO_FURTHER_CONTACT', '2025-04-01')];
    expect(currentEntry(sameDay).stage).toBe('NO_FURTHER_CONTACT');
  });

  it('gives checkStageChange what it needs from a stored cooperation', () => {
    expect(snapshotOf({ createdOn: '2025-03-12', history })).toEqual({
      stage: 'AGREEMENT_REACHED',
      publicContract: true,
      createdOn: '2025-03-12',
      lastChangeOn: '2026-02-10',
    });
    expect(() => currentEntry([])).toThrow(RangeError);
  });
});

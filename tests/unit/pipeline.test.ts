import {
  ABANDON_REASONS, allowedMoves, checkMove, compositionProblem, isOpen, PIPELINE_STAGES, SYNERGY_STATUSES, SynergyStatus, TrackedFlowRef,
} from '../../server/domain/synergy/pipeline';

describe('pipeline transitions', () => {
  it.each([
    ['IDENTIFIED', 'CONTACTED'],
    ['CONTACTED', 'IN_STUDY'],
    ['IN_STUDY', 'IMPLEMENTED'],
  ] as [SynergyStatus, SynergyStatus][])('moves forward one step from %s to %s', (from, to) => {
    expect(checkMove(from, { to })).toBeNull();
  });

  it.each([
    ['IDENTIFIED', 'IN_STUDY'],
    ['IDENTIFIED', 'IMPLEMENTED'],
    ['CONTACTED', 'IMPLEMENTED'],
  ] as [SynergyStatus, SynergyStatus][])('moves forward several steps at once from %s to %s', (from, to) => {
    expect(checkMove(from, { to })).toBeNull();
  });

  it.each([
    ['CONTACTED', 'IDENTIFIED'],
    ['IN_STUDY', 'CONTACTED'],
    ['IN_STUDY', 'IDENTIFIED'],
  ] as [SynergyStatus, SynergyStatus][])('refuses to move backwards from %s to %s and says how to do it instead', (from, to) => {
    const problem = checkMove(from, { to });
    expect(problem).toMatchObject({ field: 'status' });
    expect(problem!.message).toContain('no move backwards');
  });

  it.each(['IDENTIFIED', 'CONTACTED', 'IN_STUDY'] as SynergyStatus[])('abandons an open synergy in %s with any reason', (from) => {
    for (const reason of ABANDON_REASONS) {
      expect(checkMove(from, { to: 'ABANDONED', reason, comment: 'Le receveur a fermé son site' })).toBeNull();
    }
  });

  it('refuses to abandon without a reason, naming the reason field', () => {
    expect(checkMove('CONTACTED', { to: 'ABANDONED' })).toMatchObject({ field: 'reason' });
    expect(checkMove('CONTACTED', { to: 'ABANDONED', reason: null, comment: 'trop cher' })).toMatchObject({ field: 'reason' });
  });

  it('asks for a comment when the reason is OTHER', () => {
    expect(checkMove('IN_STUDY', { to: 'ABANDONED', reason: 'OTHER' })).toMatchObject({ field: 'comment' });
    expect(checkMove('IN_STUDY', { to: 'ABANDONED', reason: 'OTHER', comment: '   ' })).toMatchObject({ field: 'comment' });
    expect(checkMove('IN_STUDY', { to: 'ABANDONED', reason: 'OTHER', comment: 'Rachat de l’entreprise' })).toBeNull();
  });

  it('refuses a reason on a move that does not abandon', () => {
    expect(checkMove('IDENTIFIED', { to: 'CONTACTED', reason: 'ECONOMIC' })).toMatchObject({ field: 'reason' });
  });

  it('keeps IMPLEMENTED final', () => {
    for (const to of SYNERGY_STATUSES) {
      const problem = checkMove('IMPLEMENTED', { to, reason: to === 'ABANDONED' ? 'ECONOMIC' : null });
      expect(problem).toMatchObject({ field: 'status' });
    }
    expect(allowedMoves('IMPLEMENTED')).toEqual([]);
  });

  it('lets an abandoned synergy be reopened to IDENTIFIED and nothing else', () => {
    expect(checkMove('ABANDONED', { to: 'IDENTIFIED', comment: 'Nouveau dirigeant intéressé' })).toBeNull();
    for (const to of ['CONTACTED', 'IN_STUDY', 'IMPLEMENTED'] as SynergyStatus[]) {
      expect(checkMove('ABANDONED', { to })).toMatchObject({ field: 'status' });
    }
    expect(allowedMoves('ABANDONED')).toEqual(['IDENTIFIED']);
  });

  it('refuses a move to the current status', () => {
    for (const status of SYNERGY_STATUSES) {
      expect(checkMove(status, { to: status, reason: 'ECONOMIC' })!.message).toContain('already');
    }
  });

  it('lists the allowed moves in pipeline order, abandonment last', () => {
    expect(allowedMoves('IDENTIFIED')).toEqual(['CONTACTED', 'IN_STUDY', 'IMPLEMENTED', 'ABANDONED']);
    expect(allowedMoves('IN_STUDY')).toEqual(['IMPLEMENTED', 'ABANDONED']);
  });

  it('agrees with checkMove on every pair of statuses', () => {
    for (const from of SYNERGY_STATUSES) {
      for (const to of SYNERGY_STATUSES) {
        const allowed = checkMove(from, { to, reason: to === 'ABANDONED' ? 'TRUST' : null }) === null;
        expect(allowed).toBe(allowedMoves(from).includes(to));
      }
    }
  });

  it('calls only the stages before IMPLEMENTED open', () => {
    expect(PIPELINE_STAGES.filter(isOpen)).toEqual(['IDENTIFIED', 'CONTACTED', 'IN_STUDY']);
    expect(isOpen('ABANDONED')).toBe(false);
  });
});

describe('synergy composition', () => {
  const flow = (id: string, direction: 'OFFER' | 'NEED', actorId: string): TrackedFlowRef => ({ id, direction, actorId });

  it('accepts a substitution of one offer and one need of two actors', () => {
    expect(compositionProblem('SUBSTITUTION', [flow('o', 'OFFER', 'A'), flow('n', 'NEED', 'B')])).toBeNull();
  });

  it.each([
    ['two offers', [flow('o1', 'OFFER', 'A'), flow('o2', 'OFFER', 'B')]],
    ['two needs', [flow('n1', 'NEED', 'A'), flow('n2', 'NEED', 'B')]],
    ['three flows', [flow('o', 'OFFER', 'A'), flow('n', 'NEED', 'B'), flow('n2', 'NEED', 'C')]],
    ['one flow', [flow('o', 'OFFER', 'A')]],
  ])('refuses a substitution of %s, on flowIds', (_label, flows) => {
    expect(compositionProblem('SUBSTITUTION', flows)).toMatchObject({ field: 'flowIds', message: expect.stringContaining('exactly one OFFER flow and one NEED flow') });
  });

  it('refuses a substitution within one actor', () => {
    expect(compositionProblem('SUBSTITUTION', [flow('o', 'OFFER', 'A'), flow('n', 'NEED', 'A')])!.message).toContain('two different actors');
  });

  it('accepts a mutualisation of three flows of three actors, whatever their directions', () => {
    expect(compositionProblem('MUTUALISATION', [flow('a', 'NEED', 'A'), flow('b', 'NEED', 'B'), flow('c', 'OFFER', 'C')])).toBeNull();
  });

  it('refuses a mutualisation of fewer than three actors, even with three flows', () => {
    expect(compositionProblem('MUTUALISATION', [flow('a', 'NEED', 'A'), flow('b', 'NEED', 'B')])).toMatchObject({ field: 'flowIds' });
    expect(compositionProblem('MUTUALISATION', [flow('a', 'NEED', 'A'), flow('a2', 'NEED', 'A'), flow('b', 'NEED', 'B')])!.message)
      .toContain('got 3 flow(s) of 2 actor(s)');
  });
});

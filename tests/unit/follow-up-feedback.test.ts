import {
  checkFeedback,
  followUpDecision,
  INTEREST_LABELS,
  MAX_FEEDBACK_NOTE,
  MeetingFeedback,
} from '../../server/domain/matchmaking/follow-up/feedback';

const feedback = (followUpWanted: boolean, interest: 0 | 1 | 2 | 3 = 2): MeetingFeedback => ({ interest, followUpWanted, note: null });

describe('checkFeedback', () => {
  it('accepts each interest level 0..3 and has a French label for each', () => {
    for (const interest of [0, 1, 2, 3] as const) {
      const { value, problems } = checkFeedback({ interest, followUpWanted: false });
      expect(problems).toEqual([]);
      expect(value).toEqual({ interest, followUpWanted: false, note: null });
      expect(INTEREST_LABELS[interest]).toMatch(/intérêt/i);
    }
    expect(INTEREST_LABELS[3]).toBe('Intérêt fort');
  });

  it.each([-1, 4, 1.5, Number.NaN])('refuses interest %p, saying what to give', (interest) => {
    const { value, problems } = checkFeedback({ interest, followUpWanted: true });
    expect(value).toBeNull();
    expect(problems).toEqual([{ field: 'interest', message: expect.stringContaining('whole number from 0 to 3') }]);
  });

  it('refuses an interest given as text, and a follow-up wish that is not a boolean (stored JSON)', () => {
    const { problems } = checkFeedback({ interest: '2' as unknown as number, followUpWanted: 'yes' as unknown as boolean });
    expect(problems.map((p) => p.field)).toEqual(['interest', 'followUpWanted']);
  });

  it('trims the note and treats a blank one as none', () => {
    expect(checkFeedback({ interest: 3, followUpWanted: true, note: '  Rappeler le service achats \n' }).value?.note).toBe(
      'Rappeler le service achats',
    );
    expect(checkFeedback({ interest: 3, followUpWanted: true, note: ' \n\t ' }).value?.note).toBeNull();
    expect(checkFeedback({ interest: 3, followUpWanted: true, note: null }).value?.note).toBeNull();
  });

  it('takes a note of exactly the maximum length once trimmed, and refuses one character more', () => {
    const atMax = `  ${'é'.repeat(MAX_FEEDBACK_NOTE)}  `;
    expect(checkFeedback({ interest: 1, followUpWanted: false, note: atMax }).problems).toEqual([]);
    const { value, problems } = checkFeedback({ interest: 1, followUpWanted: false, note: 'x'.repeat(MAX_FEEDBACK_NOTE + 1) });
    expect(value).toBeNull();
    expect(problems).toEqual([{ field: 'note', message: `must have at most 2000 characters (got 2001): shorten it` }]);
  });

  it('reports every problem at once', () => {
    const { problems } = checkFeedback({ interest: 7, followUpWanted: true, note: 'x'.repeat(3000) });
    expect(problems.map((p) => p.field)).toEqual(['interest', 'note']);
  });

  it('lets a follow-up be wanted at interest 0 (the contact may serve someone else)', () => {
    expect(checkFeedback({ interest: 0, followUpWanted: true }).problems).toEqual([]);
  });
});

describe('followUpDecision', () => {
  it('opens a follow-up when one side asks, and says which', () => {
    expect(followUpDecision(feedback(true), feedback(false))).toEqual({ open: true, requestedBy: 'A' });
    expect(followUpDecision(feedback(false, 3), feedback(true, 1))).toEqual({ open: true, requestedBy: 'B' });
    expect(followUpDecision(feedback(true), feedback(true))).toEqual({ open: true, requestedBy: 'BOTH' });
  });

  it('opens one when the only side that answered asks, whichever side it is', () => {
    expect(followUpDecision(feedback(true), null)).toEqual({ open: true, requestedBy: 'A' });
    expect(followUpDecision(null, feedback(true))).toEqual({ open: true, requestedBy: 'B' });
  });

  it('opens none when nobody asks, whatever the interest, or nobody answered', () => {
    expect(followUpDecision(feedback(false, 3), feedback(false, 3))).toEqual({ open: false, requestedBy: null });
    expect(followUpDecision(null, feedback(false))).toEqual({ open: false, requestedBy: null });
    expect(followUpDecision(null, null)).toEqual({ open: false, requestedBy: null });
  });
});

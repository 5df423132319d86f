import { Cooperation, StageHistoryEntry } from '../../server/domain/matchmaking/follow-up/cooperation';
import {
  checkReminderDone,
  dueReminders,
  reminderDates,
  remindersFor,
} from '../../server/domain/matchmaking/follow-up/reminders';

const entry = (stage: StageHistoryEntry['stage'], on: string): StageHistoryEntry => ({
  stage,
  on,
  note: null,
  by: 'animateur@example.org',
  publicContract: false,
});

function cooperation(id: string, meetingDate: string, extra: Partial<Cooperation> = {}): Cooperation {
  return {
    id,
    actorAId: `${id}-a`,
    actorBId: `${id}-b`,
    meetingDate,
    createdOn: meetingDate,
    requestedBy: 'BOTH',
    history: [entry('VALUABLE_CONTACT', extra.createdOn ?? meetingDate)],
    remindersDone: [],
    ...extra,
  };
}

describe('reminderDates', () => {
  it('falls 1, 3, 6 and 12 calendar months after the meeting, clamped to month ends', () => {
    expect(reminderDates('2025-03-10')).toEqual(['2025-04-10', '2025-06-10', '2025-09-10', '2026-03-10']);
    expect(reminderDates('2024-01-31')).toEqual(['2024-02-29', '2024-04-30', '2024-07-31', '2025-01-31']);
    expect(reminderDates('2025-01-31')).toEqual(['2025-02-28', '2025-04-30', '2025-07-31', '2026-01-31']);
    expect(reminderDates('2024-02-29')).toEqual(['2024-03-29', '2024-05-29', '2024-08-29', '2025-02-28']);
    expect(reminderDates('2025-08-31')).toEqual(['2025-09-30', '2025-11-30', '2026-02-28', '2026-08-31']);
  });
});

describe('remindersFor', () => {
  it('marks each reminder DONE, OVERDUE, DUE (today to 14 days ahead) or UPCOMING', () => {
    const reminders = remindersFor('2025-01-10', [{ monthsAfter: 1, doneOn: '2025-02-07', note: 'Appel fait' }], '2025-06-01');
    expect(reminders).toEqual([
      { monthsAfter: 1, dueOn: '2025-02-10', doneOn: '2025-02-07', note: 'Appel fait', status: 'DONE' },
      { monthsAfter: 3, dueOn: '2025-04-10', doneOn: null, note: null, status: 'OVERDUE' },
      { monthsAfter: 6, dueOn: '2025-07-10', doneOn: null, note: null, status: 'UPCOMING' },
      { monthsAfter: 12, dueOn: '2026-01-10', doneOn: null, note: null, status: 'UPCOMING' },
    ]);
  });

  it('puts the DUE window boundaries where they belong', () => {
    const status = (today: string) => remindersFor('2025-03-10', [], today)[0]!.status; // due 2025-04-10
    expect(status('2025-03-26')).toBe('UPCOMING'); // 15 days ahead
    expect(status('2025-03-27')).toBe('DUE'); // 14 days ahead
    expect(status('2025-04-10')).toBe('DUE'); // today
    expect(status('2025-04-11')).toBe('OVERDUE'); // one day late
  });

  it('counts from month ends in a leap year', () => {
    const reminders = remindersFor('2024-01-31', [], '2024-02-29');
    expect(reminders[0]).toMatchObject({ monthsAfter: 1, dueOn: '2024-02-29', status: 'DUE' });
    expect(remindersFor('2024-01-31', [], '2024-03-01')[0]!.status).toBe('OVERDUE');
  });

  it('keeps the latest of two records of the same reminder (a correction) and ignores unknown months', () => {
    const reminders = remindersFor(
      '2025-01-10',
      [
        { monthsAfter: 1, doneOn: '2025-02-20', note: 'Deuxième appel' },
        { monthsAfter: 1, doneOn: '2025-02-12', note: 'Premier appel' },
        { monthsAfter: 2, doneOn: '2025-03-10', note: 'Pas un rappel prévu' },
      ],
      '2025-03-01',
    );
    expect(reminders.map((r) => r.note)).toEqual(['Deuxième appel', null, null, null]);
    expect(reminders).toHaveLength(4);
  });

  it('closes reminders not done at NO_FURTHER_CONTACT and AGREEMENT_REACHED, and keeps done ones', () => {
    const done = [{ monthsAfter: 1, doneOn: '2025-02-10', note: null }];
    for (const stage of ['NO_FURTHER_CONTACT', 'AGREEMENT_REACHED'] as const) {
      expect(remindersFor('2025-01-10', done, '2025-06-01', { stage }).map((r) => r.status)).toEqual(['DONE', 'CLOSED', 'CLOSED', 'CLOSED']);
    }
    // Knowledge gained may come back when a tender opens: keep reminding.
    expect(remindersFor('2025-01-10', done, '2025-06-01', { stage: 'KNOWLEDGE_GAINED' }).map((r) => r.status)).toEqual([
      'DONE',
      'OVERDUE',
      'UPCOMING',
      'UPCOMING',
    ]);
  });

  it('leaves out reminders that fell before the cooperation was opened, unless done', () => {
    // Meeting on 10 January, cooperation opened only on 20 April: the 1- and 3-month reminders were never possible.
    expect(remindersFor('2025-01-10', [], '2025-05-01', { createdOn: '2025-04-20' }).map((r) => r.monthsAfter)).toEqual([6, 12]);
    // Due on the opening day itself: kept.
    expect(remindersFor('2025-01-10', [], '2025-05-01', { createdOn: '2025-04-10' }).map((r) => r.monthsAfter)).toEqual([3, 6, 12]);
    const done = [{ monthsAfter: 1, doneOn: '2025-02-10', note: 'Fait avant l’ouverture' }];
    expect(remindersFor('2025-01-10', done, '2025-05-01', { createdOn: '2025-04-20' }).map((r) => r.status)).toEqual([
      'DONE',
      'UPCOMING',
      'UPCOMING',
    ]);
  });

  it('throws on stored dates that are not dates', () => {
    expect(() => remindersFor('2025-02-30', [], '2025-03-01')).toThrow(RangeError);
    expect(() => remindersFor('2025-02-10', [], 'today')).toThrow(RangeError);
  });
});

describe('dueReminders', () => {
  const today = '2025-06-01';

  it('lists what to do within the horizon, most overdue first, skipping done, closed and far reminders', () => {
    const list = dueReminders(
      [
        cooperation('c-late', '2025-01-10', { remindersDone: [{ monthsAfter: 1, doneOn: '2025-02-11', note: null }] }),
        cooperation('c-soon', '2025-05-05'),
        cooperation('c-closed', '2025-01-05', {
          history: [entry('VALUABLE_CONTACT', '2025-01-05'), entry('AGREEMENT_REACHED', '2025-03-01')],
        }),
        cooperation('c-reopened', '2025-02-20', {
          history: [entry('VALUABLE_CONTACT', '2025-02-20'), entry('NO_FURTHER_CONTACT', '2025-03-01'), entry('NEGOTIATION_STARTED', '2025-05-01')],
        }),
      ],
      today,
      10,
    );
    expect(list).toEqual([
      { cooperationId: 'c-reopened', actorAId: 'c-reopened-a', actorBId: 'c-reopened-b', monthsAfter: 1, dueOn: '2025-03-20', status: 'OVERDUE', daysOverdue: 73 },
      { cooperationId: 'c-late', actorAId: 'c-late-a', actorBId: 'c-late-b', monthsAfter: 3, dueOn: '2025-04-10', status: 'OVERDUE', daysOverdue: 52 },
      { cooperationId: 'c-reopened', actorAId: 'c-reopened-a', actorBId: 'c-reopened-b', monthsAfter: 3, dueOn: '2025-05-20', status: 'OVERDUE', daysOverdue: 12 },
      { cooperationId: 'c-soon', actorAId: 'c-soon-a', actorBId: 'c-soon-b', monthsAfter: 1, dueOn: '2025-06-05', status: 'DUE', daysOverdue: -4 },
    ]);
  });

  it('reaches further ahead with a longer horizon, showing UPCOMING ones beyond the 14-day window', () => {
    const list = dueReminders([cooperation('c', '2025-05-05')], today, 40);
    expect(list.map((d) => [d.monthsAfter, d.status, d.daysOverdue])).toEqual([[1, 'DUE', -4]]);
    const farther = dueReminders([cooperation('c', '2025-04-05')], today, 70);
    expect(farther.map((d) => [d.dueOn, d.status])).toEqual([
      ['2025-05-05', 'OVERDUE'],
      ['2025-07-05', 'UPCOMING'],
    ]);
  });

  it('does not remind of what fell before a late opening', () => {
    const late = cooperation('c', '2025-01-10', { createdOn: '2025-04-20' });
    expect(dueReminders([late], today, 0)).toEqual([]);
  });

  it('refuses a negative or fractional horizon', () => {
    expect(() => dueReminders([], today, -1)).toThrow(RangeError);
    expect(() => dueReminders([], today, 1.5)).toThrow(RangeError);
  });
});

describe('checkReminderDone', () => {
  const NOW = new Date('2025-06-15T10:00:00Z');

  it('accepts a reminder done early, trims the note', () => {
    expect(checkReminderDone({ monthsAfter: 3, doneOn: '2025-05-20', note: '  Relance faite ' }, '2025-03-10', NOW)).toEqual({
      value: { monthsAfter: 3, doneOn: '2025-05-20', note: 'Relance faite' },
      problems: [],
    });
  });

  it('refuses an unknown month, a date before the meeting or in the future, a long note', () => {
    expect(checkReminderDone({ monthsAfter: 2, doneOn: '2025-05-20' }, '2025-03-10', NOW).problems.map((p) => p.field)).toEqual(['monthsAfter']);
    expect(checkReminderDone({ monthsAfter: 1, doneOn: '2025-03-09' }, '2025-03-10', NOW).problems).toEqual([
      { field: 'doneOn', message: 'cannot be before the meeting (2025-03-10) (got 2025-03-09)' },
    ]);
    expect(checkReminderDone({ monthsAfter: 1, doneOn: '2025-06-17' }, '2025-03-10', NOW).problems[0]!.message).toMatch(/future/);
    expect(checkReminderDone({ monthsAfter: 1, doneOn: '2025-04-10', note: 'x'.repeat(2001) }, '2025-03-10', NOW).problems.map((p) => p.field)).toEqual([
      'note',
    ]);
  });
});

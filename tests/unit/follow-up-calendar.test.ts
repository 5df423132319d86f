import {
  addDays,
  addMonths,
  calendarDateIn,
  dateShapeProblem,
  daysBetween,
} from '../../server/domain/matchmaking/follow-up/calendar';

describe('addMonths', () => {
  it('keeps the day of the month when the target month has it', () => {
    expect(addMonths('2025-03-10', 1)).toBe('2025-04-10');
    expect(addMonths('2025-03-10', 12)).toBe('2026-03-10');
  });

  it('clamps to the end of a shorter month, leap years included', () => {
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-03-31', 1)).toBe('2025-04-30');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2023-02-28', 12)).toBe('2024-02-28');
    // Century rule: 2100 is not a leap year, 2000 was.
    expect(addMonths('2100-01-29', 1)).toBe('2100-02-28');
    expect(addMonths('2000-01-29', 1)).toBe('2000-02-29');
  });

  it('counts from the date itself, never chaining clamped months', () => {
    expect(addMonths('2024-01-31', 3)).toBe('2024-04-30');
    expect(addMonths('2024-01-31', 6)).toBe('2024-07-31');
    expect(addMonths('2024-01-31', 12)).toBe('2025-01-31');
  });

  it('crosses year ends, forwards and backwards', () => {
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
  });

  it('refuses a date that does not exist rather than guessing', () => {
    expect(() => addMonths('2023-02-29', 1)).toThrow(RangeError);
    expect(() => addMonths('10/03/2025', 1)).toThrow(/YYYY-MM-DD/);
  });
});

describe('days', () => {
  it('adds days and counts them across leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2025-03-01', '2025-02-01')).toBe(-28);
  });
});

describe('dateShapeProblem', () => {
  it('checks shape and existence only, not the future', () => {
    expect(dateShapeProblem('2999-12-31')).toBeNull();
    expect(dateShapeProblem('2023-02-30')).toBe('must be a real date: 2023-02-30 does not exist');
    expect(dateShapeProblem('2023-2-3')).toMatch(/YYYY-MM-DD/);
  });
});

describe('calendarDateIn', () => {
  it('gives the day of the facilitator, not of the server', () => {
    const lateEvening = new Date('2025-03-10T23:30:00Z');
    expect(calendarDateIn(lateEvening)).toBe('2025-03-11'); // Paris, UTC+1
    expect(calendarDateIn(lateEvening, 'UTC')).toBe('2025-03-10');
    expect(calendarDateIn(new Date('2025-07-01T22:30:00Z'), 'Europe/Paris')).toBe('2025-07-02'); // summer time, UTC+2
    expect(calendarDateIn(new Date('2025-07-01T21:30:00Z'), 'Europe/Paris')).toBe('2025-07-01');
  });
});

import {
  checkMeetingInput,
  isHttpsUrl,
  isIsoInstant,
  MeetingInput,
} from '../../server/domain/working-groups/meeting-rules';
import { WorkingGroupRecord } from '../../server/domain/working-groups/model';

const group: Pick<WorkingGroupRecord, 'code' | 'members'> = {
  code: 'GT6A',
  members: [
    { personId: 'p-lead', role: 'LEAD', joinedOn: '2025-01-10', leftOn: null },
    { personId: 'p-member', role: 'MEMBER', joinedOn: '2025-02-01', leftOn: null },
    { personId: 'p-gone', role: 'MEMBER', joinedOn: '2025-01-10', leftOn: '2026-03-12' },
    { personId: 'p-new', role: 'MEMBER', joinedOn: '2026-03-20', leftOn: null },
  ],
};

const TODAY = '2026-03-12';
// 14:00 in Paris (UTC+1 in March).
const held: MeetingInput = {
  startsAt: '2026-03-12T14:00:00+01:00',
  place: ' Hôtel de Région, Toulouse ',
  agenda: [' Tour de table ', 'Bilan des recycleries'],
  attendees: [
    { personId: 'p-lead', attendance: 'PRESENT' },
    { personId: 'p-member', attendance: 'ABSENT' },
    { personId: 'p-gone', attendance: 'EXCUSED' },
  ],
  minutes: '## Tour de table\r\nChacun présente ses projets.\n',
  decisions: ['Lancer un recensement des recycleries'],
  nextMeetingOn: '2026-04-09',
};

describe('isIsoInstant and isHttpsUrl', () => {
  it('wants an instant with its offset, real date and time', () => {
    expect(isIsoInstant('2026-03-12T14:00:00+01:00')).toBe(true);
    expect(isIsoInstant('2026-03-12T13:00Z')).toBe(true);
    expect(isIsoInstant('2026-03-12T13:00:00.123Z')).toBe(true);
    expect(isIsoInstant('2026-03-12T14:00:00')).toBe(false);
    expect(isIsoInstant('2026-02-30T14:00:00Z')).toBe(false);
    expect(isIsoInstant('2026-03-12T24:00:00Z')).toBe(false);
    expect(isIsoInstant('2026-03-12')).toBe(false);
    expect(isIsoInstant(42)).toBe(false);
  });

  it('accepts only https links with a host', () => {
    expect(isHttpsUrl('https://visio.example.org/gt6a?pwd=x')).toBe(true);
    expect(isHttpsUrl('http://visio.example.org/gt6a')).toBe(false);
    expect(isHttpsUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpsUrl('https://visio.example.org/a b')).toBe(false);
    expect(isHttpsUrl('visio.example.org')).toBe(false);
  });
});

describe('checkMeetingInput', () => {
  it('accepts a held meeting, trimming texts and keeping the instant as written', () => {
    const checked = checkMeetingInput(group, held, TODAY);
    expect(checked.problems).toEqual([]);
    expect(checked.value).toEqual({
      startsAt: '2026-03-12T14:00:00+01:00',
      place: 'Hôtel de Région, Toulouse',
      videoLink: null,
      agenda: ['Tour de table', 'Bilan des recycleries'],
      attendees: held.attendees,
      minutes: '## Tour de table\nChacun présente ses projets.',
      decisions: ['Lancer un recensement des recycleries'],
      nextMeetingOn: '2026-04-09',
    });
  });

  it('refuses a start without an offset', () => {
    expect(checkMeetingInput(group, { ...held, startsAt: '2026-03-12T14:00' }, TODAY).problems).toEqual([
      { field: 'startsAt', message: 'must be a date and time with its offset, e.g. "2026-03-12T14:00:00+01:00" or "2026-03-12T13:00:00Z" (got "2026-03-12T14:00")' },
    ]);
  });

  it('wants a place or a video link, and the link in https', () => {
    expect(checkMeetingInput(group, { ...held, place: '  ', videoLink: null }, TODAY).problems).toEqual([
      { field: 'place', message: 'a meeting needs a place or a video link: give the address of the room, the link of the video meeting, or both' },
    ]);
    expect(checkMeetingInput(group, { ...held, place: null, videoLink: 'https://visio.example.org/gt6a' }, TODAY).problems).toEqual([]);
    expect(checkMeetingInput(group, { ...held, videoLink: 'javascript:alert(1)' }, TODAY).problems).toEqual([
      { field: 'videoLink', message: 'must be an https link, e.g. "https://visio.example.org/gt6a" (got "javascript:alert(1)")' },
    ]);
  });

  it('refuses blank agenda items and decisions, and more than 50 agenda items', () => {
    expect(checkMeetingInput(group, { ...held, agenda: ['Un', '  '], decisions: [''] }, TODAY).problems).toEqual([
      { field: 'agenda[1]', message: 'is blank: write item 2 or remove it' },
      { field: 'decisions[0]', message: 'is blank: write item 1 or remove it' },
    ]);
    const long = Array.from({ length: 51 }, (_, i) => `Point ${i + 1}`);
    expect(checkMeetingInput(group, { ...held, agenda: long }, TODAY).problems).toEqual([
      { field: 'agenda', message: 'must have at most 50 agenda items (got 51): group or shorten them' },
    ]);
  });

  it('lists only members of the group on the meeting\'s day, each once', () => {
    const checked = checkMeetingInput(
      group,
      {
        ...held,
        attendees: [
          { personId: 'p-lead', attendance: 'PRESENT' },
          { personId: 'p-lead', attendance: 'ABSENT' },
          { personId: 'p-new', attendance: 'PRESENT' },
          { personId: 'p-member', attendance: 'LATE' },
        ],
      },
      TODAY,
    );
    expect(checked.problems).toEqual([
      { field: 'attendees[1].personId', message: 'p-lead is listed twice: keep one line per person' },
      {
        field: 'attendees[2].personId',
        message: 'p-new was not a member of GT6A on 2026-03-12: add them to the group first (a guest as OBSERVER, with the day they joined), or remove them from the list',
      },
      { field: 'attendees[3].attendance', message: 'must be one of PRESENT, EXCUSED, ABSENT (got "LATE")' },
    ]);
  });

  it('reads the meeting\'s day in Paris: 23:30 UTC on the 11th is the 12th', () => {
    // p-new joins on the 20th; a meeting at 00:30 Paris time on the 20th counts them in.
    const late = { ...held, startsAt: '2026-03-19T23:30:00Z', attendees: [{ personId: 'p-new', attendance: 'EXCUSED' }], nextMeetingOn: null };
    expect(checkMeetingInput(group, late, TODAY).problems).toEqual([]);
    expect(checkMeetingInput(group, late, TODAY, 'UTC').problems.map((p) => p.field)).toEqual(['attendees[0].personId']);
  });

  it('records only apologies before the meeting\'s day; presence and absence from that day on', () => {
    const coming: MeetingInput = {
      ...held,
      startsAt: '2026-04-09T14:00:00+02:00',
      attendees: [
        { personId: 'p-lead', attendance: 'EXCUSED' },
        { personId: 'p-member', attendance: 'PRESENT' },
      ],
      minutes: null,
      decisions: [],
      nextMeetingOn: null,
    };
    expect(checkMeetingInput(group, coming, TODAY).problems).toEqual([
      {
        field: 'attendees[1].attendance',
        message: "the meeting of 2026-04-09 has not taken place yet: until then record only who is EXCUSED; PRESENT and ABSENT can be recorded from the meeting's day on",
      },
    ]);
    expect(checkMeetingInput(group, coming, '2026-04-09').problems).toEqual([]);
  });

  it('refuses minutes longer than 50 000 characters', () => {
    expect(checkMeetingInput(group, { ...held, minutes: 'a'.repeat(50_001) }, TODAY).problems).toEqual([
      { field: 'minutes', message: 'must have at most 50000 characters (got 50001): attach the full document and keep the essentials here' },
    ]);
    expect(checkMeetingInput(group, { ...held, minutes: ' \n ' }, TODAY).value?.minutes).toBeNull();
  });

  it('wants the next meeting after the meeting\'s day', () => {
    expect(checkMeetingInput(group, { ...held, nextMeetingOn: '2026-03-12' }, TODAY).problems).toEqual([
      { field: 'nextMeetingOn', message: "must be after the meeting's day (2026-03-12) (got 2026-03-12): give the date of the next meeting" },
    ]);
    expect(checkMeetingInput(group, { ...held, nextMeetingOn: '2026-04-31' }, TODAY).problems).toEqual([
      { field: 'nextMeetingOn', message: 'must be a real date: 2026-04-31 does not exist' },
    ]);
  });
});

import { canSee, visibleConfidentialities } from '../../server/domain/access/confidentiality';

describe('visibleConfidentialities', () => {
  it('gives anonymous callers the PUBLIC level only', () => {
    expect(visibleConfidentialities(null)).toEqual(['PUBLIC']);
    expect(canSee(null, 'MEMBERS')).toBe(false);
  });

  it('gives the admin every level', () => {
    expect(visibleConfidentialities({ role: 'ADMIN' })).toEqual(['PUBLIC', 'MEMBERS', 'FACILITATORS', 'PRIVATE']);
  });

  it('never gives another role the PRIVATE or FACILITATORS levels', () => {
    expect(canSee({ role: 'MEMBER' }, 'PRIVATE')).toBe(false);
    expect(canSee({ role: 'MEMBER' }, 'FACILITATORS')).toBe(false);
    expect(canSee({ role: 'MEMBER' }, 'MEMBERS')).toBe(true);
  });
});

// A home visit's length is counted in hours, a call in minutes: "4" for a visit is never 4 minutes.
import { describe, expect, it } from 'vitest';
import { defaultDurationUnit, splitMinutes } from '../../renderer/src/features/contacts/durationUnits';

describe('the unit a contact is counted in', () => {
  it('is hours for visits and time with a sibling, minutes for calls and short meetings', () => {
    expect(defaultDurationUnit('supervised_visit')).toBe('hours');
    expect(defaultDurationUnit('unsupervised_visit')).toBe('hours');
    expect(defaultDurationUnit('sibling_contact')).toBe('hours');
    expect(defaultDurationUnit('remote_contact')).toBe('minutes');
    expect(defaultDurationUnit('short_meeting')).toBe('minutes');
  });

  it('shows a saved length in the largest unit that fits, and an empty one in the kind’s unit', () => {
    expect(splitMinutes(240, 'minutes')).toEqual({ amount: '4', unit: 'hours' });
    expect(splitMinutes(45, 'hours')).toEqual({ amount: '45', unit: 'minutes' });
    expect(splitMinutes(2880, 'hours')).toEqual({ amount: '2', unit: 'days' });
    expect(splitMinutes(null, 'hours')).toEqual({ amount: '', unit: 'hours' });
  });
});

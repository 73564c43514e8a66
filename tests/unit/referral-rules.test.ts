// Referral rules without a database: the lifecycle's allowed moves and response dates, and the
// minimum-necessary field rules.
import { describe, expect, it } from 'vitest';
import { defaultReferralFields, fieldProblems, preselectedFields, sensitiveReferralFields } from '../../shared/referrals/fields';
import { canMove, moveNeeds, referralMoves, referralStatuses, responseDueOn } from '../../shared/referrals/lifecycle';

describe('lifecycle', () => {
  it('follows draft → sent → acknowledged → accepted → started → completed', () => {
    const path = ['draft', 'sent', 'acknowledged', 'accepted', 'started', 'completed'] as const;
    for (let i = 1; i < path.length; i++) expect(canMove(path[i - 1], path[i]), `${path[i - 1]}→${path[i]}`).toBe(true);
  });

  it('refuses skipping, going back, and leaving a finished state', () => {
    expect(canMove('draft', 'accepted')).toBe(false);
    expect(canMove('sent', 'started')).toBe(false);
    expect(canMove('accepted', 'sent')).toBe(false);
    for (const done of ['declined', 'completed', 'not_delivered', 'no_response'] as const) expect(referralMoves[done]).toEqual([]);
    // Every move goes to a known status, and none goes back to draft.
    for (const s of referralStatuses) for (const to of referralMoves[s]) expect(referralStatuses).toContain(to);
    for (const s of referralStatuses) expect(canMove(s, 'draft')).toBe(false);
  });

  it('declining and non-delivery need a reason, completion an outcome', () => {
    expect(moveNeeds('declined')).toBe('reason');
    expect(moveNeeds('not_delivered')).toBe('reason');
    expect(moveNeeds('completed')).toBe('outcome');
    expect(moveNeeds('accepted')).toBeNull();
  });

  it('urgency sets the response date, across month and year ends', () => {
    expect(responseDueOn('2025-01-31', 'emergency')).toBe('2025-02-01');
    expect(responseDueOn('2025-12-30', 'urgent')).toBe('2026-01-02');
    expect(responseDueOn('2024-02-20', 'routine')).toBe('2024-03-05');
  });
});

describe('minimum necessary fields', () => {
  it('pre-selects the defaults and what the provider needs, sensitive ones only when it asks', () => {
    expect(preselectedFields([])).toEqual([...defaultReferralFields]);
    expect(preselectedFields(['dateOfBirth', 'healthStatus'])).toEqual([...defaultReferralFields, 'dateOfBirth', 'healthStatus']);
    for (const f of sensitiveReferralFields) expect(defaultReferralFields).not.toContain(f);
  });

  it('a sensitive field chosen needs the words to share and a reason; need and urgency are always there', () => {
    expect(fieldProblems(['name', 'need', 'urgency'], {}, {})).toEqual([]);
    expect(fieldProblems(['name'], {}, {})).toEqual([
      { field: 'need', code: 'mandatory' },
      { field: 'urgency', code: 'mandatory' },
    ]);
    expect(fieldProblems(['need', 'urgency', 'abuseDetails'], { abuseDetails: ' ' }, {})).toEqual([
      { field: 'abuseDetails', code: 'textRequired' },
      { field: 'abuseDetails', code: 'reasonRequired' },
    ]);
    expect(fieldProblems(['need', 'urgency', 'abuseDetails'], { abuseDetails: 'x' }, { abuseDetails: 'y' })).toEqual([]);
  });
});

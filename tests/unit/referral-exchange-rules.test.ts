// Rules of referrals between partner offices and of category names, without a database: how an
// answer moves a referral through the steps it skipped, what a referral file may hold, and which
// name a category shows in a given language.
import { describe, expect, it } from 'vitest';
import { pathTo, referralRecordsSchema, responseRecordsSchema } from '../../shared/referrals/exchange';
import { categoryName, cleanLabels } from '../../shared/services/category-admin';

describe('an answer moves a referral by allowed steps only', () => {
  it('takes the steps between when answers in between never arrived', () => {
    expect(pathTo('sent', 'acknowledged')).toEqual(['acknowledged']);
    expect(pathTo('sent', 'completed')).toEqual(['accepted', 'started', 'completed']);
    expect(pathTo('acknowledged', 'not_delivered')).toEqual(['accepted', 'not_delivered']);
  });

  it('finds no way back, none out of a finished referral, and none through "no response"', () => {
    expect(pathTo('accepted', 'acknowledged')).toBeNull();
    expect(pathTo('declined', 'accepted')).toBeNull();
    expect(pathTo('completed', 'started')).toBeNull();
    expect(pathTo('sent', 'no_response')).toBeNull();
    expect(pathTo('draft', 'accepted')).toEqual(['sent', 'accepted']);
  });
});

describe('what a referral file may hold', () => {
  const valid = {
    schema: 'homeward-referral',
    schemaVersion: 1,
    referralId: 'r-1',
    category: 'health',
    categoryLabels: {},
    serviceName: null,
    urgency: 'routine',
    sentOn: '2025-09-01',
    dueOn: '2025-09-15',
    referredByName: 'Wanjiru',
    fields: [{ field: 'name', value: 'Akello' }, { field: 'need', value: 'Clinic' }],
  };

  it('takes the slip’s fields, each once, and nothing beside them', () => {
    expect(referralRecordsSchema.safeParse(valid).success).toBe(true);
    expect(referralRecordsSchema.safeParse({ ...valid, caseNumber: 'GUL-2025-00001' }).success).toBe(false);
    expect(referralRecordsSchema.safeParse({ ...valid, fields: [{ field: 'caseNumber', value: 'x' }] }).success).toBe(false);
    expect(referralRecordsSchema.safeParse({ ...valid, fields: [{ field: 'name', value: 'a' }, { field: 'name', value: 'b' }] }).success).toBe(false);
    expect(referralRecordsSchema.safeParse({ ...valid, fields: [{ field: 'name', value: 'a', reason: 'why' }] }).success).toBe(false);
  });

  it('an answer is numbered from 1 and never says "no response" (the sender concludes that)', () => {
    const answer = { schema: 'homeward-referral-response', schemaVersion: 1, referralId: 'r-1', seq: 1, status: 'accepted', date: '2025-09-02', reason: '', outcome: '', respondedByName: 'Sara', respondedAt: '2025-09-02T08:00:00.000Z' };
    expect(responseRecordsSchema.safeParse(answer).success).toBe(true);
    expect(responseRecordsSchema.safeParse({ ...answer, seq: 0 }).success).toBe(false);
    expect(responseRecordsSchema.safeParse({ ...answer, status: 'no_response' }).success).toBe(false);
  });
});

describe('a category’s name', () => {
  const shipped = (key: string) => (key === 'health' ? 'Santé' : null);
  it('is the office’s name in the language, else the shipped translation, else a name in another language, else its key', () => {
    expect(categoryName({ key: 'health', labels: { fr: 'Santé et nutrition' }, builtin: true }, 'fr', shipped)).toBe('Santé et nutrition');
    expect(categoryName({ key: 'health', labels: { en: 'Health and nutrition' }, builtin: true }, 'fr', shipped)).toBe('Santé');
    expect(categoryName({ key: 'nutrition', labels: { en: 'Nutrition', ar: 'التغذية' }, builtin: false }, 'ar', shipped)).toBe('التغذية');
    expect(categoryName({ key: 'nutrition', labels: { en: 'Nutrition' }, builtin: false }, 'es', shipped)).toBe('Nutrition');
    expect(categoryName({ key: 'nutrition', labels: { pt: 'Nutrição' }, builtin: false }, 'es', shipped)).toBe('Nutrição');
    expect(categoryName({ key: 'nutrition', labels: {}, builtin: false }, 'es', shipped)).toBe('nutrition');
  });

  it('names are trimmed and empty ones dropped', () => {
    expect(cleanLabels({ en: ' Nutrition ', fr: '', ar: '  ' })).toEqual({ en: 'Nutrition' });
  });
});

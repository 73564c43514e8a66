// The fidelity rules of issue 8, each tested where it lives in shared/.
import { describe, expect, it } from 'vitest';
import { approvalVerdict, isExceptableGate } from '../../shared/approvals/rules';
import { checkMove, emptyFacts, forwardGates, gates, passedByException, planInForceGates, type CaseFacts } from '../../shared/cases/stages';
import { contactRefusal, latestPicture, type PictureContact } from '../../shared/contacts/ladder';
import { consentVerdict, tracingPurposes, type ConsentRecord } from '../../shared/consents/rules';
import { placementFor, placementForPerson } from '../../shared/family/confidential';

const ready: CaseFacts = {
  ...emptyFacts,
  familyFound: true,
  childAssessed: true,
  familyAssessed: true,
  riskAssessed: true,
  safetyPlan: true,
  bidApproved: true,
  planAcknowledged: true,
  careArrangement: true,
  monitorAssigned: true,
  supervisedVisitSucceeded: true,
  latestContactClear: true,
  noStandingRefusal: true,
  returnWanted: true,
  homeSafetyCurrent: true,
  reunificationRecorded: true,
};

const visit = (kind: PictureContact['kind'], heldOn: string, outcome: PictureContact['outcome'], concerns = ''): PictureContact => ({
  kind,
  status: 'held',
  heldOn,
  outcome,
  concerns,
});

describe('the reunification gate reads the latest picture', () => {
  it('one good supervised visit followed by a failed unsupervised one no longer passes', () => {
    const contacts = [visit('supervised_visit', '2026-03-01', 'successful'), visit('unsupervised_visit', '2026-04-01', 'unsuccessful')];
    expect(latestPicture(contacts, []).latestClear).toBe(false);
    expect(latestPicture(contacts.slice(0, 1), []).latestClear).toBe(true);
  });

  it('a concern recorded at the latest visit blocks even when the visit is called successful', () => {
    expect(latestPicture([visit('supervised_visit', '2026-03-01', 'successful', 'Uncle drinking again')], []).latestClear).toBe(false);
  });

  it('a refusal stands until a later face-to-face contact succeeds; phone calls do not count', () => {
    const good = visit('supervised_visit', '2026-03-01', 'successful');
    expect(latestPicture([good], [{ refusedOn: '2026-03-10' }]).standingRefusal).toBe(true);
    const call: PictureContact = { kind: 'remote_contact', status: 'held', heldOn: '2026-03-20', outcome: 'successful', concerns: '' };
    expect(latestPicture([good, call], [{ refusedOn: '2026-03-10' }]).standingRefusal).toBe(true);
    expect(latestPicture([good, call, visit('short_meeting', '2026-03-25', 'successful')], [{ refusedOn: '2026-03-10' }]).standingRefusal).toBe(false);
  });

  it('the move to follow-up is blocked by a stale picture, a refusal, a "no" or an old safety plan, each by name', () => {
    const blocked = (f: Partial<CaseFacts>) => checkMove('reunification', 'follow_up', { ...ready, ...f }).blocked.map((g) => g.id);
    expect(blocked({})).toEqual([]);
    expect(blocked({ latestContactClear: false })).toEqual(['latestContactClear']);
    expect(blocked({ noStandingRefusal: false })).toEqual(['noStandingRefusal']);
    expect(blocked({ returnWanted: false })).toEqual(['returnWanted']);
    expect(blocked({ homeSafetyCurrent: false })).toEqual(['homeSafetyCurrent']);
  });

  it('preparation items still to do, or a "no" to the return, stop the move to reunification (issue 7)', () => {
    expect(checkMove('preparation', 'reunification', { ...ready, preparationOpenItems: 12 }).blocked.map((g) => g.id)).toEqual(['preparationDone']);
    expect(checkMove('preparation', 'reunification', { ...ready, returnWanted: false }).blocked.map((g) => g.id)).toEqual(['returnWanted']);
  });

  it('a plan takes effect only once the BID is approved (issue 7)', () => {
    expect(planInForceGates.every((g) => g.passes(ready))).toBe(true);
    expect(planInForceGates.every((g) => g.passes({ ...ready, bidApproved: false }))).toBe(false);
    expect(planInForceGates.every((g) => g.passes({ ...ready, bidApproved: false, bidRequired: false }))).toBe(true);
  });
});

describe('every gate has a supervisor-approved exception', () => {
  it('an approved exception passes exactly its own gate and is reported as such', () => {
    const facts = { ...ready, supervisedVisitSucceeded: false, latestContactClear: false, exceptions: ['supervisedVisitSucceeded'] };
    expect(checkMove('reunification', 'follow_up', facts).blocked.map((g) => g.id)).toEqual(['latestContactClear']);
    expect(passedByException(facts)).toEqual(['supervisedVisitSucceeded']);
    expect(gates.supervisedVisitSucceeded.holds(facts)).toBe(false);
  });

  it('every gate of every move can be excepted, and so can each checked consent; nothing else', () => {
    for (const move of Object.values(forwardGates)) for (const g of move.gates) expect(isExceptableGate(g.id), g.id).toBe(true);
    expect(isExceptableGate('consent.tracing')).toBe(true);
    expect(isExceptableGate('consent.assessment')).toBe(false);
    expect(isExceptableGate('everything')).toBe(false);
  });
});

describe('people who pose a risk', () => {
  const person = { posesRisk: true, restriction: 'none' as const, mustNotKnowLocation: false };
  it('no contact refuses every kind of contact', () => {
    for (const kind of ['remote_contact', 'short_meeting', 'supervised_visit', 'unsupervised_visit', 'sibling_contact'] as const) {
      expect(contactRefusal({ ...person, restriction: 'no_contact' }, kind), kind).toBe('noContact');
    }
  });
  it('supervised only, or a secret location, refuses an unsupervised visit and allows a supervised one', () => {
    expect(contactRefusal({ ...person, restriction: 'supervised_only' }, 'unsupervised_visit')).toBe('supervisedOnly');
    expect(contactRefusal({ ...person, restriction: 'supervised_only' }, 'supervised_visit')).toBeNull();
    expect(contactRefusal({ ...person, mustNotKnowLocation: true }, 'unsupervised_visit')).toBe('locationSecret');
    expect(contactRefusal(person, 'unsupervised_visit')).toBeNull();
  });
  it('a confidential placement reaches office staff only, and outside the office only by choice', () => {
    const placement = { place: 'Safe house, Plot 4', confidential: true };
    expect(placementFor('office', placement).place).toBe('Safe house, Plot 4');
    expect(placementFor('family', placement)).toEqual({ place: null, withheld: 'confidentialPlacement' });
    expect(placementFor('outside', placement).place).toBeNull();
    expect(placementFor('outside', placement, { includeConfidential: true }).place).toBe('Safe house, Plot 4');
    expect(placementFor('family', { ...placement, confidential: false }).place).toBe('Safe house, Plot 4');
    expect(placementForPerson({ mustNotKnowLocation: true }, { ...placement, confidential: false }).place).toBeNull();
  });
});

describe('consent is checked', () => {
  const adult = (purposes: ConsentRecord['purposes'], date = '2026-01-10', withdrawnOn: string | null = null): ConsentRecord => ({ givenBy: 'caregiver', purposes, date, withdrawnOn });
  const child = (purposes: ConsentRecord['purposes'], date = '2026-01-10', withdrawnOn: string | null = null): ConsentRecord => ({ givenBy: 'child', purposes, date, withdrawnOn });

  it('an adult consent for the purpose, given by the day, allows it; another purpose does not', () => {
    expect(consentVerdict([adult(['tracing'])], 'tracing', '2026-02-01', 8)).toEqual({ ok: true });
    expect(consentVerdict([adult(['photo'])], 'tracing', '2026-02-01', 8)).toEqual({ ok: false, reason: 'noConsent', purpose: 'tracing' });
    expect(consentVerdict([adult(['tracing'], '2026-03-01')], 'tracing', '2026-02-01', 8).ok).toBe(false);
  });

  it('withdrawal takes effect at once', () => {
    expect(consentVerdict([adult(['tracing'], '2026-01-10', '2026-02-01')], 'tracing', '2026-02-01', 8)).toEqual({ ok: false, reason: 'withdrawn', purpose: 'tracing' });
  });

  it('by age: a young child cannot agree alone; an adolescent can, and their withdrawal stops it whatever the adults said', () => {
    expect(consentVerdict([child(['photo'])], 'photo', '2026-02-01', 8).ok).toBe(false);
    expect(consentVerdict([child(['photo'])], 'photo', '2026-02-01', 14).ok).toBe(true);
    expect(consentVerdict([adult(['photo']), child(['photo'], '2026-01-12', '2026-01-20')], 'photo', '2026-02-01', 14)).toEqual({ ok: false, reason: 'childWithdrew', purpose: 'photo' });
    expect(consentVerdict([adult(['photo']), child(['photo'], '2026-01-12', '2026-01-20')], 'photo', '2026-02-01', 8).ok).toBe(true);
  });

  it('tracing by interviewing the child needs nothing; photo tracing needs both purposes', () => {
    expect(tracingPurposes('interview_child')).toEqual([]);
    expect(tracingPurposes('radio_announcement')).toEqual(['tracing']);
    expect(tracingPurposes('photo_tracing')).toEqual(['tracing', 'photo_tracing']);
  });
});

describe('no self-approval', () => {
  const base = { approverId: 'sara', submittedBy: 'wanjiru', caseWorkerIds: ['wanjiru', null], oneSupervisorMode: false };
  it('another supervisor approves', () => expect(approvalVerdict(base)).toEqual({ ok: true, selfApproval: false }));
  it('the submitter or the case holder cannot', () => {
    expect(approvalVerdict({ ...base, submittedBy: 'sara' })).toEqual({ ok: false, reason: 'ownSubmission' });
    expect(approvalVerdict({ ...base, caseWorkerIds: ['sara'] })).toEqual({ ok: false, reason: 'ownCase' });
  });
  it('a one-supervisor office may allow it, flagged', () => {
    expect(approvalVerdict({ ...base, submittedBy: 'sara', oneSupervisorMode: true })).toEqual({ ok: true, selfApproval: true });
  });
});

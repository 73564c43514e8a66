// Lock at once in every conference form (and the plan's acknowledgement): whatever was typed a
// moment ago is saved before the session locks, and after unlocking the conference tab opens the
// same conference at the same part with the form open and the text in it. Saving or cancelling a
// form discards its draft. And the plan review lists the case's open conference commitments (not
// the ones done). The kit is lock-every-form.spec.ts's: type, lock with no pause, unlock.
import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousViolations, password, people, setUpOffice, signIn } from './casework-kit';
import { dayFromToday } from './casework-steps';
import { expect, test, type Bridge } from './fixtures';
import { lockAtOnce, savedDraft, unlock, type LockBy } from './lock-kit';

test.use({ locale: 'en-US', viewport: { width: 1366, height: 900 }, actionTimeout: 15_000 });

async function ok<T = { id: string }>(bridge: Bridge, channel: string, input: unknown = {}): Promise<T> {
  const result = await bridge.call(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const open = 'Walk Amina to school every morning';
const done = 'Pay the school fees for the term';

const planContent = () => ({
  objectives: [
    {
      domain: 'education_skills',
      objective: 'Amina attends school every day',
      indicator: 'Attendance register',
      targetDate: dayFromToday(90),
      responsible: 'Rose Akello (grandmother)',
    },
  ],
  familyOwnership: 'The family chose the school',
  contingencyPlan: 'If Rose falls ill, Amina stays with her aunt',
  guardianship: { currentHolder: 'Kisumu District Children’s Office', returnsTo: 'Rose Akello', returnsOn: null, notes: '' },
});

/**
 * The worker's case with a held conference — Rose attended, Dominic (a risk to the child) proposed
 * — whose agreement has one commitment open and one done; a BID the supervisor approved (a plan
 * takes effect only then), the plan in force (version 1) and a draft version 2. Leaves the bridge
 * signed out: the page signs in as the supervisor, who may also write a risky invitee's safety note.
 */
async function prepare(bridge: Bridge) {
  await ok(bridge, 'session.login', { username: people.worker.username, password });
  const kase = await ok(bridge, 'cases.register', {
    child: { givenName: 'Amina', familyName: 'Odhiambo', sex: 'female', estimatedAgeYears: 10, separationReasons: ['poverty'], area: 'Kisumu' },
    notDuplicateOf: [],
  });
  const caseId = kase.id;
  const dominic = await ok(bridge, 'family.save', {
    caseId,
    member: { kind: 'relative', relationship: 'uncle', givenName: 'Dominic', familyName: 'Okot', posesRisk: true, restriction: 'supervised_only' },
  });
  const conference = await ok(bridge, 'conference.save', {
    caseId,
    conference: { purpose: 'plan', date: dayFromToday(0), time: '10:00', venue: 'Kisumu community hall', facilitatorName: 'Grace Auma', familyLanguage: 'en', childParticipation: { mode: 'attends_all' } },
  });
  const ref = { caseId, conferenceId: conference.id };
  await ok(bridge, 'conference.saveInvitee', { ...ref, invitee: { memberId: null, name: 'Rose Akello', role: 'grandmother', language: 'en', status: 'attended' } });
  const invited = await ok<{ invitees: Array<{ id: string; name: string }> }>(bridge, 'conference.saveInvitee', {
    ...ref,
    invitee: { memberId: dominic.id, name: 'Dominic Okot', role: 'uncle', language: 'en', status: 'proposed' },
  });
  const inviteeId = (name: string) => invited.invitees.find((i) => i.name === name)!.id;
  const agreed = await ok<{ agreement: { items: Array<{ id: string; what: string }> } }>(bridge, 'conference.saveAgreement', {
    ...ref,
    agreement: { items: [{ who: 'Rose Akello', what: open, byWhen: dayFromToday(14) }, { who: 'Rose Akello', what: done, byWhen: dayFromToday(7) }] },
  });
  const paid = agreed.agreement.items.find((i) => i.what === done)!;
  await ok(bridge, 'conference.markCommitmentDone', { ...ref, done: { itemId: paid.id, doneOn: dayFromToday(0), evidence: 'Receipt from the school' } });
  const bid = await ok<{ id: string; version: number }>(bridge, 'bid.save', {
    caseId,
    bid: {
      date: dayFromToday(0),
      panel: [{ name: 'Peter Ouma', role: 'Child protection officer' }],
      optionsConsidered: [{ option: 'reintegration_with_family', assessment: 'Rose is able and willing' }],
      childViews: 'I want to live with my grandmother.',
      decision: 'reintegration_with_family',
      reasons: 'The family was traced and assessed.',
    },
  });
  const submitted = await ok<{ version: number }>(bridge, 'bid.submit', { caseId, bidId: bid.id, version: bid.version });
  await ok(bridge, 'plans.saveDraft', { caseId, expectedRevision: null, plan: planContent() });
  await ok(bridge, 'session.logout');
  await ok(bridge, 'session.login', { username: people.supervisor.username, password });
  await ok(bridge, 'bid.approve', { caseId, bidId: bid.id, version: submitted.version });
  const ack = { method: 'verbal', witnessName: 'Pastor Moses Ouma', witnessRole: 'religious leader', date: dayFromToday(0), familyMembers: [{ name: 'Rose Akello', relationship: 'grandmother' }], childAcknowledged: true };
  await ok(bridge, 'plans.acknowledge', { caseId, version: 1, acknowledgement: ack });
  await ok(bridge, 'plans.saveDraft', { caseId, expectedRevision: null, plan: { ...planContent(), familyOwnership: 'The family chose the school and the route' } });
  await ok(bridge, 'session.logout');
  const openItem = agreed.agreement.items.find((i) => i.what === open)!;
  return { caseId, conferenceId: conference.id, openItemId: openItem.id, roseId: inviteeId('Rose Akello'), dominicId: inviteeId('Dominic Okot') };
}

const conferencePart = async (page: Page, part: string) => {
  await page.getByRole('navigation', { name: 'Parts of the conference' }).getByRole('button', { name: part, exact: true }).click();
};

/** Where the person types, and how to get there from the conference (or case plan) tab. */
interface FormCase {
  name: string;
  /** The page's route within the case (or the app's, when it starts with '#'). */
  route: (ids: Awaited<ReturnType<typeof prepare>>) => string;
  /** Opens the form; returns the field typed into. */
  open(page: Page): Promise<Locator>;
  lockBy: LockBy;
}

const inConference = (ids: { caseId: string; conferenceId: string }) => `#/cases/${ids.caseId}?tab=conference&conference=${ids.conferenceId}`;

const forms: FormCase[] = [
  {
    name: 'a new conference (details)',
    route: (ids) => `#/cases/${ids.caseId}?tab=conference`,
    open: async (page) => {
      await page.getByRole('button', { name: 'Plan a family conference' }).click();
      return page.getByRole('form', { name: 'Conference details' }).getByLabel('Venue', { exact: true });
    },
    lockBy: 'shortcut',
  },
  {
    name: 'the safety note of a risky invitee',
    route: inConference,
    open: async (page) => {
      await conferencePart(page, 'Invitees');
      return page.getByLabel('How safety will be managed (supervisor)');
    },
    lockBy: 'topbar',
  },
  {
    name: 'a new invitee',
    route: inConference,
    open: async (page) => {
      await conferencePart(page, 'Invitees');
      return page.getByRole('form', { name: 'Add an invitee' }).getByLabel('Name', { exact: true });
    },
    lockBy: 'shortcut',
  },
  {
    name: "what the family's screen shows",
    route: inConference,
    open: async (page) => {
      await conferencePart(page, "For the family's screen");
      await page.getByRole('button', { name: 'Add an item' }).click();
      return page.getByLabel("Words on the family's screen");
    },
    lockBy: 'shortcut',
  },
  {
    name: "the facilitator's notes",
    route: inConference,
    open: async (page) => {
      await conferencePart(page, 'Run it');
      return page.getByLabel("Facilitator's notes (private)");
    },
    lockBy: 'shortcut',
  },
  {
    name: 'the agreement',
    route: inConference,
    open: async (page) => {
      await conferencePart(page, 'Agreement');
      return page.getByLabel('If it goes wrong: who to contact, what happens');
    },
    lockBy: 'topbar',
  },
  {
    name: "an invitee's answer to the agreement",
    route: inConference,
    open: async (page) => {
      await conferencePart(page, 'Agreement');
      await page.getByLabel('Answer of Rose Akello').selectOption('declined');
      return page.getByLabel('Reason (Rose Akello)');
    },
    lockBy: 'shortcut',
  },
  {
    name: 'a commitment marked done',
    route: inConference,
    open: async (page) => {
      await conferencePart(page, 'Follow-up');
      await page.getByRole('button', { name: 'Mark commitment 1 done' }).click();
      return page.getByRole('form', { name: 'Commitment 1 done' }).getByLabel('What shows it was done');
    },
    lockBy: 'shortcut',
  },
  {
    name: "the family's acknowledgement of the plan",
    route: (ids) => `#/cases/${ids.caseId}?tab=plan`,
    open: async (page) => {
      await page.getByRole('button', { name: "Record the family's acknowledgement" }).click();
      return page.getByRole('dialog', { name: /Family acknowledgement of version 2/ }).getByLabel('Name of family member 1');
    },
    lockBy: 'dialog',
  },
  {
    name: 'the Conferences section: a filter',
    route: () => '#/conferences',
    open: async (page) => page.getByRole('search', { name: 'Filter the conferences' }).getByLabel('Facilitator'),
    lockBy: 'shortcut',
  },
  {
    name: 'the Conferences section: finding a case to plan for',
    route: () => '#/conferences',
    open: async (page) => page.getByLabel('Find the case'),
    lockBy: 'topbar',
  },
];

test('lock at once in every conference form: after unlocking the same form is open with the text in it', async ({ app: page, bridge }) => {
  test.setTimeout(300_000);
  await setUpOffice(bridge);
  const ids = await prepare(bridge);
  await signIn(page, 'supervisor');
  const base = page.url().replace(/#.*$/, '');

  for (const form of forms) {
    await test.step(form.name, async () => {
      // By way of My work, so the case page mounts afresh (its tabs read the address when they mount).
      await page.goto(`${base}#/work`);
      await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
      await page.goto(`${base}${form.route(ids)}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const field = await form.open(page);
      const text = `Typed just before locking (${form.name}) — كُتب قبل القفل.`;
      await field.fill(text);
      await lockAtOnce(page, form.lockBy, form.lockBy === 'dialog' ? page.getByRole('dialog') : undefined);
      await unlock(page);
      // Back in the same form, without asking: the tab reopened the conference at that part, and
      // the form (a closed one too) is open again with the typing in it.
      await expect(field).toHaveValue(text);
      await expect(page.getByText(/unsaved draft/)).toHaveCount(0);
    });
  }
});

test('saving or cancelling a conference form discards its draft; the next one opens empty', async ({ app: page, bridge }) => {
  test.setTimeout(150_000);
  await setUpOffice(bridge);
  const ids = await prepare(bridge);
  await signIn(page, 'supervisor');
  const base = page.url().replace(/#.*$/, '');
  const key = (form: string) => `case:${ids.caseId}:conference:${ids.conferenceId}:${form}`;
  await page.goto(`${base}${inConference(ids)}`);

  await test.step('a commitment: cancel, then save', async () => {
    await conferencePart(page, 'Follow-up');
    // By keyboard: focus goes to the form when it opens, and back to its button when cancelled.
    const markDone = page.getByRole('button', { name: 'Mark commitment 1 done' });
    await markDone.focus();
    await page.keyboard.press('Enter');
    let form = page.getByRole('form', { name: 'Commitment 1 done' });
    await expect(form).toBeFocused();
    await form.getByLabel('What shows it was done').fill('Not meant to be kept');
    await expect(form.getByText('Typing kept')).toBeVisible();
    await form.getByRole('button', { name: 'Cancel' }).press('Enter');
    await expect(form).toHaveCount(0);
    await expect(markDone).toBeFocused();
    expect(await savedDraft(bridge, key(`commitment:${ids.openItemId}`))).toBeNull();
    await page.getByRole('button', { name: 'Mark commitment 1 done' }).click();
    form = page.getByRole('form', { name: 'Commitment 1 done' });
    await expect(form.getByLabel('What shows it was done')).toHaveValue('');
    await form.getByLabel('What shows it was done').fill('Attendance register signed by the head teacher');
    await expect(form.getByText('Typing kept')).toBeVisible();
    await form.getByRole('button', { name: 'Save: done' }).click();
    await expect(page.getByText('Attendance register signed by the head teacher')).toBeVisible();
    await expect.poll(() => savedDraft(bridge, key(`commitment:${ids.openItemId}`))).toBeNull();
  });

  await test.step("an invitee's answer: recorded", async () => {
    await conferencePart(page, 'Agreement');
    await page.getByLabel('Answer of Rose Akello').selectOption('declined');
    await page.getByLabel('Reason (Rose Akello)').fill('Wants to talk to her son first');
    await expect.poll(() => savedDraft(bridge, key(`ack:${ids.roseId}`))).toMatchObject({ data: { outcome: 'declined', reason: 'Wants to talk to her son first' } });
    await page.getByRole('button', { name: 'Record the answer of Rose Akello' }).click();
    await expect(page.getByRole('list', { name: 'People present and their answer' })).toContainText('Declines to acknowledge');
    await expect.poll(() => savedDraft(bridge, key(`ack:${ids.roseId}`))).toBeNull();
  });

  await test.step('the safety note: recorded', async () => {
    await conferencePart(page, 'Invitees');
    await page.getByLabel('How safety will be managed (supervisor)').fill('Dominic comes only with the police officer present');
    await expect.poll(() => savedDraft(bridge, key(`safety:${ids.dominicId}`))).toMatchObject({ data: { note: 'Dominic comes only with the police officer present' } });
    await page.getByRole('button', { name: 'Record the safety note' }).click();
    await expect(page.getByText('Dominic comes only with the police officer present')).toBeVisible();
    await expect.poll(() => savedDraft(bridge, key(`safety:${ids.dominicId}`))).toBeNull();
  });

  await test.step("the plan's acknowledgement: cancelled", async () => {
    await page.goto(`${base}#/cases/${ids.caseId}?tab=plan`);
    await page.getByRole('button', { name: "Record the family's acknowledgement" }).click();
    let dialog = page.getByRole('dialog', { name: /Family acknowledgement of version 2/ });
    await dialog.getByLabel('Name of family member 1').fill('Rose Akello');
    await expect(dialog.getByText('Typing kept')).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect(await savedDraft(bridge, `case:${ids.caseId}:plans:acknowledge`)).toBeNull();
    await page.getByRole('button', { name: "Record the family's acknowledgement" }).click();
    dialog = page.getByRole('dialog', { name: /Family acknowledgement of version 2/ });
    await expect(dialog.getByLabel('Name of family member 1')).toHaveValue('');
  });
});

test("the plan review lists the case's open conference commitments, not the ones done (axe-clean)", async ({ app: page, bridge }) => {
  test.setTimeout(90_000);
  await setUpOffice(bridge);
  const ids = await prepare(bridge);
  await signIn(page, 'supervisor');
  await page.goto(`${page.url().replace(/#.*$/, '')}#/cases/${ids.caseId}?tab=plan`);
  await page.getByRole('button', { name: 'Record a review' }).click();
  const dialog = page.getByRole('dialog', { name: 'Plan review' });
  const commitments = dialog.getByRole('region', { name: 'Commitments from family conferences' });
  await expect(commitments).toBeVisible();
  await expect(commitments.getByRole('listitem')).toHaveCount(1);
  await expect(commitments).toContainText(`Rose Akello: ${open}`);
  await expect(dialog).not.toContainText(done);
  await expectNoSeriousViolations(page, 'plan review with open conference commitments');
});

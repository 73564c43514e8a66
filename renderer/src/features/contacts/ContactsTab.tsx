// DOM. The case file's contacts tab (stage 3, initial contact): the ladder the case is climbing,
// planned contacts, the log, refusals, and the forms to plan, record, cancel and record a refusal.
// Hosted by the case-file page, which lazy-imports this file's default export.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '@shared/cases/contract';
import type { Contact } from '@shared/contacts/contract';
import { Button } from '../../ui/Button';
import { Alert, ErrorAlert, Loading } from '../../ui/misc';
import { CancelContactDialog } from './CancelContactDialog';
import { ContactFormDialog, type ContactFormTarget } from './ContactFormDialog';
import { ContactList, RefusalList } from './ContactLog';
import { LadderView } from './LadderView';
import { RefusalDialog } from './RefusalDialog';
import { useContacts, useRefusals } from './queries';
import './contacts.css';
import { useResumeOnUnlock } from '../../ui/useResumeOnUnlock';

export default function ContactsTab({ caseFile }: { caseFile: CaseFile }) {
  const { t } = useTranslation('contacts');
  const caseId = caseFile.id;
  const contacts = useContacts(caseId);
  const refusals = useRefusals(caseId);
  const [form, setForm] = useState<ContactFormTarget | null>(null);
  const [cancelling, setCancelling] = useState<Contact | null>(null);
  const [refusing, setRefusing] = useState(false);
  useResumeOnUnlock(`case:${caseId}:contacts:plan`, () => setForm({ action: 'plan' }));
  useResumeOnUnlock(`case:${caseId}:contacts:record`, () => setForm({ action: 'record' }));
  useResumeOnUnlock(`case:${caseId}:contacts:refusal`, () => setRefusing(true));
  const canWrite = caseFile.canWrite;

  if (contacts.isPending) return <Loading />;
  if (contacts.isError) return <ErrorAlert error={contacts.error} />;

  const { ladder } = contacts.data;
  const planned = contacts.data.contacts
    .filter((c) => c.status === 'planned')
    .sort((a, b) => (a.plannedFor ?? '').localeCompare(b.plannedFor ?? ''));
  const log = contacts.data.contacts.filter((c) => c.status !== 'planned');

  return (
    <div className="stack contacts-tab">
      <div className="row row--between contacts-tab__header">
        <div>
          <h2 className="form-section__title">{t('tab.title')}</h2>
          <p className="muted">{t('tab.intro')}</p>
        </div>
        {canWrite ? (
          <div className="row contacts-tab__actions">
            <Button variant="primary" onClick={() => setForm({ action: 'plan' })}>
              {t('actions.plan')}
            </Button>
            <Button onClick={() => setForm({ action: 'record' })}>{t('actions.record')}</Button>
            <Button variant="ghost" onClick={() => setRefusing(true)}>
              {t('actions.refusal')}
            </Button>
          </div>
        ) : null}
      </div>
      {!canWrite ? (
        <Alert tone="neutral" live={false}>
          {t('tab.readOnly')}
        </Alert>
      ) : caseFile.status === 'halted' ? (
        <Alert tone="warning" live={false}>
          {t('tab.halted')}
        </Alert>
      ) : null}
      <LadderView ladder={ladder} />
      <ContactList
        title={t('planned.title')}
        empty={t('planned.empty')}
        contacts={planned}
        canWrite={canWrite}
        onRecord={(contact) => setForm({ action: 'record', contact })}
        onCancel={setCancelling}
      />
      <ContactList
        title={t('log.title')}
        empty={t('log.empty')}
        contacts={log}
        canWrite={canWrite}
        onRecord={(contact) => setForm({ action: 'record', contact })}
        onCancel={setCancelling}
      />
      {refusals.isError ? <ErrorAlert error={refusals.error} /> : <RefusalList refusals={refusals.data ?? []} />}

      {form ? <ContactFormDialog caseId={caseId} target={form} unsupervisedAllowed={ladder.unsupervisedAllowed} onClose={() => setForm(null)} /> : null}
      {cancelling ? <CancelContactDialog caseId={caseId} contact={cancelling} onClose={() => setCancelling(null)} /> : null}
      {refusing ? <RefusalDialog caseId={caseId} plannedCount={planned.length} onClose={() => setRefusing(false)} /> : null}
    </div>
  );
}

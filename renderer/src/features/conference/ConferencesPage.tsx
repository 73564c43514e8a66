// DOM. The Conferences section: the office's family conferences and meetings — upcoming, in
// progress and held — filtered by status, case, dates and facilitator, within what the person may
// see (the core filters by case scope: a case worker their own cases, a supervisor the office's).
// From here a conference opens in its case, and a new one is planned for a case.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ConferenceRegisterRow } from '@shared/conference/contract';
import { conferenceStatuses, type ConferenceStatus } from '@shared/conference/follow-up';
import { call } from '../../api';
import { SelectField, TextField } from '../../ui/Field';
import { isResumable } from '../../ui/draftRegistry';
import { useDayFormat } from '../../ui/format';
import { Badge, Card, ErrorAlert, Loading, PageHeader } from '../../ui/misc';
import { Table } from '../../ui/Table';
import { useFormDraft } from '../../ui/useDraft';
import { useDocumentTitle } from '../cases/format';
import { PlanConference } from './PlanConference';
import { conferenceKeys } from './queries';
import './conference.css';

/** Not a case's: the register's filters, per user (the core keeps drafts per user). */
const registerDraftKey = 'conferences:register:filters';

interface FilterValues {
  status: ConferenceStatus | '';
  caseText: string;
  from: string;
  to: string;
  facilitator: string;
}

const caseLink = (r: ConferenceRegisterRow) => `/cases/${r.caseId}?tab=conference&conference=${r.id}${r.status === 'held' ? '&part=followUp' : ''}`;

export function ConferencesPage() {
  const { t } = useTranslation('conference');
  useDocumentTitle(t('register.title'));
  const day = useDayFormat();
  const form = useForm<FilterValues>({ defaultValues: { status: 'upcoming', caseText: '', from: '', to: '', facilitator: '' } });
  // Typed filters come back after a lock (the lock screen unmounts the page); otherwise the
  // section opens with the upcoming conferences, as always.
  const [resuming] = useState(() => isResumable(registerDraftKey));
  useFormDraft(form, registerDraftKey, { restore: resuming });
  const [status, caseText, from, to, facilitator] = useWatch({ control: form.control, name: ['status', 'caseText', 'from', 'to', 'facilitator'] });
  const filters = { status: status || null, caseText, from: from || null, to: to || null, facilitator };
  const register = useQuery({ queryKey: [...conferenceKeys.register, filters], queryFn: () => call('conference.register', filters), placeholderData: keepPreviousData });

  return (
    <div className="stack">
      <PageHeader title={t('register.title')} description={t('register.summary')} />
      <PlanConference />
      <Card title={t('register.listTitle')}>
        <form className="services-filters" role="search" aria-label={t('register.filters')} onSubmit={(e) => e.preventDefault()}>
          <SelectField label={t('register.status')} {...form.register('status')}>
            <option value="">{t('register.any')}</option>
            {conferenceStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`register.statuses.${s}`)}
              </option>
            ))}
          </SelectField>
          <TextField label={t('register.case')} description={t('register.caseHint')} {...form.register('caseText')} />
          <TextField label={t('register.from')} type="date" {...form.register('from')} />
          <TextField label={t('register.to')} type="date" {...form.register('to')} />
          <TextField label={t('register.facilitator')} {...form.register('facilitator')} />
        </form>
        <ErrorAlert error={register.error} />
        {register.isPending ? <Loading /> : null}
        {register.data ? (
          <>
            <p className="muted" role="status">
              {t('register.count', { shown: register.data.rows.length, total: register.data.total })}
            </p>
            <Table
              caption={t('register.listTitle')}
              captionHidden
              label={t('register.listTitle')}
              rows={register.data.rows}
              rowKey={(r) => r.id}
              empty={t('register.empty')}
              columns={[
                {
                  key: 'date',
                  header: t('register.date'),
                  rowHeader: true,
                  cell: (r) => (
                    <Link to={caseLink(r)}>
                      {day(r.date)} {r.time}
                    </Link>
                  ),
                },
                {
                  key: 'case',
                  header: t('register.case'),
                  cell: (r) => (
                    <>
                      <bdi>{r.childName}</bdi> <span className="muted">{r.caseNumber}</span>
                    </>
                  ),
                },
                { key: 'kind', header: t('register.kind'), cell: (r) => `${t(`kinds.${r.kind}`)} · ${t(`purposes.${r.purpose}`)}` },
                { key: 'facilitator', header: t('register.facilitator'), cell: (r) => <bdi>{r.facilitatorName}</bdi> },
                {
                  key: 'status',
                  header: t('register.status'),
                  cell: (r) => (
                    <>
                      {t(`register.statuses.${r.status}`)}
                      {r.status === 'in_progress' && r.step ? <span className="muted"> · {t(`steps.${r.step}`)}</span> : null}
                    </>
                  ),
                },
                {
                  key: 'commitments',
                  header: t('register.commitments'),
                  cell: (r) => (
                    <>
                      {r.openCommitments > 0 ? t('register.openCommitments', { number: r.openCommitments }) : '—'}{' '}
                      {r.overdueCommitments > 0 ? <Badge tone="warning">{t('register.overdueCommitments', { number: r.overdueCommitments })}</Badge> : null}
                    </>
                  ),
                },
              ]}
            />
          </>
        ) : null}
      </Card>
    </div>
  );
}

// DOM. The office's referral register (filters: status, provider, category, overdue). A case
// worker sees the referrals of their own cases; a supervisor all of the office's.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { referralStatuses, type ReferralStatus } from '@shared/referrals/lifecycle';
import { call } from '../../api';
import { CheckboxField, SelectField } from '../../ui/Field';
import { useDayFormat } from '../../ui/format';
import { Badge, Card, ErrorAlert, Loading, PageHeader } from '../../ui/misc';
import { Table } from '../../ui/Table';
import { useDocumentTitle } from '../cases/format';
import { useCategories, useCategoryLabel } from '../services/kit';
import { referralKeys } from './kit';
import { ApplyResponse } from './ApplyResponse';
import { useReadySession } from '../../app/session';

export function RegisterPage() {
  const { t } = useTranslation('referrals');
  const session = useReadySession();
  useDocumentTitle(t('register.title'));
  const day = useDayFormat();
  const categories = useCategories();
  const categoryLabel = useCategoryLabel(categories.data);
  const providers = useQuery({ queryKey: ['services', 'search', 'providers'], queryFn: () => call('services.search', { includeInactive: true, limit: 500 }) });
  const [status, setStatus] = useState('');
  const [providerId, setProviderId] = useState('');
  const [category, setCategory] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const filters = { status: (status || null) as ReferralStatus | null, providerId: providerId || null, category: category || null, overdueOnly };
  const register = useQuery({ queryKey: referralKeys.register(filters), queryFn: () => call('referrals.register', filters), placeholderData: keepPreviousData });
  const providerOptions = [...new Map((providers.data?.services ?? []).map((s) => [s.providerId, s.providerName])).entries()];

  return (
    <div className="stack">
      <PageHeader
        title={t('register.title')}
        description={t('register.summary')}
        actions={session.permissions.includes('case.assign') ? <Link to="/referrals/received">{t('received.link')}</Link> : null}
      />
      <ApplyResponse />
      <Card>
        <form className="services-filters" role="search" onSubmit={(e) => e.preventDefault()}>
          <SelectField label={t('register.status')} value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('register.any')}</option>
            {referralStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('register.provider')} value={providerId} onChange={(e) => setProviderId(e.target.value)}>
            <option value="">{t('register.any')}</option>
            {providerOptions.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('register.category')} value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t('register.any')}</option>
            {categories.data?.map((c) => (
              <option key={c.key} value={c.key}>
                {categoryLabel(c.key)}
              </option>
            ))}
          </SelectField>
          <CheckboxField label={t('register.overdueOnly')} checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
        </form>
        <ErrorAlert error={register.error} />
        {register.isPending ? <Loading /> : null}
        {register.data ? (
          <>
            <p className="muted" role="status">{t('register.count', { shown: register.data.rows.length, total: register.data.total })}</p>
            <Table
              caption={t('register.title')}
              captionHidden
              label={t('register.title')}
              rows={register.data.rows}
              rowKey={(r) => r.id}
              empty={t('register.empty')}
              columns={[
                { key: 'case', header: t('register.case'), rowHeader: true, cell: (r) => <Link to={`/cases/${r.caseId}?tab=referrals`}>{r.caseNumber}</Link> },
                { key: 'provider', header: t('register.provider'), cell: (r) => r.providerName },
                { key: 'category', header: t('register.category'), cell: (r) => categoryLabel(r.category) },
                { key: 'urgency', header: t('register.urgency'), cell: (r) => t(`urgency.${r.urgency}`) },
                {
                  key: 'status',
                  header: t('register.status'),
                  cell: (r) => (
                    <span className="services-verified">
                      {t(`status.${r.status}`)}
                      {r.emergencyUnseen ? <Badge tone="warning">{t('register.emergencyUnseen')}</Badge> : null}
                    </span>
                  ),
                },
                { key: 'sent', header: t('register.sentOn'), cell: (r) => (r.sentOn ? day(r.sentOn) : '—') },
                { key: 'due', header: t('register.dueOn'), cell: (r) => (r.dueOn ? <span>{day(r.dueOn)} {r.overdue ? <Badge tone="warning">{t('card.overdue')}</Badge> : null}</span> : '—') },
              ]}
            />
          </>
        ) : null}
      </Card>
    </div>
  );
}

// DOM. My work's referral section: responses due within three days or overdue, and (supervisors)
// emergency referrals sent without consent not yet reviewed. Its own small query (referrals.due),
// independent of how My work loads the rest of the page.
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { call } from '../../api';
import { useDayFormat } from '../../ui/format';
import { ErrorAlert } from '../../ui/misc';
import { referralKeys } from './kit';

export function DueReferrals() {
  const { t } = useTranslation('referrals');
  const day = useDayFormat();
  const id = useId();
  const due = useQuery({ queryKey: referralKeys.due, queryFn: () => call('referrals.due', {}) });
  return (
    <section className="work-section card" aria-labelledby={id}>
      <h2 id={id} className="card__title">
        {t('due.title')} {due.data ? `(${due.data.length})` : ''}
      </h2>
      <ErrorAlert error={due.error} />
      {due.data && due.data.length === 0 ? <p className="muted">{t('due.empty')}</p> : null}
      <ul className="work-list">
        {due.data?.map((r) => (
          <li key={r.id} className="work-item">
            <Link to={`/cases/${r.caseId}?tab=referrals`}>{r.caseNumber}</Link>
            <span className="work-item__meta">
              <span>{r.providerName}</span>
              <span>{t(`status.${r.status}`)}</span>
              {r.emergencyUnseen ? <span>{t('due.emergency')}</span> : null}
              {r.dueOn ? <span>{r.overdue ? t('due.overdue', { date: day(r.dueOn) }) : t('due.dueOn', { date: day(r.dueOn) })}</span> : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

// DOM. "My work", the case worker's start page: plan reviews overdue and due in the next 14 days,
// planned contacts, cases blocked at a gate (with what blocks them and where to fix it), and the
// approvals waiting (oldest first, with how long they have waited).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CaseRow } from '@shared/cases/contract';
import { useReadySession } from '../../../app/session';
import { ErrorAlert, Loading, PageHeader } from '../../../ui/misc';
import { ReviewDue, RiskBadge, StageLabel } from '../CaseBadges';
import { GateList } from '../file/CaseActionError';
import { childName, useCaseFormat, useDocumentTitle } from '../format';
import { useMyWork } from '../queries';
import { DuplicateFlags } from './DuplicateFlags';
import { DueReferrals } from '../../referrals/DueReferrals';

/** A case waiting at a gate shows its first few reasons; the rest open on demand. */
const SHOWN_GATES = 3;

function Section({ id, title, count, children, empty }: { id: string; title: string; count: number; children: React.ReactNode; empty: string }) {
  const { t } = useTranslation('cases');
  return (
    <section className="work-section card" aria-labelledby={id}>
      <div className="card__header">
        <h2 className="card__title" id={id}>
          {title}
        </h2>
        <span className="work-section__count">
          <span aria-hidden="true">{count}</span>
          <span className="visually-hidden">{t('work.count', { count })}</span>
        </span>
      </div>
      {count === 0 ? <p className="muted work-section__empty">{empty}</p> : children}
    </section>
  );
}

function CaseLink({ caseId, name, number }: { caseId: string; name: string; number: string }) {
  return (
    <Link to={`/cases/${caseId}`} className="work-item__link">
      <bdi>{name}</bdi>
      <span className="work-item__number mono" dir="ltr">
        {number}
      </span>
    </Link>
  );
}

function ReviewList({ rows }: { rows: CaseRow[] }) {
  return (
    <ul className="work-list">
      {rows.map((row) => (
        <li key={row.id} className="work-item">
          <CaseLink caseId={row.id} name={childName(row)} number={row.number} />
          <span className="work-item__meta">
            <ReviewDue date={row.reviewDue} overdue={row.overdue} />
            <StageLabel stage={row.stage} short />
            <RiskBadge level={row.riskLevel} />
          </span>
        </li>
      ))}
    </ul>
  );
}

export function MyWorkPage() {
  const { t, i18n } = useTranslation('cases');
  const format = useCaseFormat();
  const session = useReadySession();
  const work = useMyWork();
  useDocumentTitle(t('work.title'));
  // "3 days ago", "yesterday", "today" in the reader's language (how long the approval has waited).
  const waitedFor = (since: string) => {
    const days = Math.max(0, Math.floor((Date.now() - new Date(since.length === 10 ? `${since}T00:00:00Z` : since).getTime()) / 86_400_000));
    return new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' }).format(-days, 'day');
  };
  const contactKind = (kind: string) => (i18n.exists(`cases:contactKinds.${kind}`) ? t(`contactKinds.${kind}`) : kind);

  return (
    <div className="my-work">
      <PageHeader
        title={t('work.title')}
        description={t('work.intro', { name: session.displayName })}
        actions={
          session.permissions.includes('case.write') ? (
            <Link className="btn btn--primary" to="/cases/new">
              {t('list.register')}
            </Link>
          ) : null
        }
      />
      {session.permissions.includes('case.readAll') ? (
        <p className="work-office">
          <span className="work-office__title">{t('work.officeTitle')}</span>
          <Link to="/cases?overdue=1&sort=reviewDue&dir=asc">{t('work.officeOverdue')}</Link>
          <Link to="/cases?risk=high&status=open">{t('work.officeHighRisk')}</Link>
          <Link to="/cases?priority=urgent&status=open">{t('work.officeUrgent')}</Link>
        </p>
      ) : null}
      {session.permissions.includes('case.readAll') ? <DuplicateFlags /> : null}
      <DueReferrals />
      {work.isPending ? <Loading /> : null}
      <ErrorAlert error={work.error} />
      {work.data ? (
        <div className="work-grid">
          <Section id="work-approvals" title={t('work.approvals')} count={work.data.approvals.length} empty={t('work.approvalsEmpty')}>
            <ul className="work-list">
              {work.data.approvals.map((entry) => (
                <li key={`${entry.kind}:${entry.case.id}`} className="work-item">
                  <CaseLink caseId={entry.case.id} name={childName(entry.case)} number={entry.case.number} />
                  <span className="work-item__meta">
                    <span>{t(`work.approvalKinds.${entry.kind}`)}</span>
                    <span>{t('work.waitingSince', { date: format.day(entry.since), age: waitedFor(entry.since) })}</span>
                    <Link to={`/cases/${entry.case.id}?tab=${entry.kind === 'bid' ? 'bid' : 'plan'}`}>{t('work.openApproval')}</Link>
                  </span>
                </li>
              ))}
            </ul>
            {work.data.approvals.length > 0 ? <Link to="/cases?approval=1&status=open">{t('work.approvalsInList')}</Link> : null}
          </Section>
          <Section id="work-overdue" title={t('work.overdue')} count={work.data.overdueReviews.length} empty={t('work.overdueEmpty')}>
            <ReviewList rows={work.data.overdueReviews} />
          </Section>
          <Section id="work-upcoming" title={t('work.upcoming')} count={work.data.upcomingReviews.length} empty={t('work.upcomingEmpty')}>
            <ReviewList rows={work.data.upcomingReviews} />
          </Section>
          <Section id="work-contacts" title={t('work.contacts')} count={work.data.plannedContacts.length} empty={t('work.contactsEmpty')}>
            <ul className="work-list">
              {work.data.plannedContacts.map((contact) => (
                <li key={contact.contactId} className="work-item">
                  <CaseLink caseId={contact.caseId} name={contact.childName} number={contact.number} />
                  <span className="work-item__meta">
                    <span>{contactKind(contact.kind)}</span>
                    <span>{contact.plannedFor ? format.day(contact.plannedFor) : t('work.noDate')}</span>
                    <Link to={`/cases/${contact.caseId}?tab=contacts`}>{t('work.openContacts')}</Link>
                  </span>
                </li>
              ))}
            </ul>
          </Section>
          <Section id="work-blocked" title={t('work.blocked')} count={work.data.blockedCases.length} empty={t('work.blockedEmpty')}>
            <ul className="work-list">
              {work.data.blockedCases.map((entry) => (
                <li key={entry.case.id} className="work-item work-item--blocked">
                  <CaseLink caseId={entry.case.id} name={childName(entry.case)} number={entry.case.number} />
                  <p className="work-item__next">
                    <StageLabel stage={entry.case.stage} /> <span aria-hidden="true">→</span>{' '}
                    <span>{t('work.towards', { stage: t(`stages.${entry.to}`) })}</span>
                  </p>
                  <GateList ids={entry.blocked.slice(0, SHOWN_GATES).map((gate) => gate.id)} caseId={entry.case.id} />
                  {entry.blocked.length > SHOWN_GATES ? (
                    <details className="work-item__more">
                      <summary>{t('work.moreGates', { count: entry.blocked.length - SHOWN_GATES })}</summary>
                      <GateList ids={entry.blocked.slice(SHOWN_GATES).map((gate) => gate.id)} caseId={entry.case.id} />
                    </details>
                  ) : null}
                </li>
              ))}
            </ul>
          </Section>
        </div>
      ) : null}
    </div>
  );
}

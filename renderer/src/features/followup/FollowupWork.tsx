// DOM. Follow-up's part of My work, loaded by its own query (one set-based channel) so it never
// slows the rest of the page: urgent warning signs first (the whole office's for a supervisor),
// then contacts overdue, due today and this week, and risk re-assessments made due by signs.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DueContact } from '@shared/followup/contract';
import { useDayFormat } from '../../ui/format';
import { ErrorAlert, Loading } from '../../ui/misc';
import { useFollowupWork } from './queries';
import './followup.css';

function Section({ id, title, count, empty, children, tone }: { id: string; title: string; count: number; empty: string; children: React.ReactNode; tone?: 'danger' }) {
  const { t } = useTranslation('followup');
  return (
    <section className={['work-section card', tone === 'danger' && count > 0 ? 'work-section--urgent' : ''].join(' ')} aria-labelledby={id}>
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

function CaseLink({ caseId, name, number, tab = 'followup' }: { caseId: string; name: string; number: string; tab?: string }) {
  return (
    <Link to={`/cases/${caseId}?tab=${tab}`} className="work-item__link">
      <bdi>{name}</bdi>
      <span className="work-item__number mono" dir="ltr">
        {number}
      </span>
    </Link>
  );
}

function ContactList({ rows }: { rows: DueContact[] }) {
  const { t } = useTranslation('followup');
  const day = useDayFormat();
  return (
    <ul className="work-list">
      {rows.map((c) => (
        <li key={c.contactId} className="work-item">
          <CaseLink caseId={c.caseId} name={c.childName} number={c.number} />
          <span className="work-item__meta">
            <span>{t(`contactTypes.${c.type}`)}</span>
            <span className={c.overdue ? 'followup-calendar__entry--overdue' : undefined}>{c.overdue ? t('work.overdueSince', { date: day(c.dueOn) }) : day(c.dueOn)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

export function FollowupWork() {
  const { t } = useTranslation('followup');
  const day = useDayFormat();
  const work = useFollowupWork();
  if (work.isPending) return <Loading label={t('work.loading')} />;
  if (work.isError) return <ErrorAlert error={work.error} />;
  const w = work.data;
  return (
    <div className="stack followup-work">
      <div className="work-grid">
        <Section id="work-followup-urgent" tone="danger" title={t('work.urgent')} count={w.urgent.length} empty={t('work.urgentEmpty')}>
          <ul className="work-list">
            {w.urgent.map((u) => (
              <li key={u.caseId} className="work-item">
                <CaseLink caseId={u.caseId} name={u.childName} number={u.number} />
                <span className="work-item__meta">
                  <strong className="followup-calendar__entry--overdue">{u.signs.map((s) => t(`signs.${s}`)).join(', ')}</strong>
                  <span>{t('work.since', { date: day(u.since) })}</span>
                </span>
              </li>
            ))}
          </ul>
        </Section>
        <Section id="work-followup-overdue" title={t('work.overdue')} count={w.overdue.length} empty={t('work.overdueEmpty')}>
          <ContactList rows={w.overdue} />
        </Section>
        <Section id="work-followup-today" title={t('work.today')} count={w.today.length} empty={t('work.todayEmpty')}>
          <ContactList rows={w.today} />
        </Section>
        <Section id="work-followup-week" title={t('work.thisWeek')} count={w.thisWeek.length} empty={t('work.thisWeekEmpty')}>
          <ContactList rows={w.thisWeek} />
        </Section>
        {w.riskReassessments.length > 0 ? (
          <Section id="work-followup-risk" title={t('work.riskReassessments')} count={w.riskReassessments.length} empty="">
            <ul className="work-list">
              {w.riskReassessments.map((r) => (
                <li key={r.caseId} className="work-item">
                  <CaseLink caseId={r.caseId} name={r.childName} number={r.number} tab="safety" />
                  <span className="work-item__meta">{t('work.dueOn', { date: day(r.dueOn) })}</span>
                </li>
              ))}
            </ul>
          </Section>
        ) : null}
      </div>
      <p>
        <Link to="/followup/calendar">{t('work.openCalendar')}</Link>
      </p>
    </div>
  );
}

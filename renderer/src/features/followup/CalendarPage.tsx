// DOM. A worker's follow-up calendar, a week or a month: the planned visits and contacts of their
// cases by day, the overdue ones marked and listed first. A supervisor can look at any worker's.
// Days are calendar days (YYYY-MM-DD), built with date-fns at local noon so no time zone shifts
// a day; the week starts where the reader's language starts it, and Arabic reads right to left.
import { addDays, addMonths, endOfMonth, endOfWeek, format, isSameMonth, startOfMonth, startOfWeek, type Locale } from 'date-fns';
import { ar, enGB, es, fr, pt } from 'date-fns/locale';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DueContact } from '@shared/followup/contract';
import { call } from '../../api';
import { useReadySession } from '../../app/session';
import { Button } from '../../ui/Button';
import { todayUtc, useDayFormat } from '../../ui/format';
import { ErrorAlert, Loading, PageHeader } from '../../ui/misc';
import { useCalendar } from './queries';
import './followup.css';

const locales: Record<string, Locale> = { ar, en: enGB, es, fr, pt };
const fromIso = (iso: string) => new Date(`${iso}T12:00:00`);
const toIso = (d: Date) => format(d, 'yyyy-MM-dd');

export function CalendarPage() {
  const { t, i18n } = useTranslation('followup');
  const day = useDayFormat();
  const session = useReadySession();
  const supervisor = session.permissions.includes('case.readAll');
  const locale = locales[i18n.language] ?? enGB;
  const [view, setView] = useState<'week' | 'month'>('week');
  const [anchor, setAnchor] = useState(todayUtc());
  const [workerId, setWorkerId] = useState<string | null>(null);
  const staff = useQuery({ queryKey: ['cases', 'staff'], queryFn: () => call('cases.staff', {}), enabled: supervisor, staleTime: 60_000 });
  const a = fromIso(anchor);
  const first = view === 'week' ? startOfWeek(a, { locale }) : startOfWeek(startOfMonth(a), { locale });
  const last = view === 'week' ? endOfWeek(a, { locale }) : endOfWeek(endOfMonth(a), { locale });
  const days: Date[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) days.push(d);
  const from = toIso(first);
  const to = toIso(last);
  const calendar = useCalendar(from, to, workerId);
  const today = todayUtc();
  const byDay = new Map<string, DueContact[]>();
  for (const e of calendar.data?.entries ?? []) byDay.set(e.dueOn, [...(byDay.get(e.dueOn) ?? []), e]);
  const move = (step: number) => setAnchor(toIso(view === 'week' ? addDays(a, 7 * step) : addMonths(a, step)));
  const title = view === 'week' ? t('calendar.weekOf', { from: day(from), to: day(to) }) : format(a, 'LLLL yyyy', { locale });

  return (
    <div className="stack followup-calendar">
      <PageHeader title={t('calendar.title')} description={t('calendar.intro')} />
      <div className="followup__actions" role="group" aria-label={t('calendar.navigation')}>
        <Button size="sm" onClick={() => move(-1)}>
          {t(view === 'week' ? 'calendar.previousWeek' : 'calendar.previousMonth')}
        </Button>
        <Button size="sm" onClick={() => setAnchor(todayUtc())}>
          {t('calendar.today')}
        </Button>
        <Button size="sm" onClick={() => move(1)}>
          {t(view === 'week' ? 'calendar.nextWeek' : 'calendar.nextMonth')}
        </Button>
        <Button size="sm" variant={view === 'week' ? 'primary' : 'secondary'} aria-pressed={view === 'week'} onClick={() => setView('week')}>
          {t('calendar.week')}
        </Button>
        <Button size="sm" variant={view === 'month' ? 'primary' : 'secondary'} aria-pressed={view === 'month'} onClick={() => setView('month')}>
          {t('calendar.month')}
        </Button>
        {supervisor ? (
          <label className="followup__actions">
            <span>{t('calendar.worker')}</span>
            <select className="input select" value={workerId ?? ''} onChange={(e) => setWorkerId(e.target.value || null)}>
              <option value="">{t('calendar.myCases')}</option>
              {(staff.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.displayName}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <h2 aria-live="polite">{title}</h2>
      {calendar.isPending ? <Loading /> : null}
      <ErrorAlert error={calendar.error} />
      {calendar.data && calendar.data.overdue.length > 0 ? (
        <section className="card" aria-labelledby="calendar-overdue">
          <h3 id="calendar-overdue" className="card__title">
            {t('calendar.overdue', { count: calendar.data.overdue.length })}
          </h3>
          <ul className="plain-list">
            {calendar.data.overdue.map((e) => (
              <li key={e.contactId} className="followup-calendar__entry--overdue">
                <Link to={`/cases/${e.caseId}?tab=followup`}>
                  <bdi>{e.childName}</bdi>
                </Link>{' '}
                · {t(`contactTypes.${e.type}`)} · {t('work.overdueSince', { date: day(e.dueOn) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ol className="followup-calendar__grid" aria-label={title}>
        {days.map((d) => {
          const iso = toIso(d);
          const entries = byDay.get(iso) ?? [];
          const cls = ['followup-calendar__day', view === 'month' && !isSameMonth(d, a) ? 'followup-calendar__day--other' : '', iso === today ? 'followup-calendar__day--today' : ''].join(' ');
          return (
            <li key={iso} className={cls} aria-current={iso === today ? 'date' : undefined}>
              <span className="followup-calendar__date">{format(d, view === 'week' ? 'EEEE d MMM' : 'EEE d', { locale })}</span>
              {entries.length === 0 ? <span className="visually-hidden">{t('calendar.nothing')}</span> : null}
              {entries.map((e) => (
                <Link key={e.contactId} to={`/cases/${e.caseId}?tab=followup`} className={['followup-calendar__entry', e.overdue ? 'followup-calendar__entry--overdue' : ''].join(' ')}>
                  <bdi>{e.childName}</bdi> · {t(`contactTypes.${e.type}`)}
                  {e.overdue ? ` · ${t('calendar.overdueMark')}` : ''}
                </Link>
              ))}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

// DOM. The review sheet of one case (B2.4): each part says plainly when nothing is recorded.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { useDayFormat } from '../../ui/format';
import { Card, ErrorAlert, Loading } from '../../ui/misc';

export function ReviewSheetView({ sessionId, caseId }: { sessionId: string; caseId: string }) {
  const { t } = useTranslation(['review', 'cases', 'followup', 'referrals']);
  const day = useDayFormat();
  const sheet = useQuery({ queryKey: ['review', 'sheet', sessionId, caseId], queryFn: () => call('review.sheet', { sessionId, caseId }) });
  if (sheet.isPending) return <Loading />;
  if (!sheet.data) return <ErrorAlert error={sheet.error} />;
  const d = sheet.data;
  const none = (text: string) => <p className="muted">{text}</p>;
  return (
    <Card title={t('sheet.title')}>
      <p>
        {t(`cases:stages.${d.stage}`)} · {t('sheet.days', { count: d.daysSinceRegistration })}
      </p>
      <h3>{t('sheet.objectives')}</h3>
      {d.objectives.length === 0 ? none(t('sheet.noObjectives')) : (
        <ul>
          {d.objectives.map((o, i) => (
            <li key={i}>
              <bdi>{o.description}</bdi> — {o.status}
              {o.lastProgress ? (
                <>
                  {' '}
                  ({day(o.lastProgressOn)}: <bdi>{o.lastProgress}</bdi>)
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('sheet.riskSafety')}</h3>
      <p>
        {t('sheet.riskOn')}: {d.riskAssessedOn ? day(d.riskAssessedOn) : t('sheet.never')} · {t('sheet.safetyOn')}: {d.safetyPlanOn ? day(d.safetyPlanOn) : t('sheet.never')} · {t('sheet.planDue')}:{' '}
        {d.planReviewDue ? day(d.planReviewDue) : '–'}
      </p>
      <h3>{t('sheet.wellbeing')}</h3>
      {d.wellbeing.length === 0 ? none(t('sheet.wellbeingNone')) : <ul>{d.wellbeing.map((w) => <li key={w.date}>{day(w.date)}: {w.score}</li>)}</ul>}
      <h3>{t('sheet.warningSigns')}</h3>
      {d.warningSigns.length === 0 ? none(t('sheet.warningNone')) : <ul>{d.warningSigns.map((w, i) => <li key={i}>{day(w.date)}: {t(`followup:signs.${w.sign}`)}</li>)}</ul>}
      <h3>{t('sheet.childViews')}</h3>
      {d.childViews.length === 0 ? none(t('sheet.childViewsNone')) : (
        <ul>
          {d.childViews.map((v, i) => (
            <li key={i}>
              {day(v.date)}: <bdi>{v.text}</bdi>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('sheet.consents')}</h3>
      {d.consents.length === 0 ? none(t('sheet.consentsNone')) : <ul>{d.consents.map((c, i) => <li key={i}>{day(c.date)}: {c.purposes.join(', ')}</li>)}</ul>}
      <h3>{t('sheet.referrals')}</h3>
      {d.openReferrals.length === 0 ? none(t('sheet.referralsNone')) : <ul>{d.openReferrals.map((r, i) => <li key={i}>{day(r.date)}: <bdi>{r.service}</bdi> — {t(`referrals:status.${r.status}`)}</li>)}</ul>}
      <h3>{t('sheet.overdue')}</h3>
      {d.overdue.length === 0 ? none(t('sheet.overdueNone')) : <ul>{d.overdue.map((o, i) => <li key={i}>{o.kind === 'planReview' ? t('sheet.planDue') : t(`followup:contactTypes.${o.kind}`, { defaultValue: o.kind })}: {day(o.due)}</li>)}</ul>}
      {d.previousReviews.length > 0 ? (
        <>
          <h3>{t('sheet.previous')}</h3>
          <ul>
            {d.previousReviews.map((p, i) => (
              <li key={i}>
                {day(p.heldOn)}: {p.decision ? t(`decision.options.${p.decision}`) : '–'}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}

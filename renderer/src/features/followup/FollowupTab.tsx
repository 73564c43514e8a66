// DOM. The case file's follow-up tab (stages 4 after reunification): what needs attention (face-
// to-face overdue, emergency route, risk re-assessment, baseline), the planned contacts from the
// office protocol (a supervisor adjusts them with a reason), monitoring visits and their warning
// signs, well-being over time, the 6- and 12-month outcomes, and breakdowns.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { CaseFile } from '@shared/cases/contract';
import { isSystemReason, type PlannedContact, type RecordedWarningSign } from '@shared/followup/contract';
import { call } from '../../api';
import { useInvalidateCase } from '../../app/caseCache';
import { useReadySession } from '../../app/session';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FieldErrorNamespace } from '../../ui/form/fields';
import { useDayFormat } from '../../ui/format';
import { Alert, Badge, Card, ErrorAlert, Loading } from '../../ui/misc';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { useResumeOnUnlock } from '../../ui/useResumeOnUnlock';
import { UserText } from '../../ui/UserText';
import { AdjustForm, BreakdownForm, OutcomeForm } from './EventForms';
import { useFollowup } from './queries';
import { VisitSaved } from './VisitSaved';
import { VisitForm, type VisitResult } from './VisitForm';
import { WellbeingTrend } from './WellbeingTrend';
import './followup.css';

type Editing =
  | { kind: 'visit' }
  | { kind: 'saved'; result: VisitResult }
  | { kind: 'breakdown' }
  | { kind: 'outcome'; milestone: 6 | 12 }
  | { kind: 'adjust'; action: 'add' | 'move' | 'cancel'; contact: PlannedContact | null }
  | null;

const statusTone = { planned: 'info', done: 'success', cancelled: 'neutral' } as const;

/** Reasons the core writes itself are codes (shown translated); a supervisor's reason is their own words. */
function ContactReason({ reason }: { reason: string }) {
  const { t } = useTranslation('followup');
  if (isSystemReason(reason)) return <p className="muted">{t(`systemReasons.${reason}`)}</p>;
  return (
    <UserText as="p" className="muted">
      {reason}
    </UserText>
  );
}

export default function FollowupTab({ caseFile }: { caseFile: CaseFile }) {
  const { t } = useTranslation('followup');
  const day = useDayFormat();
  const session = useReadySession();
  const navigate = useNavigate();
  const invalidate = useInvalidateCase(caseFile.id);
  const summary = useFollowup(caseFile.id);
  const [editing, setEditing] = useState<Editing>(null);
  const [resolving, setResolving] = useState<RecordedWarningSign | null>(null);
  useResumeOnUnlock(`case:${caseFile.id}:followup:visit`, () => setEditing({ kind: 'visit' }));
  useResumeOnUnlock(`case:${caseFile.id}:followup:breakdown`, () => setEditing({ kind: 'breakdown' }));
  const resolve = useMutation({
    mutationFn: (input: { signId: string; resolution: string }) => call('followup.resolveSign', { caseId: caseFile.id, ...input }),
    onSuccess: async () => {
      setResolving(null);
      await invalidate();
    },
  });
  if (summary.isPending) return <Loading />;
  if (summary.isError) return <ErrorAlert error={summary.error} />;
  const s = summary.data;
  const inFollowUp = s.stage === 'follow_up' && caseFile.status === 'open';
  const canRecord = caseFile.canWrite && inFollowUp;
  const canAdjust = caseFile.canWrite && session.permissions.includes('case.approve') && inFollowUp;
  const openSigns = s.signs.filter((sign) => !sign.resolvedAt);
  const close = () => setEditing(null);

  return (
    <FieldErrorNamespace ns="followup">
      <div className="stack followup">
        {!inFollowUp && s.schedule.length === 0 && s.breakdowns.length === 0 ? <p className="muted">{t('notYet')}</p> : null}
        <div className="stack" aria-live="polite">
          {openSigns.some((sign) => sign.urgent) ? (
            <Alert tone="danger" title={t('alerts.urgentTitle')}>
              {t('alerts.urgent')} <Link to={`/cases/${caseFile.id}?tab=safety`}>{t('alerts.openSafety')}</Link>
            </Alert>
          ) : null}
          {s.faceToFaceOverdue ? <Alert tone="danger">{t('alerts.faceToFace', { date: s.lastFaceToFace ? day(s.lastFaceToFace) : t('alerts.never') })}</Alert> : null}
          {inFollowUp && !s.emergencyRouteConfirmed ? <Alert tone="warning">{t('alerts.emergencyRoute')}</Alert> : null}
          {s.riskReassessmentDue ? (
            <Alert tone="warning">
              {t('alerts.riskDue', { date: day(s.riskReassessmentDue) })} <Link to={`/cases/${caseFile.id}?tab=safety`}>{t('alerts.openSafety')}</Link>
            </Alert>
          ) : null}
          {inFollowUp && s.baseline.status !== 'present' ? <Alert tone="warning">{t(`alerts.baseline.${s.baseline.status}`, { date: day(s.baseline.dueBy) })}</Alert> : null}
        </div>

        <Card
          title={t('visits.title')}
          actions={canRecord ? <Button variant="primary" onClick={() => setEditing({ kind: 'visit' })}>{t('visits.record')}</Button> : null}
        >
          {s.visits.length === 0 ? (
            <p className="muted">{t('visits.empty')}</p>
          ) : (
            <ul className="plain-list followup-visits">
              {s.visits.map((v) => (
                <li key={v.id} className="followup-visits__item">
                  <strong>{day(v.date)}</strong> · {t(`modes.${v.mode}`)} · {v.childSpokenWith ? t('visits.childSpoken') : <Badge tone="warning">{t('visits.childNotSpoken')}</Badge>}
                  {v.warningSigns > 0 ? (
                    <>
                      {' '}
                      · <Badge tone={v.urgent ? 'danger' : 'warning'}>{t(v.urgent ? 'visits.urgentSigns' : 'visits.signs', { count: v.warningSigns })}</Badge>
                    </>
                  ) : null}
                  {v.recordedBy ? <span className="muted"> · {t('visits.by', { name: v.recordedBy })}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>

        {s.signs.length > 0 ? (
          <Card title={t('signsCard.title')}>
            <ul className="plain-list stack">
              {s.signs.map((sign) => (
                <li key={sign.id} className={sign.resolvedAt ? 'followup-sign followup-sign--resolved' : 'followup-sign'}>
                  <Badge tone={sign.resolvedAt ? 'neutral' : sign.urgent ? 'danger' : 'warning'}>{sign.urgent ? t('signsCard.urgent') : t('signsCard.sign')}</Badge>{' '}
                  <strong>{t(`signs.${sign.sign}`)}</strong> · {day(sign.observedOn)}
                  {sign.note ? <UserText as="p">{sign.note}</UserText> : null}
                  {sign.resolvedAt ? (
                    <p className="muted">
                      {t('signsCard.resolved', { date: day(sign.resolvedAt) })}: <UserText>{sign.resolution}</UserText>
                    </p>
                  ) : caseFile.canWrite ? (
                    <Button size="sm" onClick={() => setResolving(sign)}>
                      {t('signsCard.resolve')}
                    </Button>
                  ) : null}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}

        <Card
          title={t('schedule.title')}
          actions={canAdjust ? <Button onClick={() => setEditing({ kind: 'adjust', action: 'add', contact: null })}>{t('schedule.add')}</Button> : null}
        >
          {s.protocolIsDefault ? <p className="muted">{t('schedule.defaultProtocol')}</p> : null}
          {s.schedule.length === 0 ? (
            <p className="muted">{t('schedule.empty')}</p>
          ) : (
            <div className="table-wrap" role="region" aria-label={t('schedule.title')} tabIndex={0}>
              <table className="table">
                <caption className="visually-hidden">{t('schedule.caption', { start: day(s.start) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('schedule.dueOn')}</th>
                    <th scope="col">{t('schedule.type')}</th>
                    <th scope="col">{t('schedule.performer')}</th>
                    <th scope="col">{t('schedule.status')}</th>
                    {canAdjust ? <th scope="col">{t('schedule.actions')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {s.schedule.map((c) => (
                    <tr key={c.id}>
                      <th scope="row" className="cell-nowrap">
                        {day(c.dueOn)}
                      </th>
                      <td>
                        {t(`contactTypes.${c.type}`)}
                        {c.source !== 'protocol' ? <span className="muted"> ({t(`sources.${c.source}`)})</span> : null}
                        {c.reason ? <ContactReason reason={c.reason} /> : null}
                      </td>
                      <td>{t(`performers.${c.performer}`)}</td>
                      <td>{c.overdue ? <Badge tone="danger">{t('schedule.overdue')}</Badge> : <Badge tone={statusTone[c.status]}>{t(`statuses.${c.status}`)}</Badge>}</td>
                      {canAdjust ? (
                        <td>
                          {c.status === 'planned' ? (
                            <span className="followup__actions">
                              <Button size="sm" variant="ghost" aria-label={t('schedule.moveLabel', { date: day(c.dueOn) })} onClick={() => setEditing({ kind: 'adjust', action: 'move', contact: c })}>
                                {t('schedule.move')}
                              </Button>
                              <Button size="sm" variant="ghost" aria-label={t('schedule.cancelLabel', { date: day(c.dueOn) })} onClick={() => setEditing({ kind: 'adjust', action: 'cancel', contact: c })}>
                                {t('schedule.cancel')}
                              </Button>
                            </span>
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>

        <Card title={t('chart.title')}>
          <p className="muted">
            {s.baseline.date ? t('chart.baseline', { date: day(s.baseline.date) }) : t('chart.noBaseline')}{' '}
            <Link to={`/cases/${caseFile.id}?tab=assessments`}>{t('chart.rescore')}</Link>
          </p>
          <WellbeingTrend caseId={caseFile.id} />
        </Card>

        <Card title={t('outcome.title')}>
          {s.outcomesDue.length === 0 ? <p className="muted">{t('outcome.noStart')}</p> : null}
          <ul className="plain-list stack">
            {s.outcomesDue.map((due) => {
              const recorded = s.outcomes.filter((o) => o.milestone === due.milestone);
              return (
                <li key={due.milestone}>
                  <strong>{t('outcome.milestone', { count: due.milestone })}</strong> · {t('outcome.window', { date: day(due.dueOn), from: day(due.windowFrom), to: day(due.windowTo) })}
                  {recorded.map((o) => (
                    <p key={o.id}>
                      <Badge tone={o.result === 'success' ? 'success' : o.result === 'unknown' ? 'neutral' : 'warning'}>{t(`results.${o.result}`)}</Badge> {t(`living.${o.living}`)} · {t(`school.${o.school}`)} ·{' '}
                      {t('outcome.welcomedShort', { answer: t(`answers.${o.welcomed}`) })} · {t('outcome.change', { from: o.baselineOverall ?? '—', to: o.latestOverall ?? '—' })}{' '}
                      <span className="muted">({day(o.recordedOn)})</span>
                    </p>
                  ))}
                  {caseFile.canWrite ? (
                    <Button size="sm" onClick={() => setEditing({ kind: 'outcome', milestone: due.milestone as 6 | 12 })}>
                      {t('outcome.record', { count: due.milestone })}
                    </Button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </Card>

        <Card
          title={t('breakdown.title')}
          actions={caseFile.canWrite && (s.stage === 'follow_up' || s.stage === 'reunification') && caseFile.status === 'open' ? (
            <Button variant="danger" onClick={() => setEditing({ kind: 'breakdown' })}>
              {t('breakdown.record')}
            </Button>
          ) : null}
        >
          {s.breakdowns.length === 0 ? <p className="muted">{t('breakdown.none')}</p> : null}
          <ul className="plain-list stack">
            {s.breakdowns.map((b) => (
              <li key={b.id}>
                <strong>{day(b.date)}</strong> · {t(`careArrangements.${b.whereNow}`)} {b.wherePlace ? <UserText>({b.wherePlace})</UserText> : null}
                <UserText as="p">{b.whatHappened}</UserText>
                <p className="muted">{t('breakdown.bidDue', { date: day(b.bidReviewDue) })}</p>
              </li>
            ))}
          </ul>
        </Card>

        <Dialog open={editing?.kind === 'visit'} onClose={close} title={t('visits.record')}>
          <VisitForm caseFile={caseFile} summary={s} onClose={close} onSaved={(result) => setEditing({ kind: 'saved', result })} />
        </Dialog>
        <Dialog open={editing?.kind === 'saved'} onClose={close} title={t('saved.title')}>
          {editing?.kind === 'saved' ? <VisitSaved caseId={caseFile.id} result={editing.result} onClose={close} /> : null}
        </Dialog>
        <Dialog open={editing?.kind === 'breakdown'} onClose={close} title={t('breakdown.record')}>
          <BreakdownForm caseFile={caseFile} onClose={close} onDone={() => navigate(`/cases/${caseFile.id}?tab=plan&section=contingency`)} />
        </Dialog>
        <Dialog open={editing?.kind === 'outcome'} onClose={close} title={editing?.kind === 'outcome' ? t('outcome.record', { count: editing.milestone }) : ''}>
          {editing?.kind === 'outcome' ? <OutcomeForm caseFile={caseFile} milestone={editing.milestone} onClose={close} /> : null}
        </Dialog>
        <Dialog open={editing?.kind === 'adjust'} onClose={close} title={editing?.kind === 'adjust' ? t(`adjust.title.${editing.action}`) : ''}>
          {editing?.kind === 'adjust' ? <AdjustForm caseFile={caseFile} contact={editing.contact} action={editing.action} onClose={close} /> : null}
        </Dialog>
        {resolving ? (
          <ReasonDialog
            title={t('signsCard.resolveTitle', { sign: t(`signs.${resolving.sign}`) })}
            description={t('signsCard.resolveHelp')}
            reasonLabel={t('signsCard.resolution')}
            submit={t('signsCard.resolve')}
            busy={resolve.isPending}
            error={resolve.error}
            onConfirm={(resolution) => resolve.mutate({ signId: resolving.id, resolution })}
            onClose={() => setResolving(null)}
          />
        ) : null}
      </div>
    </FieldErrorNamespace>
  );
}

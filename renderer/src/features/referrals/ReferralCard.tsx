// DOM. One referral on the case: where it stands and its history, and what can be done next —
// edit or preview-and-send a draft; record the provider's answer (only the moves the lifecycle
// allows); record feedback and the child's and family's views; print the slip; after a decline,
// refer the same need to another provider; a supervisor marks an emergency send as reviewed.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '@shared/cases/contract';
import { objectiveStatuses } from '@shared/plans/schemas';
import type { Referral } from '@shared/referrals/contract';
import { referralMoves } from '@shared/referrals/lifecycle';
import { call } from '../../api';
import { useReadySession } from '../../app/session';
import { Button } from '../../ui/Button';
import { saveGeneratedFile } from '../../ui/download';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { todayUtc, useDayFormat } from '../../ui/format';
import { Badge, ErrorAlert } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { userTextDir } from '../../ui/UserText';
import { referralKeys } from './kit';
import { StatusMoveForm } from './StatusMoveForm';

export interface CardActions {
  onEdit: (r: Referral) => void;
  onSend: (r: Referral) => void;
  onAlternatives: (r: Referral) => void;
}

export function ReferralCard({ caseFile, referral: r, categoryLabel, actions }: { caseFile: CaseFile; referral: Referral; categoryLabel: (k: string) => string; actions: CardActions }) {
  const { t } = useTranslation('referrals');
  const day = useDayFormat();
  const toast = useToast();
  const session = useReadySession();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<unknown>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: referralKeys.all });
  const run = async (work: () => Promise<unknown>, done: string) => {
    setFailure(null);
    try {
      await work();
      await refresh();
      toast.show(done);
    } catch (error) {
      setFailure(error);
    }
  };
  const canWrite = caseFile.canWrite;
  const tone = r.status === 'declined' || r.status === 'no_response' || r.status === 'not_delivered' ? 'danger' : r.status === 'completed' ? 'success' : r.overdue ? 'warning' : 'info';

  return (
    <li className="network-item referral-card" data-testid={`referral-${r.id}`}>
      <div className="network-item__head">
        <h4 className="network-item__title">
          {categoryLabel(r.category)} — {t('card.to', { provider: r.providerName })}
          <span className="network-badges">
            <Badge tone={tone}>{t(`status.${r.status}`)}</Badge>
            <Badge>{t(`urgency.${r.urgency}`)}</Badge>
            {r.overdue ? <Badge tone="warning">{t('card.overdue')}</Badge> : null}
          </span>
        </h4>
      </div>
      <p {...userTextDir}>{r.need}</p>
      {r.serviceName ? <p className="muted">{t('card.service', { service: r.serviceName })}</p> : null}
      {r.sentOn ? <p className="muted">{t('card.sentDue', { sent: day(r.sentOn), due: day(r.dueOn) })}</p> : null}
      {r.consentBasis === 'emergency' ? <p>{t('card.emergency', { reason: r.emergencyReason ?? '' })}</p> : null}
      {r.declineReason ? <p>{t('card.declined', { reason: r.declineReason })}</p> : null}
      {r.outcome ? <p>{t('card.outcome', { outcome: r.outcome })}</p> : null}
      <p className="muted">{t('card.fieldsShared', { fields: r.fields.map((f) => t(`fields.${f}`)).join(', ') })}</p>
      <details>
        <summary>{t('card.history')}</summary>
        <ol>
          {r.events.map((e, i) => (
            <li key={i}>
              {day(e.date)} — {t(`status.${e.to}` as never)} {e.byName ? `(${e.byName})` : ''} {e.note ? <span {...userTextDir}>: {e.note}</span> : null}
            </li>
          ))}
        </ol>
      </details>
      <div className="referral-card__actions">
        {canWrite && r.status === 'draft' ? (
          <>
            <Button size="sm" onClick={() => actions.onEdit(r)}>{t('card.edit')}</Button>
            <Button size="sm" variant="primary" onClick={() => actions.onSend(r)}>{t('card.previewSend')}</Button>
          </>
        ) : null}
        {r.status !== 'draft' ? (
          <Button size="sm" onClick={() => void run(async () => saveGeneratedFile(await call('referrals.slip', { caseId: r.caseId, referralId: r.id }), 'application/pdf'), t('card.printed'))}>
            {t('card.print')}
          </Button>
        ) : null}
        {r.sealed ? (
          <Button size="sm" onClick={() => void run(async () => saveGeneratedFile(await call('referrals.sealedFile', { caseId: r.caseId, referralId: r.id }), 'application/octet-stream'), t('exchange.savedAgain'))}>
            {t('exchange.saveAgain')}
          </Button>
        ) : null}
        {canWrite && r.status === 'declined' ? <Button size="sm" onClick={() => actions.onAlternatives(r)}>{t('card.alternatives')}</Button> : null}
        {r.consentBasis === 'emergency' && session.permissions.includes('case.approve') ? (
          <Button size="sm" onClick={() => void run(() => call('referrals.acknowledgeEmergency', { caseId: r.caseId, referralId: r.id }), t('card.seen'))}>{t('card.seen')}</Button>
        ) : null}
      </div>
      {canWrite && referralMoves[r.status].length > 0 && r.status !== 'draft' ? <MoveForm referral={r} onDone={refresh} /> : null}
      {canWrite && r.status !== 'draft' ? <FeedbackForm referral={r} onDone={refresh} /> : null}
      <ErrorAlert error={failure} />
    </li>
  );
}

function MoveForm({ referral: r, onDone }: { referral: Referral; onDone: () => Promise<void> }) {
  const { t } = useTranslation('referrals');
  return (
    <StatusMoveForm
      moves={referralMoves[r.status]}
      legend={t('move.legend')}
      submit={t('move.save')}
      done={t('move.saved')}
      onMove={async (m) => {
        await call('referrals.move', { caseId: r.caseId, referralId: r.id, version: r.version, ...m });
        await onDone();
      }}
    />
  );
}

function FeedbackForm({ referral: r, onDone }: { referral: Referral; onDone: () => Promise<void> }) {
  const { t } = useTranslation(['referrals', 'plans']);
  const toast = useToast();
  const [provider, setProvider] = useState(r.providerFeedback);
  const [child, setChild] = useState(r.childView);
  const [family, setFamily] = useState(r.familyView);
  const [status, setStatus] = useState('');
  const [date, setDate] = useState(todayUtc());
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await call('referrals.feedback', { caseId: r.caseId, referralId: r.id, providerFeedback: provider, childView: child, familyView: family, objectiveStatus: (status || null) as never, date });
      await onDone();
      toast.show(t('feedback.saved'));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="referral-feedback">
      <summary>{t('feedback.legend')}</summary>
      <form className="stack" noValidate onSubmit={(e) => void save(e)}>
        <TextAreaField label={t('feedback.provider')} rows={2} maxLength={5000} value={provider} onChange={(e) => setProvider(e.target.value)} />
        <TextAreaField label={t('feedback.child')} rows={2} maxLength={5000} value={child} onChange={(e) => setChild(e.target.value)} />
        <TextAreaField label={t('feedback.family')} rows={2} maxLength={5000} value={family} onChange={(e) => setFamily(e.target.value)} />
        {r.objectiveKey ? (
          <SelectField label={t('feedback.objectiveStatus')} value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('feedback.keep')}</option>
            {objectiveStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`plans:statuses.${s}` as never, { defaultValue: s })}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField type="date" label={t('feedback.date')} required max={todayUtc()} value={date} onChange={(e) => setDate(e.target.value)} />
        <Button type="submit" busy={busy}>{t('feedback.save')}</Button>
        <ErrorAlert error={failure} />
      </form>
    </details>
  );
}

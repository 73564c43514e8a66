// DOM. One referral on the case: where it stands and its history, and what can be done next —
// edit or preview-and-send a draft; record the provider's answer (only the moves the lifecycle
// allows); record feedback and the child's and family's views; print the slip; after a decline,
// refer the same need to another provider; a supervisor marks an emergency send as reviewed.
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '@shared/cases/contract';
import type { Referral } from '@shared/referrals/contract';
import { referralMoves } from '@shared/referrals/lifecycle';
import { call } from '../../api';
import { useReadySession } from '../../app/session';
import { Button } from '../../ui/Button';
import { saveGeneratedFile } from '../../ui/download';
import { useDayFormat } from '../../ui/format';
import { Badge, ErrorAlert } from '../../ui/misc';
import { useResumeOnUnlock } from '../../ui/useResumeOnUnlock';
import { useSubmit } from '../../ui/useSubmit';
import { userTextDir } from '../../ui/UserText';
import { FeedbackForm } from './FeedbackForm';
import { referralDraftKeys, referralKeys } from './kit';
import { StatusMoveForm } from './StatusMoveForm';

export interface CardActions {
  onEdit: (r: Referral) => void;
  onSend: (r: Referral) => void;
  onAlternatives: (r: Referral) => void;
}

export function ReferralCard({ caseFile, referral: r, categoryLabel, actions }: { caseFile: CaseFile; referral: Referral; categoryLabel: (k: string) => string; actions: CardActions }) {
  const { t } = useTranslation('referrals');
  const day = useDayFormat();
  const session = useReadySession();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: referralKeys.all });
  const { failure, run: submit } = useSubmit();
  const run = (work: () => Promise<unknown>, done: string) =>
    submit(async () => {
      await work();
      await refresh();
    }, done);
  // The forms this card opens come back by themselves after unlocking, with what was typed in them.
  const keys = referralDraftKeys(r.caseId, r.id);
  useResumeOnUnlock(keys.edit, () => actions.onEdit(r));
  useResumeOnUnlock(keys.send, () => actions.onSend(r));
  useResumeOnUnlock(keys.alternatives, () => actions.onAlternatives(r));
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
      {canWrite && referralMoves[r.status].length > 0 && r.status !== 'draft' ? <MoveForm key={r.status} referral={r} onDone={refresh} /> : null}
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
      draftKey={referralDraftKeys(r.caseId, r.id).move(r.status)}
      onMove={async (m) => {
        await call('referrals.move', { caseId: r.caseId, referralId: r.id, version: r.version, ...m });
        await onDone();
      }}
    />
  );
}

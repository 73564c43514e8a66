// DOM. Acknowledging the agreement, in the facilitator's view: each person recorded as present
// acknowledges it, or is recorded as declining or absent with a reason. The agreement is
// "acknowledged by all" only when every one of them has an answer. The family's screen shows who
// has acknowledged (never the reasons).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conference, Invitee } from '@shared/conference/contract';
import { acknowledgementOutcomes, type AcknowledgementOutcome } from '@shared/conference/follow-up';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { useFormat } from '../../ui/format';
import { Alert, Badge, ErrorAlert } from '../../ui/misc';
import { useConferenceChange } from './queries';

function Answer({ caseId, conferenceId, invitee, canWrite }: { caseId: string; conferenceId: string; invitee: Invitee; canWrite: boolean }) {
  const { t } = useTranslation('conference');
  const format = useFormat();
  const record = useConferenceChange('conference.recordAcknowledgement', caseId);
  const [outcome, setOutcome] = useState<AcknowledgementOutcome>(invitee.acknowledgement?.outcome ?? 'acknowledged');
  const [reason, setReason] = useState(invitee.acknowledgement?.reason ?? '');
  const answer = invitee.acknowledgement;
  return (
    <li className="stack acknowledgement">
      <p className="row">
        <bdi className="acknowledgement__name">{invitee.name}</bdi>
        {answer ? (
          <Badge tone={answer.outcome === 'acknowledged' ? 'success' : 'warning'}>{t(`ack.outcomes.${answer.outcome}`)}</Badge>
        ) : (
          <Badge>{t('ack.noAnswer')}</Badge>
        )}
      </p>
      {answer ? (
        <p className="muted">
          {t('ack.recorded', { when: format.dateTime(answer.recordedAt), who: answer.recordedBy ?? '—' })}
          {answer.reason ? (
            <>
              {' '}
              — <bdi>{answer.reason}</bdi>
            </>
          ) : null}
        </p>
      ) : null}
      {canWrite ? (
        <form
          className="row acknowledgement__form"
          onSubmit={(event) => {
            event.preventDefault();
            record.mutate({ conferenceId, acknowledgement: { inviteeId: invitee.id, outcome, reason: outcome === 'acknowledged' ? '' : reason } });
          }}
        >
          <SelectField label={t('ack.outcomeFor', { name: invitee.name })} value={outcome} onChange={(e) => setOutcome(e.target.value as AcknowledgementOutcome)}>
            {acknowledgementOutcomes.map((o) => (
              <option key={o} value={o}>
                {t(`ack.outcomes.${o}`)}
              </option>
            ))}
          </SelectField>
          {outcome !== 'acknowledged' ? (
            <TextField label={t('ack.reasonFor', { name: invitee.name })} required value={reason} onChange={(e) => setReason(e.target.value)} />
          ) : null}
          <Button type="submit" size="sm" busy={record.isPending} disabled={outcome !== 'acknowledged' && !reason.trim()}>
            {t('ack.record', { name: invitee.name })}
          </Button>
          <ErrorAlert error={record.error} />
        </form>
      ) : null}
    </li>
  );
}

export function AcknowledgementSection({ caseId, conference, canWrite }: { caseId: string; conference: Conference; canWrite: boolean }) {
  const { t } = useTranslation('conference');
  if (!conference.agreement.recordedAt) return null;
  const present = conference.invitees.filter((i) => i.status === 'attended');
  const answered = present.filter((i) => i.acknowledgement !== null).length;
  return (
    <section className="stack" aria-labelledby="acknowledgement-title">
      <h4 id="acknowledgement-title" className="form-section__title">
        {t('ack.title')}
      </h4>
      <p className="muted">{t('ack.intro')}</p>
      {present.length === 0 ? (
        <Alert tone="info" live={false}>
          {t('ack.nobodyPresent')}
        </Alert>
      ) : conference.agreement.acknowledgedByAll ? (
        <Alert tone="success">{t('ack.byAll')}</Alert>
      ) : (
        <p role="status">{t('ack.progress', { answered, present: present.length })}</p>
      )}
      <ul className="stack acknowledgement-list" aria-label={t('ack.listLabel')}>
        {present.map((invitee) => (
          <Answer key={`${invitee.id}:${invitee.acknowledgement?.recordedAt ?? ''}`} caseId={caseId} conferenceId={conference.id} invitee={invitee} canWrite={canWrite} />
        ))}
      </ul>
    </section>
  );
}

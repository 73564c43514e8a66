// DOM. Acknowledging the agreement, in the facilitator's view: each person recorded as present
// acknowledges it, or is recorded as declining or absent with a reason. The agreement is
// "acknowledged by all" only when every one of them has an answer. The family's screen shows who
// has acknowledged (never the reasons).
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Conference, Invitee } from '@shared/conference/contract';
import { acknowledgementOutcomes, type AcknowledgementOutcome } from '@shared/conference/follow-up';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/form/fields';
import { useFormat } from '../../ui/format';
import { Alert, Badge, ErrorAlert } from '../../ui/misc';
import { useFormDraft } from '../../ui/useDraft';
import { useConferenceChange } from './queries';
import { conferenceDraftKey } from './resume';

interface AnswerValues {
  outcome: AcknowledgementOutcome;
  reason: string;
}

/** One person's answer; typing (the reason) is kept as a draft until the answer is recorded. */
function AnswerForm({ caseId, conferenceId, invitee }: { caseId: string; conferenceId: string; invitee: Invitee }) {
  const { t } = useTranslation('conference');
  const record = useConferenceChange('conference.recordAcknowledgement', caseId);
  const form = useForm<AnswerValues>({ defaultValues: { outcome: invitee.acknowledgement?.outcome ?? 'acknowledged', reason: invitee.acknowledgement?.reason ?? '' } });
  const draft = useFormDraft(form, conferenceDraftKey(caseId, conferenceId, 'ack', invitee.id));
  const [outcome, reason] = useWatch({ control: form.control, name: ['outcome', 'reason'] });
  const submit = form.handleSubmit(async (values) => {
    // A pending save must not land after the discard below (the answer remounts once recorded).
    draft.cancel();
    try {
      await record.mutateAsync({ conferenceId, acknowledgement: { inviteeId: invitee.id, outcome: values.outcome, reason: values.outcome === 'acknowledged' ? '' : values.reason } });
      await draft.discard();
    } catch {
      // Shown by the ErrorAlert; the typing stays in the form and its draft.
    }
  });
  return (
    <form className="row acknowledgement__form" onSubmit={(event) => void submit(event)}>
      <SelectField label={t('ack.outcomeFor', { name: invitee.name })} {...form.register('outcome')}>
        {acknowledgementOutcomes.map((o) => (
          <option key={o} value={o}>
            {t(`ack.outcomes.${o}`)}
          </option>
        ))}
      </SelectField>
      {outcome !== 'acknowledged' ? <TextField label={t('ack.reasonFor', { name: invitee.name })} required {...form.register('reason')} /> : null}
      <Button type="submit" size="sm" busy={record.isPending} disabled={outcome !== 'acknowledged' && !reason?.trim()}>
        {t('ack.record', { name: invitee.name })}
      </Button>
      <ErrorAlert error={record.error} />
    </form>
  );
}

function Answer({ caseId, conferenceId, invitee, canWrite }: { caseId: string; conferenceId: string; invitee: Invitee; canWrite: boolean }) {
  const { t } = useTranslation('conference');
  const format = useFormat();
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
      {canWrite ? <AnswerForm caseId={caseId} conferenceId={conferenceId} invitee={invitee} /> : null}
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

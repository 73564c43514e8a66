// DOM. Following up the agreement on the case: each commitment with its due date, overdue ones
// marked, and "mark done" with the day it was done and the evidence (the recorder is the person
// signed in). Due and overdue commitments also appear in My work until they are marked done.
import { useState, type Ref } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Conference } from '@shared/conference/contract';
import { Button } from '../../ui/Button';
import { TextAreaField, TextField } from '../../ui/form/fields';
import { useFocusOnToggle } from '../../ui/focus';
import { todayUtc, useDayFormat } from '../../ui/format';
import { Badge, ErrorAlert } from '../../ui/misc';
import { useFormDraft } from '../../ui/useDraft';
import { useResumeOnUnlock } from '../../ui/useResumeOnUnlock';
import { DraftKept } from './drafted';
import { useConferenceChange } from './queries';
import { conferenceDraftKey } from './resume';

type Item = Conference['agreement']['items'][number];
interface DoneValues {
  doneOn: string;
  evidence: string;
}

/** The form, typing kept as a draft until the commitment is marked done or the form cancelled. */
function MarkDoneForm({
  caseId,
  conferenceId,
  item,
  number,
  draftKey,
  formRef,
  onClose,
}: {
  caseId: string;
  conferenceId: string;
  item: Item;
  number: number;
  draftKey: string;
  formRef: Ref<HTMLFormElement>;
  onClose: () => void;
}) {
  const { t } = useTranslation('conference');
  const mark = useConferenceChange('conference.markCommitmentDone', caseId);
  const form = useForm<DoneValues>({ defaultValues: { doneOn: todayUtc(), evidence: '' } });
  const draft = useFormDraft(form, draftKey);
  const [doneOn, evidence] = useWatch({ control: form.control, name: ['doneOn', 'evidence'] });
  const submit = form.handleSubmit(async (values) => {
    // A pending save must not land after the discard below (the form goes away once marked done).
    draft.cancel();
    try {
      await mark.mutateAsync({ conferenceId, done: { itemId: item.id, ...values } });
      await draft.discard();
    } catch {
      // Shown by the ErrorAlert; the typing stays in the form and its draft.
    }
  });
  const cancel = async () => {
    await draft.discard();
    onClose();
  };
  return (
    <form ref={formRef} className="stack commitment__form" aria-label={t('commitments.formLabel', { number })} onSubmit={(event) => void submit(event)}>
      <TextField label={t('commitments.doneOn')} type="date" required {...form.register('doneOn')} />
      <TextAreaField label={t('commitments.evidence')} description={t('commitments.evidenceHint')} required {...form.register('evidence')} />
      <ErrorAlert error={mark.error} />
      <div className="row">
        <Button onClick={() => void cancel()}>{t('form.cancel')}</Button>
        <Button type="submit" variant="primary" busy={mark.isPending} disabled={!evidence?.trim() || !doneOn}>
          {t('commitments.save')}
        </Button>
        <DraftKept savedAt={draft.savedAt} />
      </div>
    </form>
  );
}

function MarkDone({ caseId, conferenceId, item, number }: { caseId: string; conferenceId: string; item: Item; number: number }) {
  const { t } = useTranslation('conference');
  const draftKey = conferenceDraftKey(caseId, conferenceId, 'commitment', item.id);
  const [open, setOpen] = useState(false);
  // Open with typing when the session locked: open again after unlocking.
  useResumeOnUnlock(draftKey, () => setOpen(true));
  // Keyboard: to the form (named "Commitment n done") when it opens, back to this button when it closes.
  const focus = useFocusOnToggle<HTMLFormElement>(open);
  if (!open) {
    return (
      <Button ref={focus.whenClosed} size="sm" onClick={() => setOpen(true)}>
        {t('commitments.markDone', { number })}
      </Button>
    );
  }
  return <MarkDoneForm caseId={caseId} conferenceId={conferenceId} item={item} number={number} draftKey={draftKey} formRef={focus.whenOpen} onClose={() => setOpen(false)} />;
}

export function CommitmentsSection({ caseId, conference, canWrite }: { caseId: string; conference: Conference; canWrite: boolean }) {
  const { t } = useTranslation('conference');
  const day = useDayFormat();
  const items = conference.agreement.items;
  if (!conference.agreement.recordedAt || items.length === 0) return null;
  const today = todayUtc();
  return (
    <section className="stack" aria-labelledby="commitments-title">
      <h4 id="commitments-title" className="form-section__title">
        {t('commitments.title')}
      </h4>
      <ol className="stack commitment-list">
        {items.map((item, index) => (
          <li key={item.id} className="stack commitment">
            <p>
              <bdi>{item.who}</bdi>: <bdi>{item.what}</bdi> — {t('commitments.by', { date: day(item.byWhen) })}{' '}
              {item.done ? (
                <Badge tone="success">{t('commitments.done')}</Badge>
              ) : item.byWhen < today ? (
                <Badge tone="warning">{t('commitments.overdue')}</Badge>
              ) : null}
            </p>
            {item.done ? (
              <p className="muted">
                {t('commitments.doneDetail', { date: day(item.doneOn), who: item.doneBy ?? '—' })} — <bdi>{item.doneEvidence}</bdi>
              </p>
            ) : canWrite ? (
              <MarkDone caseId={caseId} conferenceId={conference.id} item={item} number={index + 1} />
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

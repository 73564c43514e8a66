// DOM. Following up the agreement on the case: each commitment with its due date, overdue ones
// marked, and "mark done" with the day it was done and the evidence (the recorder is the person
// signed in). Due and overdue commitments also appear in My work until they are marked done.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conference } from '@shared/conference/contract';
import { Button } from '../../ui/Button';
import { TextAreaField, TextField } from '../../ui/Field';
import { todayUtc, useDayFormat } from '../../ui/format';
import { Badge, ErrorAlert } from '../../ui/misc';
import { useConferenceChange } from './queries';

type Item = Conference['agreement']['items'][number];

function MarkDone({ caseId, conferenceId, item, number }: { caseId: string; conferenceId: string; item: Item; number: number }) {
  const { t } = useTranslation('conference');
  const mark = useConferenceChange('conference.markCommitmentDone', caseId);
  const [open, setOpen] = useState(false);
  const [doneOn, setDoneOn] = useState(todayUtc());
  const [evidence, setEvidence] = useState('');
  if (!open) {
    return (
      <Button size="sm" onClick={() => setOpen(true)}>
        {t('commitments.markDone', { number })}
      </Button>
    );
  }
  return (
    <form
      className="stack commitment__form"
      aria-label={t('commitments.formLabel', { number })}
      onSubmit={(event) => {
        event.preventDefault();
        mark.mutate({ conferenceId, done: { itemId: item.id, doneOn, evidence } });
      }}
    >
      <TextField label={t('commitments.doneOn')} type="date" required value={doneOn} onChange={(e) => setDoneOn(e.target.value)} />
      <TextAreaField label={t('commitments.evidence')} description={t('commitments.evidenceHint')} required value={evidence} onChange={(e) => setEvidence(e.target.value)} />
      <ErrorAlert error={mark.error} />
      <div className="row">
        <Button onClick={() => setOpen(false)}>{t('form.cancel')}</Button>
        <Button type="submit" variant="primary" busy={mark.isPending} disabled={!evidence.trim() || !doneOn}>
          {t('commitments.save')}
        </Button>
      </div>
    </form>
  );
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

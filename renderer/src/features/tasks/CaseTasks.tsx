// DOM. On the case file, beside "what's next": a spontaneous return's due tasks (each done by its
// record; the home visit can be marked done with its date) and, for a halted case, the next review
// date, the reviews held and a form to record one.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '@shared/cases/contract';
import { manuallyCompletable, type CaseTask } from '@shared/tasks/contract';
import { Button } from '../../ui/Button';
import { TextAreaField, TextField } from '../../ui/Field';
import { Badge, ErrorAlert } from '../../ui/misc';
import { ChildViewsText } from '../casework/ChildViewsFields';
import { todayUtc, useCaseFormat } from '../cases/format';
import { HaltReviewForm } from './HaltReviewForm';
import { useCaseTasks, useCompleteTask } from './queries';

function CompleteVisit({ caseId, task, onDone }: { caseId: string; task: CaseTask; onDone: () => void }) {
  const { t } = useTranslation('tasks');
  const complete = useCompleteTask(caseId);
  const [doneOn, setDoneOn] = useState(todayUtc());
  const [note, setNote] = useState('');
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        complete.mutate({ kind: task.kind, doneOn, note }, { onSuccess: onDone });
      }}
    >
      <TextField type="date" label={t('tasks.doneOn')} required max={todayUtc()} value={doneOn} onChange={(e) => setDoneOn(e.target.value)} />
      <TextAreaField label={t('tasks.note')} description={t('tasks.noteHelp')} required rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      <ErrorAlert error={complete.error} />
      <div className="row">
        <Button type="submit" variant="primary" size="sm" busy={complete.isPending} disabled={!note.trim()}>
          {t('tasks.markDone')}
        </Button>
        <Button size="sm" onClick={onDone}>
          {t('common:actions.cancel')}
        </Button>
      </div>
    </form>
  );
}

export function CaseTasks({ caseFile }: { caseFile: CaseFile }) {
  const { t } = useTranslation(['tasks', 'casework']);
  const format = useCaseFormat();
  const halted = caseFile.status === 'halted';
  const tasks = useCaseTasks(caseFile.id, caseFile.spontaneous || halted);
  const [completing, setCompleting] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState(false);
  if (!tasks.data) return tasks.error ? <ErrorAlert error={tasks.error} /> : null;
  const { tasks: list, haltReviewDue, haltReviews } = tasks.data;
  if (list.length === 0 && !halted) return null;
  return (
    <section className="card case-tasks" aria-labelledby="case-tasks-title">
      <h2 className="card__title" id="case-tasks-title">
        {t('panel.title')}
      </h2>
      {list.length > 0 ? (
        <ul className="work-list">
          {list.map((task) => (
            <li key={task.kind} className="work-item">
              <span>{t(`kinds.${task.kind}`)}</span>
              <span className="work-item__meta">
                <span>{t('due.on', { date: format.day(task.dueOn) })}</span>
                {task.done ? (
                  <Badge tone="success">{task.doneOn ? t('tasks.doneOnDate', { date: format.day(task.doneOn) }) : t('tasks.done')}</Badge>
                ) : task.overdue ? (
                  <Badge tone="danger">{t('due.overdue')}</Badge>
                ) : (
                  <Badge tone="warning">{t('tasks.open')}</Badge>
                )}
                {!task.done && caseFile.canWrite && manuallyCompletable.includes(task.kind) && completing !== task.kind ? (
                  <Button size="sm" onClick={() => setCompleting(task.kind)}>
                    {t('tasks.markDone')}
                  </Button>
                ) : null}
                {!task.done && !manuallyCompletable.includes(task.kind) ? <span className="muted">{t('tasks.doneByRecord')}</span> : null}
              </span>
              {completing === task.kind ? <CompleteVisit caseId={caseFile.id} task={task} onDone={() => setCompleting(null)} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {halted ? (
        <div className="stack">
          <p>
            <strong>{t('halt.nextDue')}:</strong> {haltReviewDue ? format.day(haltReviewDue) : '—'}
            {haltReviewDue && haltReviewDue < todayUtc() ? <> <Badge tone="danger">{t('due.overdue')}</Badge></> : null}
          </p>
          {caseFile.canWrite && !reviewing ? <Button onClick={() => setReviewing(true)}>{t('halt.record')}</Button> : null}
          {reviewing ? <HaltReviewForm caseId={caseFile.id} onDone={() => setReviewing(false)} /> : null}
          {haltReviews.length > 0 ? (
            <ul className="work-list" aria-label={t('halt.history')}>
              {haltReviews.map((review) => (
                <li key={review.id} className="work-item">
                  <p>
                    <strong>{format.day(review.reviewedOn)}</strong> · {review.participants.map((p) => (p.name ? `${t(`roles.${p.role}`)} (${p.name})` : t(`roles.${p.role}`))).join(', ')}
                  </p>
                  <p>
                    <bdi dir="auto">{review.notes}</bdi>
                  </p>
                  <p>
                    {t('casework:views.label')}: <ChildViewsText views={review.childViews} absence={review.childViewsAbsent} />
                  </p>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

// DOM. My work's list of actions a case review gave the signed-in person, with "mark done".
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ChannelOutput } from '@shared/contract';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { useDayFormat } from '../../ui/format';
import { Badge, ErrorAlert } from '../../ui/misc';
import { useToast } from '../../ui/Toast';

type Action = ChannelOutput<'cases.myWork'>['reviewActions'][number];

export function ReviewActions({ actions }: { actions: Action[] }) {
  const { t } = useTranslation('review');
  const day = useDayFormat();
  const toast = useToast();
  const client = useQueryClient();
  const done = useMutation({
    mutationFn: (a: Action) => call('review.completeAction', { caseId: a.caseId, actionId: a.actionId }),
    onSuccess: () => {
      toast.show(t('work.doneToast'), 'success');
      void client.invalidateQueries({ queryKey: ['cases'] });
    },
  });
  return (
    <section className="work-section card" aria-labelledby="work-review-actions">
      <div className="card__header">
        <h2 className="card__title" id="work-review-actions">
          {t('work.title')}
        </h2>
      </div>
      <ErrorAlert error={done.error} />
      {actions.length === 0 ? <p className="muted work-section__empty">{t('work.empty')}</p> : null}
      <ul className="work-list">
        {actions.map((a) => (
          <li key={a.actionId} className="work-item">
            <Link to={`/cases/${a.caseId}`} className="work-item__link">
              <bdi>{a.childName}</bdi>
              <span className="work-item__number mono" dir="ltr">
                {a.number}
              </span>
            </Link>
            <p>
              <bdi>{a.text}</bdi>
            </p>
            <span className="work-item__meta">
              {a.overdue ? <Badge tone="danger">{t('work.due', { date: day(a.dueOn) })}</Badge> : <span>{t('work.due', { date: day(a.dueOn) })}</span>}
              <Button size="sm" onClick={() => done.mutate(a)} busy={done.isPending && done.variables?.actionId === a.actionId}>
                {t('work.done')}
              </Button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

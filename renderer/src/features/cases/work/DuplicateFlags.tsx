// DOM. A supervisor's queue of likely duplicates that case workers asked about: which case, who
// asked, their note about the child being registered, and a decision (same child / another child).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DuplicateFlag } from '@shared/cases/duplicate-flags';
import { call } from '../../../api';
import { Button } from '../../../ui/Button';
import { ErrorAlert } from '../../../ui/misc';
import { useCaseFormat } from '../format';

const flagsKey = ['cases', 'duplicateFlags'] as const;

function FlagItem({ flag }: { flag: DuplicateFlag }) {
  const { t } = useTranslation('cases');
  const format = useCaseFormat();
  const queryClient = useQueryClient();
  const percent = new Intl.NumberFormat(format.language, { style: 'percent' });
  const resolve = useMutation({
    mutationFn: (outcome: 'same_child' | 'different_child') => call('cases.resolveDuplicateFlag', { flagId: flag.id, outcome }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: flagsKey }),
  });
  return (
    <li className="work-item">
      <Link to={`/cases/${flag.caseId}`} className="work-item__link">
        <bdi>{flag.childName}</bdi>
        <span className="work-item__number mono" dir="ltr">
          {flag.number}
        </span>
      </Link>
      <span className="work-item__meta">
        <span>{t('duplicates.flagAsked', { name: flag.raisedByName ?? '—', day: format.day(flag.raisedAt.slice(0, 10)) })}</span>
        <span>{t('duplicates.score', { score: percent.format(flag.score) })}</span>
        <span>
          <bdi>{flag.workerName ?? t('case.unassigned')}</bdi>
        </span>
      </span>
      {flag.note ? (
        <p className="work-item__next" dir="auto">
          {flag.note}
        </p>
      ) : null}
      <ErrorAlert error={resolve.error} />
      <span className="work-item__meta">
        <Button size="sm" busy={resolve.isPending && resolve.variables === 'same_child'} onClick={() => resolve.mutate('same_child')}>
          {t('duplicates.resolveSame')}
        </Button>
        <Button size="sm" busy={resolve.isPending && resolve.variables === 'different_child'} onClick={() => resolve.mutate('different_child')}>
          {t('duplicates.resolveDifferent')}
        </Button>
      </span>
    </li>
  );
}

export function DuplicateFlags() {
  const { t } = useTranslation('cases');
  const flags = useQuery({ queryKey: flagsKey, queryFn: () => call('cases.duplicateFlags', {}), staleTime: 0 });
  const count = flags.data?.length ?? 0;
  return (
    <section className="work-section card" aria-labelledby="work-duplicate-flags">
      <div className="card__header">
        <h2 className="card__title" id="work-duplicate-flags">
          {t('duplicates.flagsTitle')}
        </h2>
        <span className="work-section__count">
          <span aria-hidden="true">{count}</span>
          <span className="visually-hidden">{t('work.count', { count })}</span>
        </span>
      </div>
      <ErrorAlert error={flags.error} />
      {flags.data && count === 0 ? <p className="muted work-section__empty">{t('duplicates.flagsEmpty')}</p> : null}
      {count > 0 ? (
        <ul className="work-list">
          {flags.data!.map((flag) => (
            <FlagItem key={flag.id} flag={flag} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

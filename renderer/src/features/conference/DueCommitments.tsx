// DOM. Conference commitments not yet done. On My work: due in the next two weeks (or overdue), in
// the caller's own cases. On a plan review (`caseId`): every open one of that case, whatever its
// date — the Guidelines review the family's commitments with the plan. Its own query
// (conference.dueCommitments), so neither page needs to know how agreements are stored.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { call } from '../../api';
import { useCaseFormat } from '../cases/format';

export function DueCommitments({ caseId }: { caseId?: string } = {}) {
  const { t } = useTranslation('conference');
  const format = useCaseFormat();
  const until = caseId ? '9999-12-31' : new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const due = useQuery({
    queryKey: caseId ? ['cases', caseId, 'conference', 'commitments'] : ['cases', 'myWork', 'commitments', until],
    queryFn: () => call('conference.dueCommitments', caseId ? { until, caseId } : { until }),
  });
  if (!due.data || due.data.length === 0) return null;
  const Heading = caseId ? 'h3' : 'h2';
  const titleId = caseId ? `case-commitments-title-${caseId}` : 'due-commitments-title';
  return (
    <section className="stack" aria-labelledby={titleId}>
      <Heading id={titleId} className="form-section__title">
        {t('due.title')}
      </Heading>
      <ul>
        {due.data.map((item) => (
          <li key={item.itemId}>
            {caseId ? null : (
              <>
                <Link to={`/cases/${item.caseId}?tab=conference&conference=${item.conferenceId}&part=followUp`}>
                  <bdi>{item.childName}</bdi>
                </Link>{' '}
                —{' '}
              </>
            )}
            <bdi>{item.who}</bdi>: <bdi>{item.what}</bdi> ({item.overdue ? t('due.overdue', { date: format.day(item.byWhen) }) : t('due.by', { date: format.day(item.byWhen) })})
          </li>
        ))}
      </ul>
    </section>
  );
}

// DOM. My work's list of conference commitments due in the next two weeks (or overdue), in the
// caller's own cases. Its own query (conference.dueCommitments), so My work's loading need not know
// how agreements are stored.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { call } from '../../api';
import { useCaseFormat } from '../cases/format';

export function DueCommitments() {
  const { t } = useTranslation('conference');
  const format = useCaseFormat();
  const until = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const due = useQuery({ queryKey: ['cases', 'myWork', 'commitments', until], queryFn: () => call('conference.dueCommitments', { until }) });
  if (!due.data || due.data.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="due-commitments-title">
      <h2 id="due-commitments-title" className="form-section__title">
        {t('due.title')}
      </h2>
      <ul>
        {due.data.map((item) => (
          <li key={item.itemId}>
            <Link to={`/cases/${item.caseId}?tab=conference&conference=${item.conferenceId}&part=followUp`}>
              <bdi>{item.childName}</bdi>
            </Link>{' '}
            — <bdi>{item.who}</bdi>: <bdi>{item.what}</bdi> ({item.overdue ? t('due.overdue', { date: format.day(item.byWhen) }) : t('due.by', { date: format.day(item.byWhen) })})
          </li>
        ))}
      </ul>
    </section>
  );
}

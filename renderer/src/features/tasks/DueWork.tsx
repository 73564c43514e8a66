// DOM. My work's "due" section: a spontaneous return's first tasks and halted cases' reviews,
// overdue first, each linked to where on the case file it is done. Loaded by its own query
// (tasks.due), beside My work's other sections.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert, Badge } from '../../ui/misc';
import { useCaseFormat } from '../cases/format';
import { taskTab, useDueWork } from './queries';

export function DueWork() {
  const { t } = useTranslation('tasks');
  const format = useCaseFormat();
  const due = useDueWork();
  const items = due.data ?? [];
  return (
    <section className="work-section card" aria-labelledby="work-due">
      <div className="card__header">
        <h2 className="card__title" id="work-due">
          {t('due.title')}
        </h2>
        <span className="work-section__count">
          <span aria-hidden="true">{items.length}</span>
          <span className="visually-hidden">{t('due.count', { count: items.length })}</span>
        </span>
      </div>
      <ErrorAlert error={due.error} />
      {due.data && items.length === 0 ? <p className="muted work-section__empty">{t('due.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="work-list">
          {items.map((item) => (
            <li key={`${item.caseId}:${item.kind}`} className="work-item">
              <Link to={`/cases/${item.caseId}`} className="work-item__link">
                <bdi>{item.childName}</bdi>
                <span className="work-item__number mono" dir="ltr">
                  {item.number}
                </span>
              </Link>
              <span className="work-item__meta">
                <span>{t(`kinds.${item.kind}`)}</span>
                <span>{t('due.on', { date: format.day(item.dueOn) })}</span>
                {item.overdue ? <Badge tone="danger">{t('due.overdue')}</Badge> : null}
                <Link to={`/cases/${item.caseId}?tab=${taskTab[item.kind]}`}>{t('due.open')}</Link>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

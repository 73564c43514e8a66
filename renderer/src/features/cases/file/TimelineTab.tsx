// DOM. Everything that happened to the case, newest first: each event translated
// (`cases:events.<type>`), who did it, when (Intl), and the details the timeline keeps.
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '@shared/cases/contract';
import { stages } from '@shared/cases/stages';
import { Button } from '../../../ui/Button';
import { ErrorAlert, Loading } from '../../../ui/misc';
import { useCaseFormat } from '../format';
import { useTimeline } from '../queries';

type Details = Record<string, unknown> | null;

const stageKeys = new Set(['from', 'to', 'stage']);
const hiddenKeys = new Set(['id', 'caseId', 'contactId', 'notDuplicateOf']);

function useDetailText() {
  const { t, i18n } = useTranslation('cases');
  const format = useCaseFormat();
  const tt = t as unknown as (key: string, options?: object) => string;
  const value = (key: string, raw: unknown): string | null => {
    if (raw === null || raw === undefined || raw === '') return null;
    if (typeof raw === 'boolean') return raw ? tt('common.yes') : tt('common.no');
    if (typeof raw === 'number') return format.number(raw);
    if (Array.isArray(raw)) {
      const parts = raw.map((item) => value(key, item)).filter((p): p is string => p !== null);
      return parts.length > 0 ? new Intl.ListFormat(format.language, { type: 'conjunction' }).format(parts) : null;
    }
    if (typeof raw !== 'string') return null;
    if (stageKeys.has(key) && (stages as readonly string[]).includes(raw)) return tt(`stages.${raw}`);
    if (key === 'alternative' && i18n.exists(`cases:halt.alternatives.${raw}`)) return tt(`halt.alternatives.${raw}`);
    if (key === 'fields') {
      const field = raw.replace(/_([a-z])/gu, (_m, c: string) => c.toUpperCase());
      return i18n.exists(`cases:fieldNames.${field}`) ? tt(`fieldNames.${field}`) : null;
    }
    if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/u.test(raw)) return format.day(raw);
    if (i18n.exists(`cases:values.${raw}`)) return tt(`values.${raw}`);
    return raw;
  };
  const label = (key: string) => (i18n.exists(`cases:eventDetails.${key}`) ? tt(`eventDetails.${key}`) : null);
  return { value, label };
}

function EventDetails({ details }: { details: Details }) {
  const { value, label } = useDetailText();
  if (!details) return null;
  const pairs = Object.entries(details)
    .filter(([key]) => !hiddenKeys.has(key))
    .map(([key, raw]) => ({ key, label: label(key), text: value(key, raw) }))
    .filter((pair): pair is { key: string; label: string; text: string } => pair.label !== null && pair.text !== null);
  if (pairs.length === 0) return null;
  return (
    <dl className="timeline__details">
      {pairs.map((pair) => (
        <div key={pair.key}>
          <dt>{pair.label}</dt>
          <dd>
            <bdi>{pair.text}</bdi>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function TimelineTab({ caseFile }: { caseFile: CaseFile }) {
  const { t, i18n } = useTranslation('cases');
  const format = useCaseFormat();
  const timeline = useTimeline(caseFile.id);
  const events = timeline.data?.pages.flatMap((page) => page.events) ?? [];
  const eventTitle = (type: string) => {
    if (i18n.exists(`cases:events.${type}`)) return t(`events.${type}`);
    const [area] = type.split('.');
    return i18n.exists(`cases:eventAreas.${area}`) ? t('events.otherIn', { area: t(`eventAreas.${area}`) }) : t('events.other');
  };

  return (
    <div className="stack">
      <div className="tab-heading">
        <h2 className="tab-heading__title">{t('tabs.timeline')}</h2>
      </div>
      {timeline.isPending ? <Loading /> : null}
      <ErrorAlert error={timeline.error} />
      {timeline.data && events.length === 0 ? <p className="muted">{t('timeline.empty')}</p> : null}
      {events.length > 0 ? (
        <ol className="timeline">
          {events.map((event) => (
            <li key={event.id} className="timeline__event">
              <span className="timeline__dot" aria-hidden="true" />
              <div className="timeline__body">
                <p className="timeline__title">{eventTitle(event.type)}</p>
                <p className="timeline__meta">
                  <time dateTime={event.at}>{format.dateTime(event.at)}</time>
                  {event.userName ? (
                    <>
                      <span aria-hidden="true"> · </span>
                      <span>{t('timeline.by', { name: event.userName })}</span>
                    </>
                  ) : null}
                </p>
                <EventDetails details={event.details} />
              </div>
            </li>
          ))}
        </ol>
      ) : null}
      {timeline.hasNextPage ? (
        <div>
          <Button busy={timeline.isFetchingNextPage} onClick={() => void timeline.fetchNextPage()}>
            {t('timeline.more')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

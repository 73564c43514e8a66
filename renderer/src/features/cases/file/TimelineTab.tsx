// DOM. Everything that happened to the case, newest first: each event translated
// (`cases:events.<type>`), who did it, when (Intl), and the details the timeline keeps.
import { Trans, useTranslation } from 'react-i18next';
import type { CaseFile } from '@shared/cases/contract';
import { Button } from '../../../ui/Button';
import { Badge, ErrorAlert, Loading } from '../../../ui/misc';
import { caseFieldNameKey, useCaseFormat } from '../format';
import { useTimeline } from '../queries';

type Details = Record<string, unknown> | null;

const stageKeys = new Set(['from', 'to', 'stage']);
const hiddenKeys = new Set(['id', 'caseId', 'contactId', 'noteId', 'documentId', 'consentId', 'notDuplicateOf', 'created', 'backEntered', 'happenedOn']);

/** The namespace of the feature that recorded an event, by the event's prefix. */
const areaNamespace: Record<string, string> = {
  bid: 'bid',
  tracing: 'tracing',
  contact: 'contacts',
  consent: 'consents',
  family: 'family',
  assessment: 'assessments',
  safety: 'safety',
  plan: 'plans',
  preparation: 'preparation',
  reunification: 'reunification',
  note: 'notes',
  document: 'notes',
  followup: 'followup',
};

/** Where a feature keeps the names of a detail's values (`bid:decisions.<value>` …). */
const valueGroups: Record<string, string[]> = {
  decision: ['decisions'],
  result: ['results'],
  method: ['methods'],
  kind: ['kinds', 'documentKinds'],
  mode: ['modes'],
  outcome: ['outcomes'],
  status: ['statuses', 'status'],
  givenBy: ['givers'],
  purposes: ['purposes'],
  overallLevel: ['levels'],
  previousLevel: ['levels'],
  arrangement: ['arrangements'],
  role: ['roles'],
  area: ['areas'],
  domain: ['domains'],
  category: ['categories'],
  relationship: ['relationships'],
  service: ['services'],
  sign: ['signs'],
  signs: ['signs'],
  type: ['contactTypes'],
  whereNow: ['careArrangements'],
  living: ['living'],
  action: ['adjustActions'],
};

/** A value that is a code (snake_case or one lower-case word), not words a person wrote. */
const isCode = (value: string) => /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/u.test(value);

function useDetailText(type: string) {
  const { t, i18n } = useTranslation('cases');
  const format = useCaseFormat();
  const tt = t as unknown as (key: string, options?: object) => string;
  const namespace = areaNamespace[type.split('.')[0]];

  const named = (key: string, raw: string): string | null => {
    const candidates: string[] = [];
    if (stageKeys.has(key)) candidates.push(`cases:stages.${raw}`);
    if (key === 'alternative') candidates.push(`cases:halt.alternatives.${raw}`);
    if (namespace) for (const group of valueGroups[key] ?? []) candidates.push(`${namespace}:${group}.${raw}`);
    if (key === 'fields') {
      candidates.push(caseFieldNameKey(raw));
      if (namespace) candidates.push(`${namespace}:fields.${raw}`);
    }
    candidates.push(`cases:values.${raw}`);
    const found = candidates.find((candidate) => i18n.exists(candidate));
    return found ? tt(found) : null;
  };

  const value = (key: string, raw: unknown): string | null => {
    if (raw === null || raw === undefined || raw === '') return null;
    if (typeof raw === 'boolean') return raw ? tt('common.yes') : tt('common.no');
    if (typeof raw === 'number') return format.number(raw);
    if (Array.isArray(raw)) {
      const parts = raw.map((item) => value(key, item)).filter((p): p is string => p !== null);
      return parts.length > 0 ? new Intl.ListFormat(format.language, { type: 'conjunction' }).format(parts) : null;
    }
    if (typeof raw !== 'string') return null;
    if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/u.test(raw)) return format.day(raw);
    const name = named(key, raw);
    if (name) return name;
    // A code nobody has named yet would only puzzle the reader: it is left out, not shown raw.
    return isCode(raw) ? null : raw;
  };
  const label = (key: string) => (i18n.exists(`cases:eventDetails.${key}`) ? tt(`eventDetails.${key}`) : null);
  return { value, label };
}

function EventDetails({ type, details }: { type: string; details: Details }) {
  const { value, label } = useDetailText(type);
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
                <p className="timeline__title">
                  {eventTitle(event.type)}
                  {/* Entered from paper records: when it happened, beside when it was typed (below). */}
                  {event.details?.backEntered === true && typeof event.details.happenedOn === 'string' ? (
                    <>
                      {' '}
                      <Badge tone="info">{t('timeline.backEntered', { date: format.day(event.details.happenedOn) })}</Badge>
                    </>
                  ) : null}
                </p>
                <p className="timeline__meta">
                  <time dateTime={event.at}>{format.dateTime(event.at)}</time>
                  {event.userName ? (
                    <>
                      <span aria-hidden="true"> · </span>
                      {/* The name is user text inside a translated sentence: isolated in its own direction. */}
                      <span>
                        <Trans t={t} i18nKey="timeline.by" values={{ name: event.userName }} components={{ bdi: <bdi /> }} />
                      </span>
                    </>
                  ) : null}
                </p>
                <EventDetails type={event.type} details={event.details} />
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

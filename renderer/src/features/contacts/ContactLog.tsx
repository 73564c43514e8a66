// DOM. The contacts themselves: what is planned (with "record as held" and "cancel"), the log of
// what happened (with the child's and the family's words), and the refusals on record.
import { useTranslation } from 'react-i18next';
import type { Contact, Refusal } from '@shared/contacts/contract';
import { Button } from '../../ui/Button';
import { useDayFormat } from '../../ui/format';
import { Badge, type Tone } from '../../ui/misc';
import { useDurationFormat } from './formKit';

const outcomeTone: Record<NonNullable<Contact['outcome']>, Tone> = {
  successful: 'success',
  partly_successful: 'warning',
  unsuccessful: 'danger',
};

function Detail({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <div className="contact-entry__detail">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function ContactEntry({
  contact,
  canWrite,
  onRecord,
  onCancel,
}: {
  contact: Contact;
  canWrite: boolean;
  onRecord: (contact: Contact) => void;
  onCancel: (contact: Contact) => void;
}) {
  const { t } = useTranslation('contacts');
  const day = useDayFormat();
  const duration = useDurationFormat();
  const date = contact.status === 'held' ? contact.heldOn : contact.plannedFor;
  const headingId = `contact-${contact.id}`;
  return (
    <li className={`contact-entry contact-entry--${contact.status}`} aria-labelledby={headingId}>
      <div className="contact-entry__header">
        <h4 className="contact-entry__title" id={headingId}>
          {t(`kinds.${contact.kind}`)}
          {contact.mode ? <span className="muted"> · {t(`modes.${contact.mode}`)}</span> : null}
        </h4>
        <span className="contact-entry__date">{day(date)}</span>
        <span className="contact-entry__badges">
          <Badge tone={contact.status === 'cancelled' ? 'neutral' : contact.status === 'planned' ? 'info' : 'success'}>{t(`statuses.${contact.status}`)}</Badge>
          {contact.outcome ? <Badge tone={outcomeTone[contact.outcome]}>{t(`outcomes.${contact.outcome}`)}</Badge> : null}
        </span>
      </div>
      <dl className="contact-entry__details pair-list">
        <Detail label={contact.kind === 'sibling_contact' ? t('fields.sibling') : t('fields.withWhom')} value={contact.withWhom} />
        <Detail label={t('fields.place')} value={contact.place} />
        <Detail label={t('fields.duration')} value={contact.durationMinutes ? duration(contact.durationMinutes) : null} />
        <Detail label={t('fields.purpose')} value={contact.purpose} />
        <Detail label={t('fields.childFeedback')} value={contact.childFeedback} />
        <Detail label={t('fields.familyFeedback')} value={contact.familyFeedback} />
        <Detail label={t('fields.observations')} value={contact.observations} />
        <Detail label={t('fields.concerns')} value={contact.concerns} />
        <Detail label={t('fields.cancelReason')} value={contact.cancelReason} />
        <Detail label={t('fields.recordedBy')} value={contact.recordedByName} />
      </dl>
      {canWrite && contact.status !== 'cancelled' ? (
        <div className="row row--end">
          {contact.status === 'planned' ? (
            <>
              <Button size="sm" variant="ghost" onClick={() => onCancel(contact)} aria-describedby={headingId}>
                {t('actions.cancel')}
              </Button>
              <Button size="sm" variant="primary" onClick={() => onRecord(contact)} aria-describedby={headingId}>
                {t('actions.recordHeld')}
              </Button>
            </>
          ) : (
            <Button size="sm" onClick={() => onRecord(contact)} aria-describedby={headingId}>
              {t('actions.correct')}
            </Button>
          )}
        </div>
      ) : null}
    </li>
  );
}

export function ContactList({
  title,
  empty,
  contacts,
  canWrite,
  onRecord,
  onCancel,
}: {
  title: string;
  empty: string;
  contacts: Contact[];
  canWrite: boolean;
  onRecord: (contact: Contact) => void;
  onCancel: (contact: Contact) => void;
}) {
  return (
    <section className="card" aria-label={title}>
      <div className="card__header">
        <h3 className="card__title">{title}</h3>
      </div>
      {contacts.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="contact-list stacked-list">
          {contacts.map((contact) => (
            <ContactEntry key={contact.id} contact={contact} canWrite={canWrite} onRecord={onRecord} onCancel={onCancel} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function RefusalList({ refusals }: { refusals: Refusal[] }) {
  const { t } = useTranslation('contacts');
  const day = useDayFormat();
  if (refusals.length === 0) return null;
  return (
    <section className="card" aria-labelledby="contact-refusals-title">
      <div className="card__header">
        <h3 className="card__title" id="contact-refusals-title">
          {t('refusal.listTitle')}
        </h3>
      </div>
      <ul className="contact-list stacked-list">
        {refusals.map((refusal) => (
          <li key={refusal.id} className="contact-entry contact-entry--refusal">
            <div className="contact-entry__header">
              <h4 className="contact-entry__title">{t(`refusal.by.${refusal.refusedBy}`)}</h4>
              <span className="contact-entry__date">{day(refusal.refusedOn)}</span>
            </div>
            <dl className="contact-entry__details pair-list">
              <Detail label={t('refusal.who')} value={refusal.who} />
              <Detail label={t('refusal.reasons')} value={refusal.reasons} />
              <Detail label={t('refusal.childViews')} value={refusal.childViews} />
              <Detail label={t('fields.recordedBy')} value={refusal.recordedByName} />
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}

// DOM. The reunification record as read: who stated their willingness (and whether it is signed),
// guardianship, the child's own choices, the package, enrolments and the handover.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReunificationRecord } from '@shared/reunification/contract';
import { Button } from '../../ui/Button';
import { useDayFormat } from '../../ui/format';
import { Badge } from '../../ui/misc';
import { Table } from '../../ui/Table';
import { ViewDialog } from './WillingnessDocument';

function Item({ label, value, always = false }: { label: string; value: string | null | undefined; always?: boolean }) {
  if (!value && !always) return null;
  return (
    <div className="summary-list__item">
      <dt>{label}</dt>
      <dd>{value ? value : <span className="muted">—</span>}</dd>
    </div>
  );
}

export function RecordSummary({ record }: { record: ReunificationRecord }) {
  const { t } = useTranslation('reunification');
  const day = useDayFormat();
  const document = record.willingness.document;
  const [viewing, setViewing] = useState(false);
  return (
    <div className="stack">
      <section className="card" aria-labelledby="reunification-summary-title">
        <div className="card__header">
          <h3 className="card__title" id="reunification-summary-title">
            {t('summary.title', { date: day(record.reunifiedOn) })}
          </h3>
          {record.complete ? <Badge tone="success">{t('summary.complete')}</Badge> : <Badge tone="warning">{t('summary.incomplete')}</Badge>}
        </div>
        <dl className="summary-list pair-list">
          <Item label={t('fields.statedBy')} value={record.willingness.statedBy} always />
          <Item label={t('fields.statedOn')} value={record.willingness.statedOn ? day(record.willingness.statedOn) : null} />
          <Item label={t('willingness.document')} value={document ? t(`willingness.kinds.${document.kind}`) : t('willingness.none')} />
          <Item label={t('fields.statement')} value={record.willingness.statement} />
          <Item label={t('fields.guardianFrom')} value={record.guardianship.from} />
          <Item label={t('fields.guardianTo')} value={record.guardianship.to} />
          <Item label={t('fields.transferredOn')} value={record.guardianship.transferredOn ? day(record.guardianship.transferredOn) : null} />
          <Item label={t('fields.reference')} value={record.guardianship.reference} />
          <Item label={t('fields.accompaniedBy')} value={record.accompaniedBy} />
          <Item label={t('fields.childChoices')} value={record.childChoices} />
          <Item
            always
            label={t('sections.handover')}
            value={record.handover ? t('handover.previous', { from: record.handover.fromName ?? '—', to: record.handover.toName ?? '—' }) : t('handover.noneDone')}
          />
          <Item label={t('fields.handoverNotes')} value={record.handoverNotes} />
          <Item label={t('fields.notes')} value={record.notes} />
          <Item label={t('summary.recordedBy')} value={record.recordedByName} />
        </dl>
        {document ? (
          <div className="row">
            <Button size="sm" onClick={() => setViewing(true)}>
              {t('willingness.view')}
            </Button>
          </div>
        ) : null}
        {viewing ? <ViewDialog caseId={record.caseId} onClose={() => setViewing(false)} /> : null}
      </section>
      <Table
        label={t('sections.package')}
        caption={t('sections.package')}
        columns={[
          { key: 'item', header: t('fields.item'), cell: (r) => r.item, rowHeader: true },
          { key: 'quantity', header: t('fields.quantity'), cell: (r) => r.quantity },
          { key: 'providedBy', header: t('fields.providedBy'), cell: (r) => r.providedBy || '—' },
        ]}
        rows={record.packageItems}
        rowKey={(r) => `${r.item}-${r.quantity}-${r.providedBy}`}
        empty={t('package.empty')}
      />
      <Table
        label={t('sections.enrolments')}
        caption={t('sections.enrolments')}
        columns={[
          { key: 'service', header: t('fields.service'), cell: (r) => (r.service === 'other' ? r.serviceOther : t(`services.${r.service}`)), rowHeader: true },
          { key: 'provider', header: t('fields.provider'), cell: (r) => r.provider || '—' },
          { key: 'enrolledOn', header: t('fields.enrolledOn'), cell: (r) => day(r.enrolledOn) },
          { key: 'notes', header: t('fields.enrolmentNotes'), cell: (r) => r.notes || '—' },
        ]}
        rows={record.enrolments}
        rowKey={(r) => `${r.service}-${r.provider}-${r.enrolledOn}`}
        empty={t('enrolments.empty')}
      />
    </div>
  );
}

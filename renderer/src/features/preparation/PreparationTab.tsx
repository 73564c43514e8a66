// DOM. Stage 2, preparation: where the child waits (as close to home as possible), what must be
// ready by area (a default checklist in one click), and who will monitor after reunification. What
// still blocks the move to reunification is said at the top.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '@shared/cases/contract';
import type { PreparationItem } from '@shared/preparation/contract';
import { defaultPreparationItems, preparationAreas, unfinishedItemStatuses, type PreparationArea, type PreparationItemStatus } from '@shared/preparation/schemas';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { todayUtc, useDayFormat } from '../../ui/format';
import { Alert, Badge, Card, ErrorAlert, Loading, type Tone } from '../../ui/misc';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';
import { useKilometres } from '../plans/kit';
import { CareDialog, ItemDialog, MonitorDialog } from './PreparationDialogs';
import { usePreparation, usePreparationMutation } from './queries';
import '../plans/plans.css';

const statusTone: Record<PreparationItemStatus, Tone> = { open: 'warning', in_progress: 'info', done: 'success', not_applicable: 'neutral' };

function RemoveItemDialog({ caseFile, item, onClose }: { caseFile: CaseFile; item: PreparationItem | null; onClose: () => void }) {
  const { t } = useTranslation(['preparation', 'common']);
  const remove = usePreparationMutation(caseFile.id, 'preparation.removeItem');
  return (
    <Dialog open={item !== null} onClose={onClose} role="alertdialog" size="sm" title={t('items.removeTitle')} description={t('items.removeDescription')}>
      <ErrorAlert error={remove.error} />
      <div className="dialog__footer">
        <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
        <Button variant="danger" busy={remove.isPending} onClick={() => item && remove.mutate({ itemId: item.id }, { onSuccess: onClose })}>
          {t('items.remove')}
        </Button>
      </div>
    </Dialog>
  );
}

export default function PreparationTab({ caseFile }: { caseFile: CaseFile }) {
  const { t } = useTranslation('preparation');
  const day = useDayFormat();
  const km = useKilometres();
  const toast = useToast();
  const data = usePreparation(caseFile.id);
  const addDefaults = usePreparationMutation(caseFile.id, 'preparation.addDefaultItems');
  const [careOpen, setCareOpen] = useState(false);
  const [monitorOpen, setMonitorOpen] = useState(false);
  const [editing, setEditing] = useState<{ item: PreparationItem | null; area: PreparationArea } | null>(null);
  const [removing, setRemoving] = useState<PreparationItem | null>(null);

  if (data.isPending) return <Loading />;
  if (data.isError) return <ErrorAlert error={data.error} />;
  const { careArrangement: care, careHistory, items, openItems, monitor } = data.data;
  const canWrite = caseFile.canWrite;
  const today = todayUtc();
  const blocking = caseFile.next.blocked.filter((g) => g.tab === 'preparation').map((g) => g.id);
  const present = new Set(items.map((i) => i.templateKey).filter(Boolean));
  const defaultsMissing = defaultPreparationItems.some((d) => !present.has(d.key));
  const describe = (item: PreparationItem) => item.description || (item.templateKey ? t(`defaults.${item.templateKey}`) : '');

  return (
    <div className="stack">
      {caseFile.stage === 'preparation' && blocking.length > 0 ? (
        <Alert tone="warning" title={t('gate.title')} live={false}>
          <ul className="plain-list">
            {blocking.map((id) => (
              <li key={id}>{t(`gate.${id}`)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <Card
        title={t('care.title')}
        actions={canWrite ? <Button onClick={() => setCareOpen(true)}>{care ? t('care.change') : t('care.record')}</Button> : null}
      >
        {care ? (
          <div className="stack">
            <dl className="plan-facts">
              <dt>{t('care.arrangement')}</dt>
              <dd>{t(`arrangements.${care.arrangement}`)}</dd>
              <dt>{t('care.place')}</dt>
              <dd>{care.place}</dd>
              <dt>{t('care.distance')}</dt>
              <dd>{care.distanceKm !== null ? km(care.distanceKm) : '—'}</dd>
              <dt>{t('care.since')}</dt>
              <dd>{day(care.since)}</dd>
              <dt>{t('care.closeToHomeShort')}</dt>
              <dd>{care.closeToHome ? <Badge tone="success">{t('care.closeToHomeYes')}</Badge> : <Badge tone="warning">{t('care.closeToHomeNo')}</Badge>}</dd>
              {care.confidential ? (
                <dd>
                  <Badge tone="danger">{t('fields.confidential')}</Badge>
                </dd>
              ) : null}
              {care.notes ? (
                <>
                  <dt>{t('care.notes')}</dt>
                  <dd className="plan-text">{care.notes}</dd>
                </>
              ) : null}
            </dl>
            {careHistory.length > 0 ? (
              <details>
                <summary>{t('care.history', { count: careHistory.length })}</summary>
                <ul className="plan-progress">
                  {careHistory.map((c) => (
                    <li key={c.id}>
                      {day(c.since)} · {t(`arrangements.${c.arrangement}`)} · {c.place}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </div>
        ) : (
          <p className="muted">{t('care.none')}</p>
        )}
      </Card>

      <Card
        title={t('items.title')}
        actions={
          canWrite ? (
            <div className="row">
              {defaultsMissing ? (
                <Button
                  busy={addDefaults.isPending}
                  onClick={() => addDefaults.mutate({}, { onSuccess: (result) => toast.show(t('items.defaultsAdded', { count: result.added })) })}
                >
                  {t('items.addDefaults')}
                </Button>
              ) : null}
              <Button variant="primary" onClick={() => setEditing({ item: null, area: 'other' })}>
                {t('items.add')}
              </Button>
            </div>
          ) : null
        }
      >
        <p role="status">{items.length === 0 ? t('items.none') : t('items.openCount', { count: openItems })}</p>
        <ErrorAlert error={addDefaults.error} />
        {preparationAreas
          .filter((area) => items.some((i) => i.area === area))
          .map((area) => (
            <section key={area} className="prep-area" aria-labelledby={`prep-area-${area}`}>
              <h3 id={`prep-area-${area}`}>{t(`areas.${area}`)}</h3>
              <Table
                caption={t(`areas.${area}`)}
                captionHidden
                label={t(`areas.${area}`)}
                rows={items.filter((i) => i.area === area)}
                rowKey={(i) => i.id}
                columns={[
                  { key: 'description', header: t('items.description'), cell: (i) => describe(i), rowHeader: true },
                  { key: 'owner', header: t('items.owner'), cell: (i) => i.owner || '—' },
                  {
                    key: 'due',
                    header: t('items.dueDate'),
                    className: 'cell-nowrap',
                    cell: (i) =>
                      i.dueDate && i.dueDate < today && unfinishedItemStatuses.includes(i.status) ? (
                        <span className="due-late">
                          {day(i.dueDate)} <span className="visually-hidden">({t('items.late')})</span>
                        </span>
                      ) : (
                        day(i.dueDate)
                      ),
                  },
                  { key: 'status', header: t('items.status'), cell: (i) => <Badge tone={statusTone[i.status]}>{t(`statuses.${i.status}`)}</Badge> },
                  { key: 'notes', header: t('items.notes'), cell: (i) => i.notes || '—' },
                  ...(canWrite
                    ? [
                        {
                          key: 'actions',
                          header: <span className="visually-hidden">{t('items.actions')}</span>,
                          className: 'cell-actions',
                          cell: (i: PreparationItem) => (
                            <div className="row-actions">
                              <Button size="sm" variant="ghost" onClick={() => setEditing({ item: i, area: i.area })} aria-label={t('items.editNamed', { item: describe(i) })}>
                                {t('items.edit')}
                              </Button>
                              <Button size="sm" variant="ghost" onClick={() => setRemoving(i)} aria-label={t('items.removeNamed', { item: describe(i) })}>
                                {t('items.remove')}
                              </Button>
                            </div>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </section>
          ))}
      </Card>

      <Card
        title={t('monitor.title')}
        actions={canWrite ? <Button onClick={() => setMonitorOpen(true)}>{monitor ? t('monitor.change') : t('monitor.set')}</Button> : null}
      >
        {monitor ? (
          <dl className="plan-facts">
            <dt>{t('monitor.name')}</dt>
            <dd>{monitor.name}</dd>
            <dt>{t('monitor.role')}</dt>
            <dd>{t(`roles.${monitor.role}`)}</dd>
            <dt>{t('monitor.contact')}</dt>
            <dd>{monitor.contact || '—'}</dd>
            <dt>{t('monitor.agreedOn')}</dt>
            <dd>{day(monitor.agreedOn)}</dd>
            {monitor.notes ? (
              <>
                <dt>{t('monitor.notes')}</dt>
                <dd className="plan-text">{monitor.notes}</dd>
              </>
            ) : null}
          </dl>
        ) : (
          <p className="muted">{t('monitor.none')}</p>
        )}
      </Card>

      <CareDialog caseFile={caseFile} current={care} open={careOpen} onClose={() => setCareOpen(false)} />
      <ItemDialog caseFile={caseFile} editing={editing} onClose={() => setEditing(null)} />
      <MonitorDialog caseFile={caseFile} current={monitor} open={monitorOpen} onClose={() => setMonitorOpen(false)} />
      <RemoveItemDialog caseFile={caseFile} item={removing} onClose={() => setRemoving(null)} />
    </div>
  );
}

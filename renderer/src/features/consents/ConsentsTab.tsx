// DOM. Consent and assent on record: which purposes an active consent covers now (what referrals
// and transfers will ask), every consent with who gave it, how and when, its scanned form, and its
// withdrawal — a withdrawn consent stays on the list, marked so.
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '@shared/cases/contract';
import { consentPurposes, type Consent } from '@shared/consents/contract';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FieldErrorNamespace } from '../../ui/form/fields';
import { useDayFormat } from '../../ui/format';
import { Badge, Card, ErrorAlert, Loading } from '../../ui/misc';
import { networkKeys, useListFormat } from '../family/kit';
import { DocumentViewer } from '../notes/DocumentViewer';
import { ConsentForm } from './ConsentForm';
import { WithdrawConsentDialog } from './WithdrawConsentDialog';
import '../family/network.css';
import { useResumeOnUnlock } from '../../ui/useResumeOnUnlock';
import { userTextDir } from '../../ui/UserText';

export default function ConsentsTab({ caseFile }: { caseFile: CaseFile }) {
  const { t, i18n } = useTranslation(['consents', 'family']);
  const day = useDayFormat();
  const list = useListFormat();
  const headingId = useId();
  const [recording, setRecording] = useState(false);
  useResumeOnUnlock(`case:${caseFile.id}:consents:record`, () => setRecording(true));
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const [viewing, setViewing] = useState<{ id: string; title: string } | null>(null);
  const consents = useQuery({ queryKey: networkKeys.consents(caseFile.id), queryFn: () => call('consents.list', { caseId: caseFile.id }) });

  if (consents.isPending) return <Loading />;
  if (consents.isError) return <ErrorAlert error={consents.error} />;
  const records = consents.data;
  const covered = consentPurposes.filter((p) => p !== 'other' && records.some((c) => c.active && c.purposes.includes(p)));
  const uncovered = consentPurposes.filter((p) => p !== 'other' && !covered.includes(p));
  const purposeText = (c: Consent) =>
    list(c.purposes.map((p) => (p === 'other' && c.purposeOther ? c.purposeOther : t(`purposes.${p}`))));
  // A relationship taken from the family tab is stored as its code; one typed in is shown as typed.
  const relationshipLabel = (c: Consent) => {
    for (const key of [`family:relationships.${c.relationship}`, `family:roles.${c.relationship}`]) {
      if (c.relationship && i18n.exists(key)) return t(key as never);
    }
    return c.relationship || t(`givers.${c.givenBy}`);
  };
  const giver = (c: Consent) =>
    c.givenBy === 'child' ? t('givers.child') : t('givenByNamed', { name: c.giverName || t(`givers.${c.givenBy}`), relationship: relationshipLabel(c) });

  return (
    <FieldErrorNamespace ns="consents">
      <div className="stack">
        <Card
          title={<span id={headingId}>{t('title')}</span>}
          actions={
            caseFile.canWrite ? (
              <Button variant="primary" onClick={() => setRecording(true)}>
                {t('record')}
              </Button>
            ) : null
          }
        >
          <p className="muted">{t('description')}</p>
          <div className="network-section" role="status">
            <p>
              <strong>{t('coverage.covered')}</strong>{' '}
              {covered.length > 0 ? (
                <span className="network-badges">
                  {covered.map((p) => (
                    <Badge key={p} tone="success">
                      {t(`purposes.${p}`)}
                    </Badge>
                  ))}
                </span>
              ) : (
                t('coverage.none')
              )}
            </p>
            {uncovered.length > 0 ? (
              <p className="muted">{t('coverage.missing', { purposes: list(uncovered.map((p) => t(`purposes.${p}`))) })}</p>
            ) : null}
          </div>

          <section className="network-section" aria-labelledby={`${headingId}-list`}>
            <h3 className="network-section__title" id={`${headingId}-list`}>
              {t('listTitle')}
            </h3>
            {records.length === 0 ? (
              <p className="muted">{t('empty')}</p>
            ) : (
              <ul className="network-list stacked-list">
                {records.map((c) => (
                  <li key={c.id} className={c.active ? 'network-item' : 'network-item network-item--muted'}>
                    <div className="network-item__head">
                      <h4 className="network-item__title">
                        {t(`kinds.${c.kind}`)} — {giver(c)}
                        <span className="network-badges">
                          {c.active ? <Badge tone="success">{t('active')}</Badge> : <Badge tone="warning">{t('withdrawn')}</Badge>}
                        </span>
                      </h4>
                      {caseFile.canWrite && c.active ? (
                        <Button size="sm" variant="ghost" onClick={() => setWithdrawing(c)} aria-label={t('withdraw.label', { kind: t(`kinds.${c.kind}`), date: day(c.date) })}>
                          {t('withdraw.submit')}
                        </Button>
                      ) : null}
                    </div>
                    <dl className="network-details">
                      <div className="network-details__pair">
                        <dt>{t('fields.purposes')}</dt>
                        <dd>{purposeText(c)}</dd>
                      </div>
                      <div className="network-details__pair">
                        <dt>{t('fields.method')}</dt>
                        <dd>{t(`methods.${c.method}`)}</dd>
                      </div>
                      <div className="network-details__pair">
                        <dt>{t('fields.date')}</dt>
                        <dd>{day(c.date)}</dd>
                      </div>
                      {c.documentId ? (
                        <div className="network-details__pair">
                          <dt>{t('fields.document')}</dt>
                          <dd>
                            {c.documentTitle ? (
                              <button type="button" className="link-button" onClick={() => setViewing({ id: c.documentId!, title: c.documentTitle! })}>
                                {c.documentTitle}
                              </button>
                            ) : (
                              t('documentRemoved')
                            )}
                          </dd>
                        </div>
                      ) : null}
                      {c.notes ? (
                        <div className="network-details__pair">
                          <dt>{t('fields.notes')}</dt>
                          <dd className="network-note-text" {...userTextDir}>{c.notes}</dd>
                        </div>
                      ) : null}
                      {c.withdrawal ? (
                        <div className="network-details__pair">
                          <dt>{t('withdrawn')}</dt>
                          <dd>{t('withdrawnOn', { date: day(c.withdrawal.date), reason: c.withdrawal.reason })}</dd>
                        </div>
                      ) : null}
                    </dl>
                    <p className="network-item__meta">{t('recordedBy', { name: c.recordedByName ?? '—', date: day(c.recordedAt) })}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </Card>
        <Dialog open={recording} onClose={() => setRecording(false)} title={t('record')}>
          {recording ? <ConsentForm caseFile={caseFile} onClose={() => setRecording(false)} /> : null}
        </Dialog>
        {withdrawing ? <WithdrawConsentDialog caseFile={caseFile} consent={withdrawing} onClose={() => setWithdrawing(null)} /> : null}
        {viewing ? <DocumentViewer caseId={caseFile.id} document={viewing} onClose={() => setViewing(null)} /> : null}
      </div>
    </FieldErrorNamespace>
  );
}

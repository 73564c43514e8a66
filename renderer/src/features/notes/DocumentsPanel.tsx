// DOM. The documents attached to the case (metadata only until one is opened), with upload, an
// audited viewer, and soft removal with a reason; removed documents can be listed again.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '@shared/cases/contract';
import type { DocumentMeta } from '@shared/notes/contract';
import { call } from '../../api';
import { useInvalidateCase } from '../../app/caseCache';
import { Button } from '../../ui/Button';
import { formatBytes } from '../../ui/files';
import { CheckboxField } from '../../ui/form/fields';
import { useDayFormat } from '../../ui/format';
import { Badge, Card, ErrorAlert, Loading } from '../../ui/misc';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';
import { networkKeys } from '../family/kit';
import { DocumentViewer } from './DocumentViewer';
import { UploadDocumentDialog } from './UploadDocumentDialog';

const typeLabel: Record<string, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WEBP' };

function RemoveDocumentDialog({ caseFile, document, onClose }: { caseFile: CaseFile; document: DocumentMeta; onClose: () => void }) {
  const { t } = useTranslation(['notes', 'common']);
  const toast = useToast();
  const invalidate = useInvalidateCase(caseFile.id);
  const remove = useMutation({
    mutationFn: (reason: string) => call('notes.removeDocument', { caseId: caseFile.id, documentId: document.id, reason: reason.trim() }),
    onSuccess: () => {
      invalidate();
      toast.show(t('documents.removed'));
      onClose();
    },
  });
  return (
    <ReasonDialog
      title={t('documents.removeTitle', { title: document.title })}
      description={t('documents.removeDescription')}
      reasonLabel={t('documents.removeReason')}
      submit={t('documents.remove')}
      maxLength={2000}
      busy={remove.isPending}
      error={remove.error}
      onConfirm={(reason) => remove.mutate(reason)}
      onClose={onClose}
    />
  );
}

export function DocumentsPanel({ caseFile }: { caseFile: CaseFile }) {
  const { t, i18n } = useTranslation('notes');
  const day = useDayFormat();
  const headingId = useId();
  const [showRemoved, setShowRemoved] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [viewing, setViewing] = useState<DocumentMeta | null>(null);
  const [removing, setRemoving] = useState<DocumentMeta | null>(null);
  const documents = useQuery({
    queryKey: networkKeys.documents(caseFile.id, showRemoved),
    queryFn: () => call('notes.listDocuments', { caseId: caseFile.id, includeRemoved: showRemoved }),
    placeholderData: (previous) => previous,
  });

  return (
    <Card
      title={<span id={headingId}>{t('documents.heading')}</span>}
      actions={caseFile.canWrite ? <Button onClick={() => setUploading(true)}>{t('documents.upload')}</Button> : null}
    >
      <p className="muted">{t('documents.description')}</p>
      <CheckboxField label={t('documents.showRemoved')} checked={showRemoved} onChange={(e) => setShowRemoved(e.target.checked)} />
      {documents.isPending ? <Loading /> : null}
      <ErrorAlert error={documents.error} />
      {documents.data ? (
        <Table
          caption={t('documents.heading')}
          captionHidden
          label={t('documents.heading')}
          rows={documents.data}
          rowKey={(d) => d.id}
          empty={t('documents.empty')}
          columns={[
            {
              key: 'title',
              header: t('documents.title'),
              rowHeader: true,
              cell: (d) => (
                <>
                  {d.removed ? (
                    d.title
                  ) : (
                    <button type="button" className="link-button" onClick={() => setViewing(d)}>
                      {d.title}
                    </button>
                  )}
                  {d.removed ? (
                    <>
                      <span className="network-badges">
                        <Badge tone="warning">{t('documents.removedBadge')}</Badge>
                      </span>
                      <span className="network-sub">{t('documents.removedBecause', { reason: d.removed.reason })}</span>
                    </>
                  ) : null}
                </>
              ),
            },
            { key: 'kind', header: t('documents.kind'), cell: (d) => t(`documentKinds.${d.kind}`) },
            { key: 'type', header: t('documents.type'), cell: (d) => `${typeLabel[d.mime] ?? d.mime} · ${formatBytes(d.sizeBytes, i18n.language)}`, className: 'cell-nowrap' },
            { key: 'uploaded', header: t('documents.uploadedBy'), cell: (d) => `${d.uploadedByName ?? '—'} · ${day(d.uploadedAt)}` },
            ...(caseFile.canWrite
              ? [
                  {
                    key: 'actions',
                    header: <span className="visually-hidden">{t('rowActions')}</span>,
                    className: 'cell-actions',
                    cell: (d: DocumentMeta) =>
                      d.removed ? null : (
                        <Button size="sm" variant="ghost" onClick={() => setRemoving(d)} aria-label={t('documents.removeTitle', { title: d.title })}>
                          {t('documents.remove')}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      ) : null}
      {uploading ? <UploadDocumentDialog caseFile={caseFile} onClose={() => setUploading(false)} /> : null}
      {viewing ? <DocumentViewer caseId={caseFile.id} document={viewing} onClose={() => setViewing(null)} /> : null}
      {removing ? <RemoveDocumentDialog caseFile={caseFile} document={removing} onClose={() => setRemoving(null)} /> : null}
    </Card>
  );
}

// DOM. Opens one document of the case (each opening is an audited view in the core): images are
// shown, PDFs offered for download; either way the bytes live in an object URL that is revoked
// when the viewer closes, and the query is not cached. A download is recorded by the core before it
// starts, and the viewer says that the file on disk will not be encrypted.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentMeta } from '@shared/notes/contract';
import { call } from '../../api';
import { Dialog } from '../../ui/Dialog';
import { Button } from '../../ui/Button';
import { auditedDownload } from '../../ui/download';
import { base64ToBlob } from '../../ui/files';
import { Alert, ErrorAlert, Loading } from '../../ui/misc';
import '../family/network.css';

export function DocumentViewer({ caseId, document, onClose }: { caseId: string; document: Pick<DocumentMeta, 'id' | 'title'>; onClose: () => void }) {
  const { t } = useTranslation(['notes', 'common']);
  const file = useQuery({
    queryKey: ['case', caseId, 'notes', 'document', document.id],
    queryFn: () => call('notes.getDocument', { caseId, documentId: document.id }),
    gcTime: 0,
    staleTime: 0,
    retry: false,
  });
  const [url, setUrl] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    if (!file.data) return undefined;
    const objectUrl = URL.createObjectURL(base64ToBlob(file.data.dataBase64, file.data.mime));
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [file.data]);

  const data = file.data;
  const downloadName = data ? data.fileName || `${data.title}.${data.mime === 'application/pdf' ? 'pdf' : data.mime.split('/')[1]}` : '';
  return (
    <Dialog open onClose={onClose} title={document.title}>
      {file.isPending ? <Loading /> : null}
      <ErrorAlert error={file.error} />
      {data && url ? (
        <div className="stack">
          {data.mime.startsWith('image/') ? (
            <img className="network-preview" src={url} alt={t('documents.previewOf', { title: data.title })} />
          ) : (
            <p>{t('documents.pdfHint')}</p>
          )}
          <Alert tone="warning" live={false}>
            {t('common:download.unencrypted')}
          </Alert>
          <ErrorAlert error={failure} />
          <div className="dialog__footer">
            <Button
              variant="primary"
              busy={downloading}
              onClick={() => {
                setDownloading(true);
                setFailure(null);
                auditedDownload({ caseId, kind: 'document', itemId: document.id }, base64ToBlob(data.dataBase64, data.mime), downloadName)
                  .catch(setFailure)
                  .finally(() => setDownloading(false));
              }}
            >
              {t('documents.download')}
            </Button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}

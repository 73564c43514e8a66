// DOM. The caregivers' written willingness to resume care: what is on file, and how to add one —
// a signature drawn on screen, or a scanned statement (image or PDF) checked by its first bytes
// before it is sent. Only the form's text is kept in drafts; a file is chosen again if lost.
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReunificationRecord, WillingnessDocument } from '@shared/reunification/contract';
import { maxDocumentBytes, sniffDocumentMime } from '@shared/reunification/files';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { auditedDownload } from '../../ui/download';
import { base64ToBlob, dataUrl, readAsBase64 } from '../../ui/files';
import { FieldError } from '../../ui/form/fields';
import { useDayFormat } from '../../ui/format';
import { Alert, ErrorAlert, Loading } from '../../ui/misc';
import { useWillingnessDocument } from './queries';
import { SignaturePad } from './SignaturePad';

type OnFile = ReunificationRecord['willingness']['document'];

/** Reads a scan, refusing what is too large or not the image/PDF it claims to be. */
async function documentFromFile(file: File): Promise<WillingnessDocument> {
  if (file.size > maxDocumentBytes) throw new Error('fileTooLarge');
  const mime = sniffDocumentMime(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
  if (!mime) throw new Error('fileType');
  return { kind: 'document', mime, dataBase64: await readAsBase64(file) };
}

const sizeText = (bytes: number, language: string) =>
  new Intl.NumberFormat(language, { style: 'unit', unit: bytes >= 1024 * 1024 ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 }).format(
    bytes >= 1024 * 1024 ? bytes / (1024 * 1024) : Math.max(1, bytes / 1024),
  );

/** Shows the stored statement: images inline, a PDF as a file to download (recorded, and warned). */
export function ViewDialog({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const { t } = useTranslation(['reunification', 'common']);
  const document = useWillingnessDocument(caseId, true);
  const [failure, setFailure] = useState<unknown>(null);
  const [downloading, setDownloading] = useState(false);
  const pdf = document.data && document.data.mime === 'application/pdf' ? document.data : null;
  const download = () => {
    if (!pdf) return;
    setDownloading(true);
    setFailure(null);
    auditedDownload({ caseId, kind: 'willingness' }, base64ToBlob(pdf.dataBase64, 'application/pdf'), 'willingness-statement.pdf')
      .catch(setFailure)
      .finally(() => setDownloading(false));
  };
  return (
    <Dialog open onClose={onClose} title={t('willingness.viewTitle')}>
      {document.isPending ? <Loading /> : null}
      <ErrorAlert error={document.error} />
      {document.data && document.data.mime !== 'application/pdf' ? (
        <img className="willingness__image" src={dataUrl(document.data)} alt={t(`willingness.kinds.${document.data.kind}`)} />
      ) : null}
      {pdf ? (
        <div className="stack">
          <Alert tone="warning" live={false}>
            {t('common:download.unencrypted')}
          </Alert>
          <ErrorAlert error={failure} />
          <p>
            <Button busy={downloading} onClick={download}>
              {t('willingness.downloadPdf')}
            </Button>
          </p>
        </div>
      ) : null}
      {document.data === null ? <p className="muted">{t('willingness.none')}</p> : null}
    </Dialog>
  );
}

export function WillingnessDocumentField({
  caseId,
  onFile,
  value,
  onChange,
  serverError,
  disabled,
}: {
  caseId: string;
  onFile: OnFile;
  /** undefined keeps what is on file, null removes it, a value replaces it. */
  value: WillingnessDocument | null | undefined;
  onChange: (value: WillingnessDocument | null | undefined) => void;
  serverError?: string;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation('reunification');
  const day = useDayFormat();
  const inputId = useId();
  const [drawing, setDrawing] = useState(false);
  const [viewing, setViewing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    setBusy(true);
    try {
      onChange(await documentFromFile(file));
    } catch (error) {
      setProblem(error instanceof Error && error.message === 'fileTooLarge' ? 'fileTooLarge' : 'fileType');
    } finally {
      setBusy(false);
    }
  };

  const error = problem ?? serverError;
  return (
    <div className="field willingness" role="group" aria-labelledby={`${inputId}-title`}>
      <p className="field__label" id={`${inputId}-title`}>
        {t('willingness.document')}
      </p>
      <p className="field__description">{t('willingness.documentHelp')}</p>
      <div className="willingness__status" aria-live="polite">
        {value ? (
          <p>
            {value.kind === 'signature' ? t('willingness.newSignature') : t('willingness.newDocument')}
            {value.kind === 'signature' || value.mime !== 'application/pdf' ? (
              <img className="willingness__thumb" src={dataUrl(value)} alt="" />
            ) : null}
          </p>
        ) : value === null && onFile ? (
          <p>{t('willingness.willRemove')}</p>
        ) : onFile ? (
          <p>
            {t('willingness.onFile', {
              kind: t(`willingness.kinds.${onFile.kind}`),
              size: sizeText(onFile.bytes, i18n.language),
              date: day(onFile.updatedAt),
            })}
          </p>
        ) : (
          <p className="muted">{t('willingness.none')}</p>
        )}
      </div>
      {drawing ? (
        <SignaturePad
          onCancel={() => setDrawing(false)}
          onDone={(dataBase64) => {
            onChange({ kind: 'signature', mime: 'image/png', dataBase64 });
            setProblem(null);
            setDrawing(false);
          }}
        />
      ) : (
        <div className="row willingness__actions">
          {onFile && value === undefined ? (
            <Button size="sm" onClick={() => setViewing(true)}>
              {t('willingness.view')}
            </Button>
          ) : null}
          {!disabled ? (
            <>
              <Button size="sm" onClick={() => setDrawing(true)}>
                {t('willingness.draw')}
              </Button>
              <Button size="sm" busy={busy} onClick={() => fileInput.current?.click()}>
                {t('willingness.attach')}
              </Button>
              <input
                ref={fileInput}
                hidden
                tabIndex={-1}
                aria-hidden="true"
                type="file"
                accept="image/png,image/jpeg,image/webp,application/pdf"
                onChange={(event) => {
                  void pick(event.target.files?.[0]);
                  event.target.value = '';
                }}
              />
              {value !== undefined ? (
                <Button size="sm" variant="ghost" onClick={() => onChange(undefined)}>
                  {t('willingness.undo')}
                </Button>
              ) : onFile ? (
                <Button size="sm" variant="ghost" onClick={() => onChange(null)}>
                  {t('willingness.remove')}
                </Button>
              ) : null}
            </>
          ) : null}
        </div>
      )}
      <FieldError error={error ? { message: error } : undefined} />
      {viewing ? <ViewDialog caseId={caseId} onClose={() => setViewing(false)} /> : null}
    </div>
  );
}

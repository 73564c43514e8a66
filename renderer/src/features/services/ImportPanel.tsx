// DOM. CSV import with a preview first: every row's problems are listed before anything is written;
// then the user chooses all-or-nothing or "the valid rows". The export is the same columns, with
// formula-like cells neutralised by the core.
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '@shared/services/contract';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { Alert, Card, ErrorAlert } from '../../ui/misc';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';
import { fileToBase64, saveText, servicesKeys } from './kit';

export function ImportPanel() {
  const { t } = useTranslation('services');
  const toast = useToast();
  const queryClient = useQueryClient();
  const fileId = useId();
  const helpId = useId();
  const [data, setData] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mode, setMode] = useState<'all' | 'valid'>('all');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<string | null>(null);

  const check = async (file: File | undefined) => {
    setPreview(null);
    setOutcome(null);
    setFailure(null);
    if (!file) return;
    setBusy(true);
    try {
      const base64 = await fileToBase64(file);
      setData(base64);
      setPreview(await call('services.previewImport', { csvBase64: base64 }));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const runImport = async () => {
    if (!data) return;
    setBusy(true);
    setFailure(null);
    try {
      const result = await call('services.import', { csvBase64: data, mode });
      setPreview(result.preview);
      const text = result.imported ? t('import.imported', { services: result.services, providers: result.providers, skipped: result.skippedRows }) : t('import.notImported');
      setOutcome(text);
      if (result.imported) {
        toast.show(text);
        await queryClient.invalidateQueries({ queryKey: servicesKeys.all });
      }
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const runExport = async () => {
    setFailure(null);
    try {
      const file = await call('services.export', {});
      saveText(file.fileName, file.csv);
    } catch (error) {
      setFailure(error);
    }
  };
  const problemText = (code: string, value: string) => t(`import.problems.${code}` as never, { value });

  return (
    <Card title={t('import.legend')} actions={<Button onClick={() => void runExport()}>{t('import.export')}</Button>}>
      <div className="field">
        <label htmlFor={fileId} className="field__label">
          {t('import.file')}
        </label>
        <p id={helpId} className="field__description">
          {t('import.help')}
        </p>
        <input id={fileId} type="file" accept=".csv,text/csv" aria-describedby={helpId} onChange={(e) => void check(e.target.files?.[0])} />
      </div>
      <ErrorAlert error={failure} />
      {preview ? (
        <div className="stack" aria-live="polite">
          <p role="status">{t('import.rows', { rows: preview.rows, valid: preview.validRows, problems: preview.problems.length })}</p>
          {preview.fatal ? <Alert tone="danger">{t('import.fatal')}</Alert> : null}
          {preview.problems.length === 0 ? <p>{t('import.noProblems')}</p> : null}
          <Table
            caption={t('import.problem')}
            captionHidden
            label={t('import.problem')}
            rows={preview.problems.slice(0, 500)}
            rowKey={(p) => `${p.row}:${p.column}:${p.code}:${p.value}`}
            columns={[
              { key: 'row', header: t('import.row'), rowHeader: true, cell: (p) => (p.row === 0 ? t('import.header') : String(p.row)) },
              { key: 'column', header: t('import.column'), cell: (p) => p.column },
              { key: 'problem', header: t('import.problem'), cell: (p) => problemText(p.code, p.value) },
              { key: 'value', header: t('import.value'), cell: (p) => (p.code === 'duplicate' ? '' : p.value) },
            ]}
          />
          {!preview.fatal && preview.validRows > 0 ? (
            <fieldset className="field">
              <legend className="field__label">{t('import.import')}</legend>
              <label className="radio">
                <input type="radio" name="import-mode" checked={mode === 'all'} onChange={() => setMode('all')} /> {t('import.modeAll')}
              </label>
              <label className="radio">
                <input type="radio" name="import-mode" checked={mode === 'valid'} onChange={() => setMode('valid')} /> {t('import.modeValid')}
              </label>
              <Button variant="primary" busy={busy} onClick={() => void runImport()}>
                {t('import.import')}
              </Button>
            </fieldset>
          ) : null}
          {outcome ? <p role="status">{outcome}</p> : null}
        </div>
      ) : null}
    </Card>
  );
}

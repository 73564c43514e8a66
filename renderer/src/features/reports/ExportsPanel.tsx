// DOM. Exports for the dashboard's period and filters: what, areas' precision, protection; then a
// progress bar with Cancel while the core builds the file, and the finished file saved once. The
// DHIS2 preview shows every value a DHIS2 file would hold before it is made.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '@shared/contract';
import { areaLevels, exportKinds, type AreaLevel, type ExportJob, type ExportKind } from '@shared/reports/exports';
import type { Period, ReportFilters } from '@shared/reports/indicators';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { ErrorAlert } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { ProtectionFields, type Protection } from './ProtectionFields';

async function takeFile(jobId: string): Promise<string> {
  const parts: BlobPart[] = [];
  let offset = 0;
  let name = 'export';
  for (;;) {
    const chunk = await call('reports.exportDownload', { jobId, offset });
    name = chunk.fileName;
    const binary = atob(chunk.dataBase64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    parts.push(bytes);
    offset += bytes.length;
    if (chunk.done) break;
  }
  const url = URL.createObjectURL(new Blob(parts, { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

export function ExportsPanel({ period, filters }: { period: Period; filters: ReportFilters }) {
  const { t } = useTranslation('reports');
  const toast = useToast();
  const id = useId();
  const [kind, setKind] = useState<ExportKind>('deidentified');
  const [areaLevel, setAreaLevel] = useState<AreaLevel>('top');
  const [protection, setProtection] = useState<Protection>({ mode: 'passphrase', passphrase: '' });
  const [job, setJob] = useState<ExportJob | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [preview, setPreview] = useState<ChannelOutput<'reports.dhisPreview'> | null>(null);

  useEffect(() => {
    if (!job || job.state !== 'running') return undefined;
    const timer = window.setTimeout(() => {
      call('reports.exportStatus', { jobId: job.jobId })
        .then(async (next) => {
          setJob(next);
          if (next.state === 'done') toast.show(t('exports.saved', { name: await takeFile(next.jobId) }));
        })
        .catch(setFailure);
    }, 250);
    return () => window.clearTimeout(timer);
  }, [job, t, toast]);

  const start = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      setJob(await call('reports.exportStart', { kind, period, filters, areaLevel, protection }));
    } catch (error) {
      setFailure(error);
    }
  };
  const showPreview = async () => {
    setFailure(null);
    try {
      setPreview(await call('reports.dhisPreview', { period, filters }));
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('exports.title')}</h2>
      <p>{t('exports.intro')}</p>
      <form className="stack" onSubmit={(e) => void start(e)} noValidate>
        <div className="reports__filters">
          <div className="field field--inline">
            <label className="field__label" htmlFor={`${id}-kind`}>{t('exports.kind')}</label>
            <select id={`${id}-kind`} className="select" value={kind} onChange={(e) => setKind(e.target.value as ExportKind)}>
              {exportKinds.map((k) => (
                <option key={k} value={k}>{t(`exports.kinds.${k}`)}</option>
              ))}
            </select>
          </div>
          {kind === 'deidentified' ? (
            <div className="field field--inline">
              <label className="field__label" htmlFor={`${id}-area`}>{t('exports.areaLevel')}</label>
              <select id={`${id}-area`} className="select" value={areaLevel} onChange={(e) => setAreaLevel(e.target.value as AreaLevel)}>
                {areaLevels.map((l) => (
                  <option key={l} value={l}>{t(`exports.areaLevels.${l}`)}</option>
                ))}
              </select>
            </div>
          ) : null}
        </div>
        <ProtectionFields value={protection} onChange={setProtection} allowUnsealed />
        <div className="reports__presets">
          <Button type="submit" variant="primary" disabled={job?.state === 'running'}>{t('exports.start')}</Button>
          <Button type="button" onClick={() => void showPreview()}>{t('dhis.preview')}</Button>
        </div>
      </form>
      {job?.state === 'running' ? (
        <div className="stack" role="status">
          <progress max={Math.max(1, job.total)} value={job.done} aria-label={t('exports.progress', { done: job.done, total: job.total })} />
          <span>{t('exports.progress', { done: job.done, total: job.total })}</span>
          <Button type="button" onClick={() => void call('reports.exportCancel', { jobId: job.jobId }).then(setJob, setFailure)}>{t('exports.cancel')}</Button>
        </div>
      ) : null}
      {job?.state === 'cancelled' ? <p role="status">{t('exports.cancelled')}</p> : null}
      {job?.state === 'failed' ? <p role="alert">{t('exports.failed')}</p> : null}
      <ErrorAlert error={failure} />
      {preview ? (
        <div className="stack">
          <h3>{t('dhis.title')}</h3>
          <p>{t('dhis.period', { period: preview.period, orgUnit: preview.orgUnit || '—' })}</p>
          <p>{t('dhis.unmapped', { count: preview.unmapped })}</p>
          <div className="table-wrap" role="region" aria-label={t('dhis.title')} tabIndex={0}>
            <table className="table">
              <caption className="visually-hidden">{t('dhis.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dhis.indicator')}</th>
                  <th scope="col">{t('dhis.group')}</th>
                  <th scope="col">{t('dhis.dataElement')}</th>
                  <th scope="col">{t('dhis.combo')}</th>
                  <th scope="col">{t('dhis.figure')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.values.length === 0 ? (
                  <tr><td colSpan={5}>{t('dhis.empty')}</td></tr>
                ) : (
                  preview.values.map((v) => (
                    <tr key={`${v.indicator}-${v.part}-${v.dimension}-${v.value}`}>
                      <th scope="row">{t(`indicator.${v.indicator}.name`)} ({t(`part.${v.part}`)})</th>
                      <td><bdi>{v.dimension ? `${t(`dimension.${v.dimension}`)}: ${v.value}` : '—'}</bdi></td>
                      <td><code>{v.dataElement}</code></td>
                      <td><code>{v.categoryOptionCombo}</code></td>
                      <td>{v.figure}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </section>
  );
}

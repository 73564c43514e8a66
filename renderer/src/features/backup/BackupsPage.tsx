// DOM. Administration → Backups: how old the last backup is, making one to a folder (a USB drive)
// with a progress bar, the backups found in that folder, and how many to keep and when to remind.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '@shared/backup/contract';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { formatBytes } from '../../ui/files';
import { useFormat } from '../../ui/format';
import { Alert, Card, ErrorAlert, Loading, PageHeader } from '../../ui/misc';
import { Table, type Column } from '../../ui/Table';
import { useToast } from '../../ui/Toast';
import { FolderField } from './FolderField';
import { useBackupStatus, useSaveBackupSettings, useStartBackup } from './queries';
import './backup.css';

const dayMs = 86_400_000;

export function BackupsPage() {
  const { t, i18n } = useTranslation(['backup', 'common', 'errors']);
  const format = useFormat();
  const toast = useToast();
  const status = useBackupStatus();
  const start = useStartBackup();
  const save = useSaveBackupSettings();
  const [folder, setFolder] = useState('');
  const [keep, setKeep] = useState('10');
  const [reminderDays, setReminderDays] = useState('7');
  const data = status.data;

  useEffect(() => {
    if (!data) return;
    setFolder((current) => current || data.settings.folder || '');
    setKeep(String(data.settings.keep));
    setReminderDays(String(data.settings.reminderDays));
    // Only when the stored settings change, not on every progress poll.
  }, [data?.settings.folder, data?.settings.keep, data?.settings.reminderDays]); // eslint-disable-line react-hooks/exhaustive-deps

  const job = data?.job ?? null;
  const running = job?.phase === 'copying' || job?.phase === 'verifying';
  const [announced, setAnnounced] = useState<string | null>(null);
  useEffect(() => {
    if (job?.phase === 'done' && job.id !== announced) {
      setAnnounced(job.id);
      toast.show(t('job.doneToast'));
    }
  }, [job?.phase, job?.id, announced, toast, t]);

  if (status.isPending) return <Loading />;

  const ageDays = data?.lastBackupAt ? Math.floor((Date.now() - new Date(data.lastBackupAt).getTime()) / dayMs) : null;
  const columns: Column<BackupEntry>[] = [
    { key: 'at', header: t('list.createdAt'), cell: (b) => <time dateTime={b.createdAt}>{format.dateTime(b.createdAt)}</time> },
    { key: 'size', header: t('list.size'), cell: (b) => formatBytes(b.bytes, i18n.language) },
    { key: 'entries', header: t('list.auditCount'), cell: (b) => format.number(b.auditCount) },
    { key: 'name', header: t('list.name'), cell: (b) => <bdi dir="ltr">{b.name}</bdi> },
  ];

  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      <ErrorAlert error={status.error} />
      {data ? (
        data.due ? (
          <Alert tone="warning" title={t('age.dueTitle')}>
            {ageDays === null ? t('age.never') : t('age.old', { count: ageDays, days: data.settings.reminderDays })}
          </Alert>
        ) : (
          <Alert tone="success" live={false}>
            {t('age.recent', { time: format.dateTime(data.lastBackupAt) })}
          </Alert>
        )
      ) : null}

      <Card title={t('make.title')}>
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            start.mutate(folder.trim());
          }}
        >
          <p>{t('make.body')}</p>
          <FolderField purpose="backup" name="folder" label={t('make.folder')} description={t('make.folderHint')} value={folder} onChange={setFolder} />
          <ErrorAlert error={start.error} />
          <div className="row">
            <Button type="submit" variant="primary" busy={start.isPending || running} disabled={running || folder.trim() === ''}>
              {t('make.start')}
            </Button>
          </div>
          {job ? (
            <div className="backup-progress" role="status" aria-live="polite">
              <label htmlFor="backup-progress">{t(`job.phase.${job.phase}`)}</label>
              <progress id="backup-progress" max={1} value={job.progress} aria-valuetext={format.number(Math.round(job.progress * 100)) + ' %'} />
              {job.phase === 'copying' && job.bytesTotal > 0 ? (
                <span className="muted">
                  {t('job.bytes', { done: formatBytes(job.bytesDone, i18n.language), total: formatBytes(job.bytesTotal, i18n.language) })}
                </span>
              ) : null}
              {job.phase === 'done' ? <span>{t('job.done', { name: job.name })}</span> : null}
              {job.phase === 'failed' ? <Alert>{t(`errors:${job.errorCode ?? 'BACKUP_FAILED'}` as never)}</Alert> : null}
            </div>
          ) : null}
        </form>
      </Card>

      <Card title={t('list.title')}>
        {data?.backups ? (
          <Table label={t('list.title')} caption={t('list.caption')} captionHidden columns={columns} rows={data.backups} rowKey={(b) => b.name} empty={t('list.empty')} />
        ) : (
          <p className="muted">{data?.settings.folder ? t('list.unreachable') : t('list.noFolder')}</p>
        )}
      </Card>

      <Card title={t('settings.title')}>
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate(
              { keep: Number(keep), reminderDays: Number(reminderDays) },
              { onSuccess: () => toast.show(t('settings.saved')) },
            );
          }}
        >
          <div className="row">
            <TextField label={t('settings.keep')} description={t('settings.keepHint')} type="number" min={1} max={100} required value={keep} onChange={(e) => setKeep(e.target.value)} />
            <TextField
              label={t('settings.reminderDays')}
              description={t('settings.reminderDaysHint')}
              type="number"
              min={1}
              max={365}
              required
              value={reminderDays}
              onChange={(e) => setReminderDays(e.target.value)}
            />
          </div>
          <ErrorAlert error={save.error} />
          <div className="row">
            <Button type="submit" busy={save.isPending}>
              {t('common:actions.save')}
            </Button>
          </div>
        </form>
      </Card>
    </>
  );
}

// DOM. The reminder banner for administrators and supervisors: the office's last backup is older
// than the days set in Backups (or there is none). Administrators get a link to make one.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useReadySession } from '../../app/session';
import { Alert } from '../../ui/misc';
import { useBackupReminder } from './queries';
import './backup.css';

export function BackupReminder() {
  const { t } = useTranslation('backup');
  const session = useReadySession();
  const concerned = session.role === 'admin' || session.role === 'supervisor';
  const reminder = useBackupReminder(concerned);
  if (!concerned || !reminder.data?.due) return null;
  const canBackUp = session.permissions.includes('office.manage');
  return (
    <div className="backup-banner">
      <Alert tone="warning" title={t('reminder.title')} live={false}>
        <span>
          {reminder.data.lastBackupAt ? t('reminder.old', { days: reminder.data.reminderDays }) : t('reminder.never')}{' '}
          {canBackUp ? <Link to="/admin/backups">{t('reminder.action')}</Link> : t('reminder.askAdmin')}
        </span>
      </Alert>
    </div>
  );
}

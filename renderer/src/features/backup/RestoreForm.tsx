// DOM. First-run wizard → "Restore from a backup": the backup's folder (or its manifest.json) and
// the office recovery key. The core checks the whole backup before installing anything; after it,
// everyone signs in with their password as it was when the backup was made.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, isApiError } from '../../api';
import { Button } from '../../ui/Button';
import { errorKey } from '../../ui/errors';
import { TextField } from '../../ui/Field';
import { useFormat } from '../../ui/format';
import { Alert, ErrorAlert } from '../../ui/misc';
import { FolderField } from './FolderField';
import './backup.css';

export function RestoreForm({ onCancel, onRestored }: { onCancel: () => void; onRestored: () => void }) {
  const { t } = useTranslation(['backup', 'common', 'errors']);
  const format = useFormat();
  const [path, setPath] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [keyError, setKeyError] = useState(false);
  const [restored, setRestored] = useState<{ office: string; createdAt: string } | null>(null);

  if (restored) {
    return (
      <div className="stack">
        <Alert tone="success" title={t('restore.doneTitle')}>
          {t('restore.done', { office: restored.office, time: format.dateTime(restored.createdAt) })}
        </Alert>
        <div className="row">
          <Button variant="primary" onClick={onRestored} data-autofocus>
            {t('restore.toLogin')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form
      className="stack"
      noValidate
      aria-label={t('restore.title')}
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setFailure(null);
        setKeyError(false);
        try {
          const result = await call('backup.restore', { path: path.trim(), recoveryKey });
          setRestored({ office: result.office.name, createdAt: result.createdAt });
        } catch (error) {
          if (isApiError(error, 'RECOVERY_KEY_INVALID')) setKeyError(true);
          else setFailure(error);
        } finally {
          setBusy(false);
        }
      }}
    >
      <h2>{t('restore.title')}</h2>
      <p>{t('restore.body')}</p>
      <FolderField purpose="restore" name="backupPath" label={t('restore.path')} description={t('restore.pathHint')} value={path} onChange={setPath} />
      <TextField
        label={t('restore.recoveryKey')}
        description={t('restore.recoveryKeyHint')}
        name="recoveryKey"
        autoComplete="off"
        spellCheck={false}
        className="input--mono"
        dir="ltr"
        required
        value={recoveryKey}
        onChange={(event) => setRecoveryKey(event.target.value)}
        error={keyError ? { message: errorKey('RECOVERY_KEY_INVALID') } : undefined}
      />
      <ErrorAlert error={failure} />
      {busy ? <p role="status">{t('restore.checking')}</p> : null}
      <div className="row row--between">
        <Button onClick={onCancel}>{t('restore.back')}</Button>
        <Button type="submit" variant="primary" busy={busy} disabled={path.trim() === '' || recoveryKey.trim() === ''}>
          {t('restore.submit')}
        </Button>
      </div>
    </form>
  );
}

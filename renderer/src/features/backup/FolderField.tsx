// DOM. A folder path: typed or pasted (browser mode has no folder dialog), or picked in the
// desktop app's dialog. The core checks it either way (absolute, exists, writable).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { chooseFolder } from './queries';

export function FolderField({
  label,
  description,
  value,
  onChange,
  purpose,
  name,
}: {
  label: string;
  description: string;
  value: string;
  onChange: (value: string) => void;
  purpose: 'backup' | 'restore';
  name: string;
}) {
  const { t } = useTranslation('backup');
  const [dialog, setDialog] = useState<'unknown' | 'none' | 'busy'>('unknown');
  return (
    <div className="backup-folder">
      <TextField
        label={label}
        description={description}
        name={name}
        value={value}
        dir="ltr"
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
      />
      {dialog !== 'none' ? (
        <Button
          className="backup-folder__choose"
          busy={dialog === 'busy'}
          onClick={async () => {
            setDialog('busy');
            const result = await chooseFolder(purpose).catch(() => ({ supported: false, path: null }));
            if (result.path) onChange(result.path);
            setDialog(result.supported ? 'unknown' : 'none');
          }}
        >
          {t('folder.choose')}
        </Button>
      ) : (
        <p className="muted">{t('folder.typeInstead')}</p>
      )}
    </div>
  );
}

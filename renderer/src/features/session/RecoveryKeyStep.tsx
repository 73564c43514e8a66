// DOM. Setup, step 3: the office recovery key, shown once. It can reset any user's password, so
// the person must store it before going on: printed (a sheet for a locked cabinet) or copied — never
// saved by Homeward as a plain file in Downloads, where it would outlive the set-up unnoticed.
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Office } from '@shared/session/contract';
import { Button } from '../../ui/Button';
import { errorKey } from '../../ui/errors';
import { CheckboxField } from '../../ui/Field';
import { Alert } from '../../ui/misc';
import { useFormat } from '../../ui/format';

export function RecoveryKeyStep({ office, recoveryKey, onDone }: { office: Office; recoveryKey: string; onDone: () => void }) {
  const { t } = useTranslation(['session', 'common']);
  const format = useFormat();
  const [stored, setStored] = useState(false);
  const [showError, setShowError] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const keyRef = useRef<HTMLElement>(null);

  const created = useMemo(() => format.dateTime(new Date().toISOString()), [format]);

  const print = () => {
    window.print();
    setNotice(t('recovery.printed'));
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(recoveryKey);
      setNotice(t('recovery.copied'));
    } catch {
      // No clipboard permission: select the key so Ctrl+C copies it.
      const node = keyRef.current;
      if (node) {
        const range = document.createRange();
        range.selectNodeContents(node);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
      }
      setNotice(t('recovery.copyManually'));
    }
  };

  return (
    <form
      className="stack"
      noValidate
      aria-labelledby="recovery-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (!stored) {
          setShowError(true);
          document.getElementById('recovery-stored')?.focus();
          return;
        }
        onDone();
      }}
    >
      <h2 id="recovery-title" className="form-title">
        {t('recovery.title')}
      </h2>
      <Alert tone="warning" live={false}>
        {t('recovery.warning')}
      </Alert>
      <div className="recovery-key">
        <span className="recovery-key__label" id="recovery-key-label">
          {t('recovery.keyLabel')}
        </span>
        <code ref={keyRef} className="recovery-key__value" aria-labelledby="recovery-key-label" data-testid="recovery-key" dir="ltr">
          {recoveryKey}
        </code>
      </div>
      <div className="row">
        <Button onClick={print}>{t('recovery.print')}</Button>
        <Button onClick={() => void copy()}>{t('recovery.copy')}</Button>
      </div>
      <p className="status-line" role="status">
        {notice}
      </p>
      <CheckboxField
        id="recovery-stored"
        label={t('recovery.confirm')}
        checked={stored}
        error={showError && !stored ? { message: errorKey('validation.recoveryStored') } : undefined}
        onChange={(event) => {
          setStored(event.target.checked);
          if (event.target.checked) setShowError(false);
        }}
      />
      <div className="row row--end">
        <Button type="submit" variant="primary">
          {t('recovery.continue')}
        </Button>
      </div>
      {/* Only this sheet prints (screens.css, @media print); on screen it is not shown. */}
      <section className="print-sheet" aria-hidden="true" data-testid="recovery-print-sheet">
        <h1>{t('recovery.file.title')}</h1>
        <p>{t('recovery.file.office', { name: office.name, code: office.code })}</p>
        <p>{t('recovery.file.created', { date: created })}</p>
        <p>{t('recovery.file.key')}</p>
        <p className="print-sheet__key" dir="ltr">
          {recoveryKey}
        </p>
        <p>{t('recovery.file.instructions')}</p>
      </section>
    </form>
  );
}

// DOM. How an export or a summary leaves: sealed with a passphrase (everyone), or unsealed with a
// reason (supervisors only — the core checks it again). The passphrase never goes into a URL or a draft.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export type Protection = { mode: 'passphrase'; passphrase: string } | { mode: 'none'; reason: string };

export function ProtectionFields({ value, onChange, allowUnsealed }: { value: Protection; onChange: (p: Protection) => void; allowUnsealed: boolean }) {
  const { t } = useTranslation('reports');
  const id = useId();
  return (
    <fieldset className="stack reports__protect">
      <legend>{t('protect.legend')}</legend>
      <label className="checkbox">
        <input type="radio" name={`${id}-mode`} checked={value.mode === 'passphrase'} onChange={() => onChange({ mode: 'passphrase', passphrase: '' })} />
        <span>{t('protect.seal')}</span>
      </label>
      {value.mode === 'passphrase' ? (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-pass`}>{t('protect.passphrase')}</label>
          <input id={`${id}-pass`} className="input" type="password" autoComplete="new-password" aria-describedby={`${id}-pass-help`} value={value.passphrase} onChange={(e) => onChange({ mode: 'passphrase', passphrase: e.target.value })} />
          <p id={`${id}-pass-help`} className="field__description">{t('protect.passphraseHelp')}</p>
        </div>
      ) : null}
      {allowUnsealed ? (
        <label className="checkbox">
          <input type="radio" name={`${id}-mode`} checked={value.mode === 'none'} onChange={() => onChange({ mode: 'none', reason: '' })} />
          <span>{t('protect.unsealed')}</span>
        </label>
      ) : null}
      {value.mode === 'none' ? (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-reason`}>{t('protect.reason')}</label>
          <textarea id={`${id}-reason`} className="textarea" rows={2} value={value.reason} onChange={(e) => onChange({ mode: 'none', reason: e.target.value })} />
        </div>
      ) : null}
    </fieldset>
  );
}

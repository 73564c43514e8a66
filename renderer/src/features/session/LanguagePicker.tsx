// DOM. Language choice: on the setup and login screens (before anyone is signed in), and for the
// signed-in person (saved with their account).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageNames, languages, type Language } from '@shared/i18n/languages';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { isLanguage } from '../../i18n';
import { useErrorText } from '../../ui/errors';
import { useToast } from '../../ui/Toast';

function LanguageSelect({ value, onChange, disabled }: { value: Language; onChange: (language: Language) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="language-select">
      <label className="language-select__label" htmlFor={id}>
        {t('language.label')}
      </label>
      <select
        id={id}
        className="input select input--sm"
        value={value}
        // Not `disabled` while the choice saves: a disabled control drops focus to <body>.
        aria-disabled={disabled || undefined}
        onChange={(event) => {
          if (!disabled && isLanguage(event.target.value)) onChange(event.target.value);
        }}
      >
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {languageNames[language]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ScreenLanguagePicker() {
  const { screenLanguage, chooseScreenLanguage } = useSession();
  return <LanguageSelect value={screenLanguage} onChange={chooseScreenLanguage} />;
}

export function SessionLanguagePicker() {
  const { session, updateSession } = useSession();
  const [busy, setBusy] = useState(false);
  const toast = useToast();
  const errorText = useErrorText();
  if (!session) return null;
  return (
    <LanguageSelect
      value={session.language}
      disabled={busy}
      onChange={(language) => {
        setBusy(true);
        call('session.setLanguage', { language })
          .then(updateSession)
          .catch((error: unknown) => toast.show(errorText(error), 'danger'))
          .finally(() => setBusy(false));
      }}
    />
  );
}

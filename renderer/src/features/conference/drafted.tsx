// DOM. Pieces the conference forms share: their one way of keeping typing as a draft (the value
// starts as the record's, a kept draft replaces it once loaded — `restored` says so — every change
// is saved as the new draft, and a quiet status says when typing has been kept), and the language choice.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageNames, languages, type Language } from '@shared/i18n/languages';
import { SelectField } from '../../ui/Field';
import { useDraft } from '../../ui/useDraft';

export function useDraftedValue<T>(key: string, enabled: boolean, initial: () => T) {
  const draft = useDraft<T>(key, enabled);
  const [value, setValue] = useState<T>(initial);
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    if (!draft.loading && draft.restored !== null && !restored) {
      setValue(draft.restored);
      setRestored(true);
    }
  }, [draft.loading, draft.restored, restored]);
  const update = (next: T) => {
    setValue(next);
    draft.schedule(next);
  };
  return { value, update, restored, draft };
}

/** "Typing kept", as a status, once a draft has been saved. */
export function DraftKept({ savedAt }: { savedAt: string | null }) {
  const { t } = useTranslation('conference');
  return savedAt ? (
    <span className="muted" role="status">
      {t('form.draftKept')}
    </span>
  ) : null;
}

/** A choice of one of the five languages, each named in itself (the family's, an invitee's). */
export function LanguageSelect({ label, value, onChange }: { label: string; value: Language; onChange: (language: Language) => void }) {
  return (
    <SelectField label={label} value={value} onChange={(e) => onChange(e.target.value as Language)}>
      {languages.map((l) => (
        <option key={l} value={l} lang={l}>
          {languageNames[l]}
        </option>
      ))}
    </SelectField>
  );
}

// DOM. The conference forms' one way of keeping typing as a draft: the value starts as the record's,
// a kept draft replaces it once loaded (`restored` says so), every change is saved as the new
// draft, and a quiet status says when typing has been kept.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
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

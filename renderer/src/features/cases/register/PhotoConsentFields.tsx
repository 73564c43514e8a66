// DOM. Who agreed to the child's photo being kept (Pr.4 G:L85): asked only once a photo is chosen.
// The core records it as a consent for photo use with the new case, or refuses the photo (a young
// child cannot agree alone).
import { useTranslation } from 'react-i18next';
import { consentGivers, consentMethods, type ConsentGiver, type ConsentMethod } from '@shared/consents/contract';
import { SelectField, TextField } from '../../../ui/Field';

export interface PhotoConsent {
  givenBy: ConsentGiver;
  giverName: string;
  method: ConsentMethod;
}

export const emptyPhotoConsent: PhotoConsent = { givenBy: 'caregiver', giverName: '', method: 'verbal' };

export function PhotoConsentFields({ value, onChange }: { value: PhotoConsent; onChange(next: PhotoConsent): void }) {
  const { t } = useTranslation(['cases', 'consents']);
  return (
    <fieldset className="stack">
      <legend>{t('photo.consentTitle')}</legend>
      <p className="muted">{t('photo.consentHelp')}</p>
      <div className="form-grid">
        <SelectField label={t('consents:fields.givenBy')} value={value.givenBy} onChange={(e) => onChange({ ...value, givenBy: e.target.value as ConsentGiver })}>
          {consentGivers.map((g) => (
            <option key={g} value={g}>
              {t(`consents:givers.${g}`)}
            </option>
          ))}
        </SelectField>
        {value.givenBy !== 'child' ? (
          <TextField label={t('consents:fields.giverName')} required value={value.giverName} onChange={(e) => onChange({ ...value, giverName: e.target.value })} />
        ) : null}
        <SelectField label={t('consents:fields.method')} value={value.method} onChange={(e) => onChange({ ...value, method: e.target.value as ConsentMethod })}>
          {consentMethods.map((m) => (
            <option key={m} value={m}>
              {t(`consents:methods.${m}`)}
            </option>
          ))}
        </SelectField>
      </div>
    </fieldset>
  );
}

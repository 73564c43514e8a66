// DOM. Setup, step 1: the office (name, code, country, default language).
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch, type FieldErrors, type UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { languageNames, languages } from '@shared/i18n/languages';
import { officeSchema, type Office } from '@shared/session/contract';
import { Button } from '../../ui/Button';
import { formSchemaOptions } from '../../ui/errors';
import { SelectField, TextField } from '../../ui/Field';

export function useCountryName(): (code: string) => string | null {
  const { i18n } = useTranslation();
  return (code: string) => {
    const upper = code.trim().toUpperCase();
    if (!/^[A-Z]{2}$/u.test(upper)) return null;
    try {
      const name = new Intl.DisplayNames([i18n.language], { type: 'region', fallback: 'none' }).of(upper);
      return name ?? null;
    } catch {
      return null;
    }
  };
}

/** The office's fields, shared by setup and office settings (where they sit under "office."). */
export function OfficeFields({
  register,
  errors,
  country,
}: {
  register: (name: keyof Office) => UseFormRegisterReturn;
  errors: FieldErrors<Office> | undefined;
  country: string;
}) {
  const { t } = useTranslation(['session', 'common']);
  const countryName = useCountryName();
  const name = countryName(country);
  return (
    <>
      <TextField label={t('office.name')} autoComplete="organization" required error={errors?.name} {...register('name')} />
      <div className="form-grid">
        <TextField
          label={t('office.code')}
          description={t('office.codeHelp')}
          autoComplete="off"
          required
          error={errors?.code}
          {...register('code')}
        />
        <TextField
          label={t('office.country')}
          description={name ? t('office.countryIs', { country: name }) : t('office.countryHelp')}
          autoComplete="off"
          maxLength={2}
          required
          error={errors?.country}
          {...register('country')}
        />
      </div>
      <SelectField label={t('office.defaultLanguage')} description={t('office.defaultLanguageHelp')} error={errors?.defaultLanguage} {...register('defaultLanguage')}>
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {languageNames[language]}
          </option>
        ))}
      </SelectField>
    </>
  );
}

export function SetupOfficeStep({ initial, onNext }: { initial: Office; onNext: (office: Office) => void }) {
  const { t } = useTranslation(['session', 'common']);
  const form = useForm<Office>({
    resolver: zodResolver(officeSchema, formSchemaOptions),
    defaultValues: initial,
    mode: 'onTouched',
  });
  const country = useWatch({ control: form.control, name: 'country' });
  return (
    <form className="stack" noValidate onSubmit={form.handleSubmit(onNext)} aria-labelledby="setup-office-title">
      <h2 id="setup-office-title" className="form-title">
        {t('setup.officeTitle')}
      </h2>
      <OfficeFields register={(name) => form.register(name)} errors={form.formState.errors} country={country ?? ''} />
      <div className="row row--end">
        <Button type="submit" variant="primary">
          {t('setup.next')}
        </Button>
      </div>
    </form>
  );
}

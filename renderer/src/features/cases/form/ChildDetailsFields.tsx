// DOM. The child's details, in three groups — the child, the separation, the current care — shared
// by registration and the case file's overview. Lives inside a FormProvider whose values have a
// `child` of ChildValues.
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { careArrangements, documentationStatuses, separationReasons, sexes } from '@shared/cases/fields';
import { todayUtc } from '../format';
import { useAreas } from '../queries';
import type { ChildValues } from './childForm';
import { asNullableDate, asNullableNumber } from './childForm';
import { Checkbox, ChoiceGroup, Input, Select, TextArea } from './fields';
import { ListInput } from './ListInput';

type WithChild = { child: ChildValues };

export function ChildDetailsFields({ idPrefix }: { idPrefix: string }) {
  const { t } = useTranslation('cases');
  const { register, control, formState } = useFormContext<WithChild>();
  const errors = formState.errors.child;
  const areas = useAreas();
  const [hasDisability, reasons] = useWatch({ control, name: ['child.hasDisability', 'child.separationReasons'] });
  const today = todayUtc();
  const listError = (error: unknown) => {
    if (!error) return undefined;
    if (Array.isArray(error)) return error.find(Boolean) as { message?: string } | undefined;
    return error as { message?: string };
  };

  return (
    <>
      <section className="form-section" aria-labelledby={`${idPrefix}-child`}>
        <h2 className="form-section__title" id={`${idPrefix}-child`}>
          {t('form.sections.child')}
        </h2>
        <div className="form-grid">
          <Input label={t('child.givenName')} required autoComplete="off" error={errors?.givenName} {...register('child.givenName')} />
          <Input label={t('child.familyName')} autoComplete="off" error={errors?.familyName} {...register('child.familyName')} />
        </div>
        <Controller
          control={control}
          name="child.otherNames"
          render={({ field, fieldState }) => (
            <ListInput
              id={`${idPrefix}-other-names`}
              label={t('child.otherNames')}
              description={t('child.otherNamesHelp')}
              addLabel={t('form.addName')}
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={listError(fieldState.error ?? errors?.otherNames)}
            />
          )}
        />
        <div className="form-grid">
          <Select label={t('child.sex')} required error={errors?.sex} {...register('child.sex')}>
            <option value="">{t('form.choose')}</option>
            {sexes.map((sex) => (
              <option key={sex} value={sex}>
                {t(`sexes.${sex}`)}
              </option>
            ))}
          </Select>
          <Input
            type="date"
            label={t('child.dateOfBirth')}
            description={t('child.dateOfBirthHelp')}
            max={today}
            error={errors?.dateOfBirth}
            {...register('child.dateOfBirth', { setValueAs: asNullableDate })}
          />
          <Input
            type="number"
            inputMode="numeric"
            min={0}
            max={25}
            step={1}
            label={t('child.estimatedAge')}
            description={t('child.estimatedAgeHelp')}
            error={errors?.estimatedAgeYears}
            {...register('child.estimatedAgeYears', { setValueAs: asNullableNumber })}
          />
        </div>
        <Checkbox label={t('child.dateOfBirthEstimated')} {...register('child.dateOfBirthEstimated')} />
        <Controller
          control={control}
          name="child.languages"
          render={({ field, fieldState }) => (
            <ListInput
              id={`${idPrefix}-languages`}
              label={t('child.languages')}
              description={t('child.languagesHelp')}
              addLabel={t('form.addLanguage')}
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={listError(fieldState.error ?? errors?.languages)}
            />
          )}
        />
        <Checkbox label={t('child.hasDisability')} description={t('child.hasDisabilityHelp')} {...register('child.hasDisability')} />
        {hasDisability ? (
          <TextArea label={t('child.disabilityNotes')} rows={3} error={errors?.disabilityNotes} {...register('child.disabilityNotes')} />
        ) : null}
        <Select
          label={t('child.documentationStatus')}
          description={t('child.documentationStatusHelp')}
          error={errors?.documentationStatus}
          className="field--half"
          {...register('child.documentationStatus')}
        >
          {documentationStatuses.map((status) => (
            <option key={status} value={status}>
              {t(`documentationStatuses.${status}`)}
            </option>
          ))}
        </Select>
      </section>

      <section className="form-section" aria-labelledby={`${idPrefix}-separation`}>
        <h2 className="form-section__title" id={`${idPrefix}-separation`}>
          {t('form.sections.separation')}
        </h2>
        <ChoiceGroup label={t('child.separationReasons')} description={t('child.separationReasonsHelp')} required error={errors?.separationReasons as { message?: string } | undefined}>
          <div className="choice-grid">
            {separationReasons.map((reason) => (
              <label key={reason} className="choice">
                <input type="checkbox" value={reason} {...register('child.separationReasons')} />
                <span>{t(`separationReasons.${reason}`)}</span>
              </label>
            ))}
          </div>
        </ChoiceGroup>
        {reasons?.includes('other') ? (
          <Input label={t('child.separationReasonOther')} required error={errors?.separationReasonOther} {...register('child.separationReasonOther')} />
        ) : null}
        <div className="form-grid">
          <Input
            type="date"
            label={t('child.separationDate')}
            max={today}
            error={errors?.separationDate}
            {...register('child.separationDate', { setValueAs: asNullableDate })}
          />
          <Input label={t('child.separationPlace')} error={errors?.separationPlace} {...register('child.separationPlace')} />
        </div>
      </section>

      <section className="form-section" aria-labelledby={`${idPrefix}-care`}>
        <h2 className="form-section__title" id={`${idPrefix}-care`}>
          {t('form.sections.care')}
        </h2>
        <div className="form-grid">
          <Select label={t('child.careArrangement')} error={errors?.careArrangement} {...register('child.careArrangement')}>
            {careArrangements.map((arrangement) => (
              <option key={arrangement} value={arrangement}>
                {t(`careArrangements.${arrangement}`)}
              </option>
            ))}
          </Select>
          <Input label={t('child.carePlace')} error={errors?.carePlace} {...register('child.carePlace')} />
          <Input
            label={t('child.area')}
            description={t('child.areaHelp')}
            list={`${idPrefix}-areas`}
            autoComplete="off"
            error={errors?.area}
            {...register('child.area')}
          />
          <datalist id={`${idPrefix}-areas`}>
            {(areas.data ?? []).map((area) => (
              <option key={area} value={area} />
            ))}
          </datalist>
        </div>
      </section>
    </>
  );
}

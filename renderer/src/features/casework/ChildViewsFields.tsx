// DOM. The child's views in their own words — or, for a child who cannot give them (an infant, a
// non-verbal child, some disabilities, distress), why not and how their wishes were found out
// instead. One piece for every form that needs the child's views (halt, halt review, plan), inside
// a react-hook-form FormProvider whose values include ChildViewsFormValues.
import { useFormContext, useWatch, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { viewsAbsenceReasons, viewsMethods, type ChildViewsAbsence } from '@shared/casework/child-views';
import { Checkbox, Select, TextArea } from '../cases/form/fields';
import type { ChildViewsFormValues } from './childViewsForm';

export function ChildViewsFields({ idPrefix, label, help }: { idPrefix: string; label?: string; help?: string }) {
  const { t } = useTranslation('casework');
  const { register, control, formState } = useFormContext<ChildViewsFormValues>();
  const errors = formState.errors as FieldErrors<ChildViewsFormValues>;
  const [cannotGive, reason] = useWatch({ control, name: ['viewsCannotGive', 'viewsAbsence.reason'] });
  return (
    <div className="stack child-views">
      {cannotGive ? null : (
        <TextArea id={`${idPrefix}-views`} label={label ?? t('views.label')} description={help ?? t('views.help')} required rows={3} error={errors.childViews} {...register('childViews')} />
      )}
      <Checkbox id={`${idPrefix}-cannot`} label={t('views.cannotGive')} description={t('views.cannotGiveHelp')} {...register('viewsCannotGive')} />
      {cannotGive ? (
        <div className="form-grid">
          <Select id={`${idPrefix}-reason`} label={t('views.reason')} required error={errors.viewsAbsence?.reason} {...register('viewsAbsence.reason')}>
            <option value="">{t('views.choose')}</option>
            {viewsAbsenceReasons.map((r) => (
              <option key={r} value={r}>
                {t(`views.reasons.${r}`)}
              </option>
            ))}
          </Select>
          {reason === 'other' ? (
            <TextArea id={`${idPrefix}-reason-note`} label={t('views.reasonNote')} required rows={2} error={errors.viewsAbsence?.reasonNote} {...register('viewsAbsence.reasonNote')} />
          ) : null}
          <Select id={`${idPrefix}-method`} label={t('views.method')} required error={errors.viewsAbsence?.method} {...register('viewsAbsence.method')}>
            <option value="">{t('views.choose')}</option>
            {viewsMethods.map((m) => (
              <option key={m} value={m}>
                {t(`views.methods.${m}`)}
              </option>
            ))}
          </Select>
          <TextArea
            id={`${idPrefix}-method-note`}
            label={t('views.methodNote')}
            description={t('views.methodNoteHelp')}
            required
            rows={3}
            error={errors.viewsAbsence?.methodNote}
            {...register('viewsAbsence.methodNote')}
          />
        </div>
      ) : null}
    </div>
  );
}

/** How a recorded view (or its absence) reads on the case file. */
export function ChildViewsText({ views, absence }: { views: string; absence: ChildViewsAbsence | null }) {
  const { t } = useTranslation('casework');
  if (absence) {
    return (
      <span>
        {t('views.absentSummary', { reason: t(`views.reasons.${absence.reason}`), method: t(`views.methods.${absence.method}`) })}
        {absence.reasonNote ? <> (<bdi dir="auto">{absence.reasonNote}</bdi>)</> : null}: <bdi dir="auto">{absence.methodNote}</bdi>
      </span>
    );
  }
  return views ? <q dir="auto">{views}</q> : <span className="muted">—</span>;
}

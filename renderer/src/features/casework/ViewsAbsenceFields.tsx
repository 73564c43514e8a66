// DOM. "The child cannot give views directly" for forms whose values are the wire shape
// (`childViews` text + `childViewsAbsent` object or null, as the BID and assessments send them):
// ticking the box swaps the views text for the reason, the method used instead and what it showed.
import type { ReactNode } from 'react';
import { useWatch, type Control, type FieldErrors, type UseFormRegister, type UseFormSetValue } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { viewsAbsenceReasons, viewsMethods, type ChildViewsAbsence } from '@shared/casework/child-views';
import { CheckboxField, SelectField, TextAreaField } from '../../ui/Field';

interface WireViews {
  childViews: string;
  childViewsAbsent: ChildViewsAbsence | null;
}

const blank = { reason: '', reasonNote: '', method: '', methodNote: '' } as unknown as ChildViewsAbsence;

/** `viewsField`: the form's own views text area, shown while the child can give views. */
// The form's own types vary (react-hook-form's are invariant in the values): the pieces are taken
// as they come and narrowed to the two fields this component reads and writes.
export function ViewsAbsenceFields(props: { idPrefix: string; control: unknown; register: unknown; setValue: unknown; errors: unknown; viewsField: ReactNode }) {
  const { t } = useTranslation('casework');
  // The generic form is narrowed to the two fields this piece knows.
  const control = props.control as unknown as Control<WireViews>;
  const register = props.register as unknown as UseFormRegister<WireViews>;
  const setValue = props.setValue as unknown as UseFormSetValue<WireViews>;
  const errors = props.errors as unknown as FieldErrors<WireViews>;
  const absence = useWatch({ control, name: 'childViewsAbsent' });
  const absent = absence !== null && absence !== undefined;
  const absentErrors = errors.childViewsAbsent as FieldErrors<ChildViewsAbsence> | undefined;
  return (
    <div className="stack child-views">
      {absent ? null : props.viewsField}
      <CheckboxField
        id={`${props.idPrefix}-cannot`}
        label={t('views.cannotGive')}
        description={t('views.cannotGiveHelp')}
        checked={absent}
        onChange={(event) => {
          setValue('childViewsAbsent', event.target.checked ? { ...blank } : null, { shouldDirty: true });
          if (event.target.checked) setValue('childViews', '', { shouldDirty: true });
        }}
      />
      {absent ? (
        <div className="form-grid">
          <SelectField id={`${props.idPrefix}-reason`} label={t('views.reason')} required requiredMark error={absentErrors?.reason} {...register('childViewsAbsent.reason')}>
            <option value="">{t('views.choose')}</option>
            {viewsAbsenceReasons.map((r) => (
              <option key={r} value={r}>
                {t(`views.reasons.${r}`)}
              </option>
            ))}
          </SelectField>
          {absence?.reason === 'other' ? (
            <TextAreaField id={`${props.idPrefix}-reason-note`} label={t('views.reasonNote')} required requiredMark rows={2} error={absentErrors?.reasonNote} {...register('childViewsAbsent.reasonNote')} />
          ) : null}
          <SelectField id={`${props.idPrefix}-method`} label={t('views.method')} required requiredMark error={absentErrors?.method} {...register('childViewsAbsent.method')}>
            <option value="">{t('views.choose')}</option>
            {viewsMethods.map((m) => (
              <option key={m} value={m}>
                {t(`views.methods.${m}`)}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            id={`${props.idPrefix}-method-note`}
            label={t('views.methodNote')}
            description={t('views.methodNoteHelp')}
            required
            requiredMark
            rows={3}
            error={absentErrors?.methodNote}
            {...register('childViewsAbsent.methodNote')}
          />
        </div>
      ) : null}
    </div>
  );
}

// DOM. On a referral's card: the provider's feedback, the child's and the family's view of the
// service, and (when the referral serves a plan objective) the objective's new status. Typing is
// kept as a draft per referral; the section opens by itself when it holds a draft coming back.
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { objectiveStatuses } from '@shared/plans/schemas';
import { referralsChannels, type Referral } from '@shared/referrals/contract';
import { Button } from '../../ui/Button';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { formSchemaOptions } from '../../ui/errors';
import { todayUtc } from '../../ui/format';
import { ErrorAlert } from '../../ui/misc';
import { useFormDraft } from '../../ui/useDraft';
import { useSubmit } from '../../ui/useSubmit';
import { call } from '../../api';
import { referralDraftKeys } from './kit';

const feedbackSchema = referralsChannels['referrals.feedback'].input.pick({ providerFeedback: true, childView: true, familyView: true, objectiveStatus: true, date: true });
type FeedbackValues = { providerFeedback: string; childView: string; familyView: string; objectiveStatus: string | null; date: string };

const nullIfEmpty = (value: unknown) => (value === '' ? null : value);

export function FeedbackForm({ referral: r, onDone }: { referral: Referral; onDone: () => Promise<void> }) {
  const { t } = useTranslation(['referrals', 'plans']);
  const form = useForm<FeedbackValues>({
    resolver: zodResolver(feedbackSchema, formSchemaOptions) as Resolver<FeedbackValues>,
    defaultValues: { providerFeedback: r.providerFeedback, childView: r.childView, familyView: r.familyView, objectiveStatus: null, date: todayUtc() },
  });
  const draft = useFormDraft(form, referralDraftKeys(r.caseId, r.id).feedback);
  const { failure, run } = useSubmit();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (draft.restored) setOpen(true);
  }, [draft.restored]);
  const save = form.handleSubmit((values) =>
    run(
      async () => {
        await call('referrals.feedback', { caseId: r.caseId, referralId: r.id, ...values, objectiveStatus: values.objectiveStatus as never });
        await draft.discard();
        await onDone();
      },
      t('feedback.saved'),
    ),
  );
  const { errors, isSubmitting } = form.formState;
  return (
    <details className="referral-feedback" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('feedback.legend')}</summary>
      <form className="stack" noValidate onSubmit={(e) => void save(e)}>
        <TextAreaField label={t('feedback.provider')} rows={2} maxLength={5000} error={errors.providerFeedback} {...form.register('providerFeedback')} />
        <TextAreaField label={t('feedback.child')} rows={2} maxLength={5000} error={errors.childView} {...form.register('childView')} />
        <TextAreaField label={t('feedback.family')} rows={2} maxLength={5000} error={errors.familyView} {...form.register('familyView')} />
        {r.objectiveKey ? (
          <SelectField label={t('feedback.objectiveStatus')} error={errors.objectiveStatus} {...form.register('objectiveStatus', { setValueAs: nullIfEmpty })}>
            <option value="">{t('feedback.keep')}</option>
            {objectiveStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`plans:statuses.${s}` as never, { defaultValue: s })}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField type="date" label={t('feedback.date')} required max={todayUtc()} error={errors.date} {...form.register('date')} />
        <Button type="submit" busy={isSubmitting}>{t('feedback.save')}</Button>
        <ErrorAlert error={failure} />
      </form>
    </details>
  );
}

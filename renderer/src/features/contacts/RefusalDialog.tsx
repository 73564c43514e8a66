// DOM. Record a refusal by the family, the child, or both: the date, who, their reasons and the
// child's views in their own words. The law is never used to force a family to accept a child:
// once recorded, the worker is taken to the case plan's contingency section.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { z } from 'zod';
import { refusalParties, refusalSchema } from '@shared/contacts/contract';
import { Dialog } from '../../ui/Dialog';
import { applyCoreIssues, formSchemaOptions } from '../../ui/errors';
import { CheckboxField } from '../../ui/Field';
import { FieldErrorNamespace, TextAreaField, TextField } from '../../ui/form/fields';
import { FormFooter } from '../../ui/form/FormFooter';
import { todayUtc } from '../../ui/format';
import { Alert, ErrorAlert } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { useFormDraft } from '../../ui/useDraft';
import { RadioGroup } from './fields';
import { contactErrorPrefixes } from './formKit';
import { useRecordRefusal } from './queries';

type RefusalInput = z.input<typeof refusalSchema>;
type RefusalOutput = z.output<typeof refusalSchema>;

const refusalFields = ['refusedOn', 'refusedBy', 'who', 'reasons', 'childViews'] as const;

export function RefusalDialog({ caseId, plannedCount, onClose }: { caseId: string; plannedCount: number; onClose: () => void }) {
  const { t } = useTranslation('contacts');
  const toast = useToast();
  const navigate = useNavigate();
  const record = useRecordRefusal(caseId);
  const [failure, setFailure] = useState<unknown>(null);
  const [defaults] = useState<RefusalInput>(() => ({
    refusedOn: todayUtc(),
    refusedBy: undefined as unknown as RefusalInput['refusedBy'],
    who: '',
    reasons: '',
    childViews: '',
    contactId: null,
    cancelPlanned: false,
  }));
  const form = useForm<RefusalInput, unknown, RefusalOutput>({ resolver: zodResolver(refusalSchema, formSchemaOptions), defaultValues: defaults, mode: 'onTouched' });
  const draft = useFormDraft(form, `case:${caseId}:contacts:refusal`);
  const refusedBy = useWatch({ control: form.control, name: 'refusedBy' });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const result = await record.mutateAsync(values);
      await draft.discard();
      toast.show(t('refusal.recorded'), 'info');
      onClose();
      // The case file reads `tab` and hands the rest to the plan tab.
      navigate({ search: `?tab=${result.next.tab}&section=${result.next.section}` });
    } catch (error) {
      const matched = applyCoreIssues(error, form.setError, (path) =>
        typeof path[0] === 'string' && (refusalFields as readonly string[]).includes(path[0]) ? (path[0] as (typeof refusalFields)[number]) : null,
      );
      if (!matched) setFailure(error);
    }
  });

  return (
    <Dialog open onClose={onClose} title={t('refusal.title')}>
      <FieldErrorNamespace ns="contacts" prefixes={contactErrorPrefixes}>
        <form className="stack" noValidate onSubmit={submit}>
          <Alert tone="info" live={false}>
            {t('refusal.principle')}
          </Alert>
          <Controller
            control={form.control}
            name="refusedBy"
            render={({ field, fieldState }) => (
              <RadioGroup
                legend={t('refusal.refusedBy')}
                required
                name={field.name}
                value={field.value}
                onChange={field.onChange}
                error={fieldState.error}
                options={refusalParties.map((p) => ({ value: p, label: t(`refusal.parties.${p}`) }))}
              />
            )}
          />
          <div className="form-grid">
            <TextField label={t('refusal.refusedOn')} type="date" required max={todayUtc()} error={errors.refusedOn} {...form.register('refusedOn', { setValueAs: (v: unknown) => (v === '' ? null : v) })} />
            {refusedBy !== 'child' ? (
              <TextField label={t('refusal.who')} description={t('refusal.whoHelp')} autoComplete="off" error={errors.who} {...form.register('who')} />
            ) : null}
          </div>
          <TextAreaField rows={3} label={t('refusal.reasons')} required error={errors.reasons} {...form.register('reasons')} />
          <TextAreaField rows={3} label={t('refusal.childViews')} description={t('refusal.childViewsHelp')} error={errors.childViews} {...form.register('childViews')} />
          {plannedCount > 0 ? (
            <CheckboxField label={t('refusal.cancelPlanned', { count: plannedCount })} description={t('refusal.cancelPlannedHelp')} {...form.register('cancelPlanned')} />
          ) : null}
          <p className="muted">{t('refusal.next')}</p>
          <ErrorAlert error={failure} />
          <FormFooter submit={t('refusal.submit')} busy={isSubmitting} onCancel={onClose} />
        </form>
      </FieldErrorNamespace>
    </Dialog>
  );
}

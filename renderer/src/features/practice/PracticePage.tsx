// DOM. Practice settings: the days the case-work rules count (safety redone before reunification,
// plan due after registration, time in alternative care, spontaneous returns) and whether a sole
// supervisor may approve their own cases. Supervisors and administrators change them.
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { practiceSettingsSchema, type PracticeSettings } from '@shared/practice/contract';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { formSchemaOptions } from '../../ui/errors';
import { CheckboxField, TextField } from '../../ui/Field';
import { Card, ErrorAlert, Loading, PageHeader } from '../../ui/misc';
import { useToast } from '../../ui/Toast';

const formSchema = practiceSettingsSchema.omit({ updatedAt: true, updatedByName: true });
type Form = z.infer<typeof formSchema>;
const dayFields = ['homeSafetyDays', 'planDueDays', 'alternativeCareWarnDays', 'spontaneousVisitDays', 'spontaneousBaselineDays'] as const;
const practiceKey = ['practice'] as const;

function PracticeForm({ settings }: { settings: PracticeSettings }) {
  const { t } = useTranslation(['practice', 'common']);
  const toast = useToast();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<Form>({ resolver: zodResolver(formSchema, formSchemaOptions), defaultValues: settings });
  const { errors, isSubmitting, isDirty } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const saved = await call('practice.update', values);
      queryClient.setQueryData(practiceKey, saved);
      form.reset(saved);
      toast.show(t('saved'));
    } catch (error) {
      setFailure(error);
    }
  });
  return (
    <form className="stack" noValidate onSubmit={submit} aria-label={t('title')}>
      <Card title={t('daysTitle')}>
        <div className="stack">
          {dayFields.map((name) => (
            <TextField
              key={name}
              label={t(`fields.${name}`)}
              description={t(`help.${name}`)}
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              className="field--narrow"
              error={errors[name]}
              {...form.register(name, { valueAsNumber: true })}
            />
          ))}
        </div>
      </Card>
      <Card title={t('approvalsTitle')}>
        <CheckboxField label={t('fields.oneSupervisorMode')} description={t('help.oneSupervisorMode')} {...form.register('oneSupervisorMode')} />
      </Card>
      <ErrorAlert error={failure} />
      <div className="row row--end">
        <Button onClick={() => form.reset(settings)} disabled={!isDirty}>
          {t('common:actions.discard')}
        </Button>
        <Button type="submit" variant="primary" busy={isSubmitting}>
          {t('common:actions.save')}
        </Button>
      </div>
    </form>
  );
}

export function PracticePage() {
  const { t } = useTranslation('practice');
  const settings = useQuery({ queryKey: practiceKey, queryFn: () => call('practice.get', {}) });
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {settings.data ? <PracticeForm settings={settings.data} /> : settings.error ? <ErrorAlert error={settings.error} /> : <Loading />}
    </>
  );
}

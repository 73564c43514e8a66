// DOM. The office's follow-up protocol (G:L230, L261), edited by supervisors: each planned contact
// counted from the day of reunification (type, when, who), the extra visits for high-risk cases,
// and the longest gap without a face-to-face visit. The shipped example says to adapt it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { followupContactTypes, followupPerformers, offsetUnits, type ProtocolDefinition, type ReplanCounts } from '@shared/followup/contract';
import { ApiError, call } from '../../api';
import { useReadySession } from '../../app/session';
import { ForbiddenPage } from '../../app/pages';
import { Button } from '../../ui/Button';
import { FieldErrorNamespace, SelectField, TextField } from '../../ui/form/fields';
import { useDayFormat } from '../../ui/format';
import { Alert, ErrorAlert, Loading, PageHeader } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { useFormDraft } from '../../ui/useDraft';
import { followupKeys, useProtocol } from './queries';
import { ReplanDialog } from './ReplanDialog';
import './followup.css';

function Steps({ form, name, label }: { form: ReturnType<typeof useForm<ProtocolDefinition>>; name: 'steps' | 'highRiskSteps'; label: string }) {
  const { t } = useTranslation('followup');
  const steps = useFieldArray({ control: form.control, name });
  return (
    <fieldset className="stack card">
      <legend className="form-title">{label}</legend>
      {steps.fields.map((field, i) => (
        <div key={field.id} className="form-grid">
          <TextField type="number" min={0} max={120} label={t('protocol.amount', { number: i + 1 })} {...form.register(`${name}.${i}.amount`, { valueAsNumber: true })} />
          <SelectField label={t('protocol.unit', { number: i + 1 })} {...form.register(`${name}.${i}.unit`)}>
            {offsetUnits.map((u) => (
              <option key={u} value={u}>
                {t(`units.${u}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('protocol.type', { number: i + 1 })} {...form.register(`${name}.${i}.type`)}>
            {followupContactTypes.map((c) => (
              <option key={c} value={c}>
                {t(`contactTypes.${c}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('protocol.performer', { number: i + 1 })} {...form.register(`${name}.${i}.performer`)}>
            {followupPerformers.map((c) => (
              <option key={c} value={c}>
                {t(`performers.${c}`)}
              </option>
            ))}
          </SelectField>
          <Button size="sm" variant="ghost" onClick={() => steps.remove(i)} aria-label={t('protocol.removeLabel', { number: i + 1 })}>
            {t('protocol.remove')}
          </Button>
        </div>
      ))}
      <div>
        <Button size="sm" onClick={() => steps.append({ unit: 'month', amount: 1, type: 'home_visit', performer: 'case_worker' })}>
          {t('protocol.add')}
        </Button>
      </div>
    </fieldset>
  );
}

function ProtocolForm({ definition, version, isDefault }: { definition: ProtocolDefinition; version: number; isDefault: boolean }) {
  const { t } = useTranslation('followup');
  const toast = useToast();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<unknown>(null);
  // The figures shown before saving: what re-planning the cases in follow-up will change.
  const [confirming, setConfirming] = useState<{ values: ProtocolDefinition; counts: ReplanCounts; changedMeanwhile: boolean } | null>(null);
  const form = useForm<ProtocolDefinition>({ defaultValues: definition });
  const draft = useFormDraft(form, 'office:followup:protocol');
  const save = useMutation({
    mutationFn: ({ values, counts }: { values: ProtocolDefinition; counts: ReplanCounts }) =>
      call('followup.saveProtocol', { definition: values, basedOnVersion: version, replan: counts }),
  });
  const saveConfirmed = async (values: ProtocolDefinition, counts: ReplanCounts) => {
    try {
      const saved = await save.mutateAsync({ values, counts });
      setConfirming(null);
      await draft.discard();
      queryClient.setQueryData(followupKeys.protocol, saved);
      toast.show(counts.cases > 0 ? t('protocol.savedReplanned', { count: counts.cases }) : t('protocol.saved'));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT' && error.params.reason === 'replanChanged') {
        const fresh = { cases: Number(error.params.cases), cancelled: Number(error.params.cancelled), added: Number(error.params.added) };
        setConfirming({ values, counts: fresh, changedMeanwhile: true });
        return;
      }
      setConfirming(null);
      setFailure(error);
    }
  };
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const counts = await call('followup.previewProtocolChange', { definition: values });
      if (counts.cases === 0) await saveConfirmed(values, counts);
      else setConfirming({ values, counts, changedMeanwhile: false });
    } catch (error) {
      setFailure(error);
    }
  });
  return (
    <>
      <form className="stack" noValidate onSubmit={submit}>
        {isDefault ? <Alert tone="warning" live={false}>{t('protocol.adapt')}</Alert> : null}
        {draft.restored ? <Alert tone="info">{t('draftRestored')}</Alert> : null}
        <Steps form={form} name="steps" label={t('protocol.steps')} />
        <Steps form={form} name="highRiskSteps" label={t('protocol.highRiskSteps')} />
        <TextField type="number" min={1} max={366} label={t('protocol.maxGap')} description={t('protocol.maxGapHelp')} {...form.register('maxFaceToFaceGapDays', { valueAsNumber: true })} />
        <p className="muted">{t('protocol.futureOnly')}</p>
        <ErrorAlert error={failure} />
        <div>
          <Button type="submit" variant="primary" busy={form.formState.isSubmitting}>
            {t('protocol.save')}
          </Button>
        </div>
      </form>
      {/* Outside the form: the dialog's own form must not submit this one. */}
      {confirming ? (
        <ReplanDialog
          counts={confirming.counts}
          changedMeanwhile={confirming.changedMeanwhile}
          busy={save.isPending}
          onConfirm={() => void saveConfirmed(confirming.values, confirming.counts)}
          onClose={() => setConfirming(null)}
        />
      ) : null}
    </>
  );
}

export function ProtocolPage() {
  const { t } = useTranslation('followup');
  const day = useDayFormat();
  const session = useReadySession();
  const protocol = useProtocol();
  if (!session.permissions.includes('case.approve')) return <ForbiddenPage />;
  return (
    <FieldErrorNamespace ns="followup">
      <div className="stack">
        <PageHeader
          title={t('protocol.title')}
          description={protocol.data && !protocol.data.isDefault ? t('protocol.lastSaved', { date: day(protocol.data.updatedAt), name: protocol.data.updatedByName ?? '—' }) : t('protocol.intro')}
        />
        {protocol.isPending ? <Loading /> : null}
        <ErrorAlert error={protocol.error} />
        {protocol.data ? <ProtocolForm key={protocol.data.version} definition={protocol.data.definition} version={protocol.data.version} isDefault={protocol.data.isDefault} /> : null}
      </div>
    </FieldErrorNamespace>
  );
}

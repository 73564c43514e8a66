// DOM. Recording that consent (or assent) was withdrawn: the day and the reason. The record stays
// on file, marked withdrawn; nothing is deleted.
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '@shared/cases/contract';
import { consentWithdrawalInput, type Consent, type ConsentWithdrawalInput } from '@shared/consents/contract';
import { ApiError, call } from '../../api';
import { useInvalidateCase } from '../../app/caseCache';
import { Dialog } from '../../ui/Dialog';
import { applyCoreIssues, formSchemaOptions } from '../../ui/errors';
import { TextAreaField, TextField } from '../../ui/form/fields';
import { FormFooter } from '../../ui/form/FormFooter';
import { todayUtc, useDayFormat } from '../../ui/format';
import { ErrorAlert } from '../../ui/misc';
import { useToast } from '../../ui/Toast';

export function WithdrawConsentDialog({ caseFile, consent, onClose }: { caseFile: CaseFile; consent: Consent; onClose: () => void }) {
  const { t } = useTranslation(['consents', 'common']);
  const toast = useToast();
  const day = useDayFormat();
  const invalidate = useInvalidateCase(caseFile.id);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<ConsentWithdrawalInput>({
    resolver: zodResolver(consentWithdrawalInput, formSchemaOptions),
    defaultValues: { date: todayUtc(), reason: '' },
    mode: 'onTouched',
  });
  const { errors, isSubmitting } = form.formState;
  const withdraw = useMutation({
    mutationFn: (values: ConsentWithdrawalInput) => call('consents.withdraw', { caseId: caseFile.id, consentId: consent.id, ...values }),
  });
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await withdraw.mutateAsync(values);
      invalidate();
      toast.show(t('withdraw.done'));
      onClose();
    } catch (error) {
      // The earliest day a withdrawal can have is the day the consent was given.
      if (error instanceof ApiError && error.code === 'INVALID_DATE' && error.issues[0]?.code === 'beforeCase') {
        form.setError('date', { type: 'server', message: 'beforeConsent' }, { shouldFocus: true });
        return;
      }
      const matched = applyCoreIssues(error, form.setError, (path) => {
        const field = path[path.length - 1];
        return field === 'date' || field === 'reason' ? field : null;
      });
      if (!matched) setFailure(error);
    }
  });
  return (
    <Dialog
      open
      onClose={onClose}
      role="alertdialog"
      size="sm"
      title={t(consent.kind === 'assent' ? 'withdraw.titleAssent' : 'withdraw.title')}
      description={t('withdraw.description', { date: day(consent.date) })}
    >
      <form className="stack" noValidate onSubmit={submit}>
        <TextField type="date" label={t('withdraw.date')} required min={consent.date} max={todayUtc()} error={errors.date} {...form.register('date')} />
        <TextAreaField label={t('withdraw.reason')} required rows={3} error={errors.reason} {...form.register('reason')} />
        <ErrorAlert error={failure} />
        <FormFooter variant="danger" submit={t('withdraw.submit')} busy={isSubmitting} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

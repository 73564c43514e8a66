// DOM. Cancel a planned contact, saying why (the reason stays in the log).
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Contact } from '@shared/contacts/contract';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { formSchemaOptions } from '../../ui/errors';
import { FieldErrorNamespace, TextAreaField } from '../../ui/form/fields';
import { useDayFormat } from '../../ui/format';
import { ErrorAlert } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { contactErrorPrefixes } from './formKit';
import { useCancelContact } from './queries';

const cancelSchema = z.object({ reason: z.string().trim().min(1).max(2000) });
type CancelValues = z.input<typeof cancelSchema>;

export function CancelContactDialog({ caseId, contact, onClose }: { caseId: string; contact: Contact; onClose: () => void }) {
  const { t } = useTranslation('contacts');
  const day = useDayFormat();
  const toast = useToast();
  const cancel = useCancelContact(caseId);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<CancelValues>({ resolver: zodResolver(cancelSchema, formSchemaOptions), defaultValues: { reason: '' } });
  const submit = form.handleSubmit(async ({ reason }) => {
    setFailure(null);
    try {
      await cancel.mutateAsync({ contactId: contact.id, reason });
      toast.show(t('toast.cancelled'));
      onClose();
    } catch (error) {
      setFailure(error);
    }
  });
  return (
    <Dialog
      open
      onClose={onClose}
      size="sm"
      title={t('cancel.title')}
      description={t('cancel.description', { kind: t(`kinds.${contact.kind}`), date: day(contact.plannedFor) })}
    >
      <FieldErrorNamespace ns="contacts" prefixes={contactErrorPrefixes}>
        <form className="stack" noValidate onSubmit={submit}>
          <TextAreaField rows={3} label={t('cancel.reason')} required error={form.formState.errors.reason} {...form.register('reason')} />
          <ErrorAlert error={failure} />
          <div className="dialog__footer">
            <Button onClick={onClose}>{t('cancel.keep')}</Button>
            <Button type="submit" variant="danger" busy={form.formState.isSubmitting}>
              {t('cancel.submit')}
            </Button>
          </div>
        </form>
      </FieldErrorNamespace>
    </Dialog>
  );
}

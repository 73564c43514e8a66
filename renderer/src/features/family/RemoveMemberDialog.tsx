// DOM. Taking a person off the child's network: a reason is required, and the record stays on file.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '@shared/cases/contract';
import type { FamilyMember } from '@shared/family/contract';
import { call } from '../../api';
import { useInvalidateCase } from '../../app/caseCache';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextAreaField } from '../../ui/form/fields';
import { ErrorAlert } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { personName } from './kit';

export function RemoveMemberDialog({ caseFile, member, onClose }: { caseFile: CaseFile; member: FamilyMember; onClose: () => void }) {
  const { t } = useTranslation(['family', 'common']);
  const toast = useToast();
  const invalidate = useInvalidateCase(caseFile.id);
  const [reason, setReason] = useState('');
  const remove = useMutation({
    mutationFn: () => call('family.remove', { caseId: caseFile.id, memberId: member.id, reason: reason.trim() }),
    onSuccess: () => {
      invalidate();
      toast.show(t('remove.done'));
      onClose();
    },
  });
  return (
    <Dialog open onClose={onClose} role="alertdialog" size="sm" title={t('remove.title', { name: personName(member) })} description={t('remove.description')}>
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (reason.trim()) remove.mutate();
        }}
      >
        <TextAreaField label={t('remove.reason')} required rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        <ErrorAlert error={remove.error} />
        <div className="dialog__footer">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="danger" busy={remove.isPending} disabled={!reason.trim()}>
            {t('remove.submit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

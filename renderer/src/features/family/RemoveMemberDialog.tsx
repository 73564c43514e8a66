// DOM. Taking a person off the child's network: a reason is required, and the record stays on file.
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '@shared/cases/contract';
import type { FamilyMember } from '@shared/family/contract';
import { call } from '../../api';
import { useInvalidateCase } from '../../app/caseCache';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { useToast } from '../../ui/Toast';
import { personName } from './kit';

export function RemoveMemberDialog({ caseFile, member, onClose }: { caseFile: CaseFile; member: FamilyMember; onClose: () => void }) {
  const { t } = useTranslation(['family', 'common']);
  const toast = useToast();
  const invalidate = useInvalidateCase(caseFile.id);
  const remove = useMutation({
    mutationFn: (reason: string) => call('family.remove', { caseId: caseFile.id, memberId: member.id, reason: reason.trim() }),
    onSuccess: () => {
      invalidate();
      toast.show(t('remove.done'));
      onClose();
    },
  });
  return (
    <ReasonDialog
      title={t('remove.title', { name: personName(member) })}
      description={t('remove.description')}
      reasonLabel={t('remove.reason')}
      submit={t('remove.submit')}
      maxLength={2000}
      busy={remove.isPending}
      error={remove.error}
      onConfirm={(reason) => remove.mutate(reason)}
      onClose={onClose}
    />
  );
}

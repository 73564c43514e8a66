// DOM. The sending office applies a partner office's signed response file: the core verifies it
// (for us, from the partner the referral went to, untouched, not seen before, not older than what
// was applied) and moves the referral on; the screen says where the referral now stands.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { call } from '../../api';
import { TextField } from '../../ui/Field';
import { readAsBase64 } from '../../ui/files';
import { Alert, Card, ErrorAlert } from '../../ui/misc';
import { referralKeys } from './kit';

export function ApplyResponse() {
  const { t } = useTranslation('referrals');
  const titleId = useId();
  const queryClient = useQueryClient();
  const apply = useMutation({
    mutationFn: async (file: File) => call('referrals.applyResponse', { fileBase64: await readAsBase64(file) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: referralKeys.all }),
  });
  return (
    <Card title={t('exchange.applyTitle')} titleId={titleId}>
      <TextField
        label={t('exchange.applyFile')}
        description={t('exchange.applyHelp')}
        type="file"
        accept=".homeward"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          apply.reset();
          if (file) apply.mutate(file);
          e.currentTarget.value = '';
        }}
      />
      <ErrorAlert error={apply.error} />
      {apply.data ? (
        <Alert tone="success">
          {t(apply.data.moved ? 'exchange.applied' : 'exchange.appliedSame', { status: t(`status.${apply.data.status}`) })}{' '}
          <Link to={`/cases/${apply.data.caseId}?tab=referrals`}>{t('exchange.openCase')}</Link>
        </Alert>
      ) : null}
    </Card>
  );
}

// DOM. Exactly what leaves the office, field by field, before sending; whether a current consent
// for referral is on file; without it, sending needs an emergency reason (the supervisor is alerted).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Referral } from '@shared/referrals/contract';
import { call } from '../../api';
import { Dialog } from '../../ui/Dialog';
import { TextAreaField, TextField } from '../../ui/Field';
import { FormFooter } from '../../ui/form/FormFooter';
import { todayUtc } from '../../ui/format';
import { Alert, ErrorAlert, Loading } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { userTextDir } from '../../ui/UserText';
import { referralKeys } from './kit';

export function useSlipValue() {
  const { t } = useTranslation(['referrals', 'cases']);
  return (field: string, value: string) => {
    if (field === 'sex') return t(`cases:sexes.${value}` as never, { defaultValue: value });
    if (field === 'urgency') return t(`referrals:urgency.${value}` as never, { defaultValue: value });
    return value;
  };
}

export function SendDialog({ referral, onClose }: { referral: Referral; onClose: () => void }) {
  const { t } = useTranslation('referrals');
  const toast = useToast();
  const queryClient = useQueryClient();
  const slipValue = useSlipValue();
  const preview = useQuery({ queryKey: referralKeys.preview(referral.caseId, referral.id), queryFn: () => call('referrals.preview', { caseId: referral.caseId, referralId: referral.id }) });
  const [date, setDate] = useState(todayUtc());
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const consentOk = preview.data?.consent.ok ?? false;

  const send = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await call('referrals.send', { caseId: referral.caseId, referralId: referral.id, date, emergencyReason: consentOk ? null : reason.trim() || null });
      await queryClient.invalidateQueries({ queryKey: referralKeys.all });
      toast.show(t('preview.sent'));
      onClose();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} title={t('preview.title')}>
      {preview.isPending ? <Loading /> : null}
      <ErrorAlert error={preview.error} />
      {preview.data ? (
        <form className="stack" noValidate onSubmit={(e) => void send(e)}>
          {preview.data.rows.length === 0 ? (
            <p>{t('preview.empty')}</p>
          ) : (
            <dl className="referral-slip" data-testid="referral-preview">
              {preview.data.rows.map((r) => (
                <div key={r.field} className="referral-slip__row">
                  <dt>{t(`fields.${r.field}`)}</dt>
                  <dd {...userTextDir}>{slipValue(r.field, r.value) || '—'}</dd>
                </div>
              ))}
            </dl>
          )}
          {consentOk ? <Alert tone="success">{t('preview.consentOk')}</Alert> : <Alert tone="warning">{t('preview.consentMissing')}</Alert>}
          <TextField type="date" label={t('preview.sendDate')} required max={todayUtc()} value={date} onChange={(e) => setDate(e.target.value)} />
          {consentOk ? null : <TextAreaField label={t('preview.emergencyReason')} rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />}
          <ErrorAlert error={failure} />
          <FormFooter submit={t('preview.send')} busy={busy} onCancel={onClose} cancelText={t('preview.close')} />
        </form>
      ) : null}
    </Dialog>
  );
}

// DOM. Exactly what leaves the office, field by field, before sending; whether a current consent
// for referral is on file; without it, sending needs an emergency reason (the supervisor is alerted).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Referral } from '@shared/referrals/contract';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { saveGeneratedFile } from '../../ui/download';
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

  // A partner office's referral leaves as a sealed file (saved for the user to carry); any other as a slip to print.
  const send = async (e: React.FormEvent | null, sealed = false) => {
    e?.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const input = { caseId: referral.caseId, referralId: referral.id, date, emergencyReason: consentOk ? null : reason.trim() || null };
      if (sealed) saveGeneratedFile((await call('referrals.sendSealed', input)).file, 'application/octet-stream');
      else await call('referrals.send', input);
      await queryClient.invalidateQueries({ queryKey: referralKeys.all });
      toast.show(t(sealed ? 'exchange.sealedSent' : 'preview.sent'));
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
          {referral.providerPartner ? (
            <div className="stack">
              <Alert tone="info">{t('exchange.partnerNote', { provider: referral.providerName })}</Alert>
              <Button variant="primary" busy={busy} onClick={() => void send(null, true)}>
                {t('exchange.sendSealed')}
              </Button>
            </div>
          ) : null}
          <ErrorAlert error={failure} />
          <FormFooter submit={t('preview.send')} busy={busy} onCancel={onClose} cancelText={t('preview.close')} />
        </form>
      ) : null}
    </Dialog>
  );
}

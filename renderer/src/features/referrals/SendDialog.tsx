// DOM. Exactly what leaves the office, field by field, before sending; whether a current consent
// for referral is on file; without it, sending needs an emergency reason (the supervisor is alerted).
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { referralsChannels, type Referral } from '@shared/referrals/contract';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { saveGeneratedFile } from '../../ui/download';
import { TextAreaField, TextField } from '../../ui/Field';
import { formSchemaOptions } from '../../ui/errors';
import { FormFooter } from '../../ui/form/FormFooter';
import { todayUtc } from '../../ui/format';
import { Alert, ErrorAlert, Loading } from '../../ui/misc';
import { useFormDraft } from '../../ui/useDraft';
import { useSubmit } from '../../ui/useSubmit';
import { userTextDir } from '../../ui/UserText';
import { referralDraftKeys, referralKeys } from './kit';

export function useSlipValue() {
  const { t } = useTranslation(['referrals', 'cases']);
  return (field: string, value: string) => {
    if (field === 'sex') return t(`cases:sexes.${value}` as never, { defaultValue: value });
    if (field === 'urgency') return t(`referrals:urgency.${value}` as never, { defaultValue: value });
    return value;
  };
}

const sendSchema = referralsChannels['referrals.send'].input.pick({ date: true, emergencyReason: true });
type SendValues = { date: string; emergencyReason: string };

export function SendDialog({ referral, onClose }: { referral: Referral; onClose: () => void }) {
  const { t } = useTranslation('referrals');
  const queryClient = useQueryClient();
  const slipValue = useSlipValue();
  const preview = useQuery({ queryKey: referralKeys.preview(referral.caseId, referral.id), queryFn: () => call('referrals.preview', { caseId: referral.caseId, referralId: referral.id }) });
  const form = useForm<SendValues>({ resolver: zodResolver(sendSchema, formSchemaOptions) as Resolver<SendValues>, defaultValues: { date: todayUtc(), emergencyReason: '' } });
  const draft = useFormDraft(form, referralDraftKeys(referral.caseId, referral.id).send);
  const { failure, run } = useSubmit();
  const consentOk = preview.data?.consent.ok ?? false;
  const { errors, isSubmitting } = form.formState;

  // A partner office's referral leaves as a sealed file (saved for the user to carry); any other as a slip to print.
  const send = (sealed: boolean) =>
    form.handleSubmit((values) =>
      run(
        async () => {
          const input = { caseId: referral.caseId, referralId: referral.id, date: values.date, emergencyReason: consentOk ? null : values.emergencyReason.trim() || null };
          if (sealed) saveGeneratedFile((await call('referrals.sendSealed', input)).file, 'application/octet-stream');
          else await call('referrals.send', input);
          await draft.discard();
          await queryClient.invalidateQueries({ queryKey: referralKeys.all });
        },
        t(sealed ? 'exchange.sealedSent' : 'preview.sent'),
        { then: onClose },
      ),
    );
  // Cancel forgets what was typed; the dialog's × (named "Close") keeps it for next time. The footer
  // button says Cancel, not Close as it did, so the two are told apart.
  const cancel = () => void draft.discard().then(onClose);

  return (
    <Dialog open onClose={onClose} title={t('preview.title')}>
      {preview.isPending ? <Loading /> : null}
      <ErrorAlert error={preview.error} />
      {preview.data ? (
        <form className="stack" noValidate onSubmit={(e) => void send(false)(e)}>
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
          <TextField type="date" label={t('preview.sendDate')} required max={todayUtc()} error={errors.date} {...form.register('date')} />
          {consentOk ? null : <TextAreaField label={t('preview.emergencyReason')} rows={2} maxLength={2000} error={errors.emergencyReason} {...form.register('emergencyReason')} />}
          {referral.providerPartner ? (
            <div className="stack">
              <Alert tone="info">{t('exchange.partnerNote', { provider: referral.providerName })}</Alert>
              <Button variant="primary" busy={isSubmitting} onClick={() => void send(true)()}>
                {t('exchange.sendSealed')}
              </Button>
            </div>
          ) : null}
          <ErrorAlert error={failure} />
          <FormFooter submit={t('preview.send')} busy={isSubmitting} onCancel={cancel} />
        </form>
      ) : null}
    </Dialog>
  );
}

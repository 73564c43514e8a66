// DOM. Which trusted partner office a provider is (if any): referrals to it can then leave as a
// sealed file through the office-to-office transfer format instead of a printed slip.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { SelectField } from '../../ui/Field';

export function PartnerField({ value, onChange }: { value: string | null; onChange: (partnerId: string | null) => void }) {
  const { t } = useTranslation('services');
  const partners = useQuery({ queryKey: ['transfer', 'destinations'], queryFn: () => call('transfer.destinations', {}) });
  const known = partners.data?.some((p) => p.id === value) ?? true;
  return (
    <SelectField label={t('provider.partner')} description={t('provider.partnerHelp')} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
      <option value="">{t('provider.noPartner')}</option>
      {partners.data?.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name} ({p.code})
        </option>
      ))}
      {value && !known ? <option value={value}>{t('provider.partnerRevoked')}</option> : null}
    </SelectField>
  );
}

// DOM. A provider and its services, every field of the directory entry (B4.1): contacts, the
// language its referral slips are printed in, what it needs on a referral, when it was last
// verified, and per service the category, areas served, eligibility, languages, cost, access,
// hours, capacity and waiting time.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageNames, languages, type Language } from '@shared/i18n/languages';
import { referralFieldKeys, type ReferralField } from '@shared/referrals/fields';
import { eligibleSexes, providerKinds, serviceCosts, type ProviderInput, type ServiceInput } from '@shared/services/contract';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/Field';
import { FormFooter } from '../../ui/form/FormFooter';
import { ErrorAlert, Loading } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { areaLabel, areaTree, offeredCategories, servicesKeys, useAreas, useCategories, useCategoryLabel } from './kit';
import { PartnerField } from './PartnerField';

type ServiceForm = Required<Omit<ServiceInput, 'languages' | 'minAge' | 'maxAge' | 'waitingDays'>> & { languages: string; minAge: string; maxAge: string; waitingDays: string };
type ProviderForm = Required<Omit<ProviderInput, 'services'>>;

const newService = (): ServiceForm => ({
  id: null, name: '', category: 'health', description: '', minAge: '', maxAge: '', sexes: [], disabilityOnly: false, eligibilityNotes: '', languages: '', cost: 'free',
  costNotes: '', accessibility: '', openingHours: '', capacity: '', waitingDays: '', openToNonReturnees: false, active: true, areaIds: [],
});
const newProvider = (): ProviderForm => ({
  id: null, name: '', kind: 'ngo', contactName: '', phone: '', email: '', address: '', language: 'en', referralProcedure: '', requiredFields: [], active: true, lastVerified: null, partnerId: null,
});
const num = (v: string) => (v.trim() === '' ? null : Math.trunc(Number(v)));

export function ProviderDialog({ providerId, onClose }: { providerId: string | null; onClose: () => void }) {
  const { t } = useTranslation(['services', 'referrals']);
  const existing = useQuery({ queryKey: ['services', 'provider', providerId], queryFn: () => call('services.provider', { providerId: providerId! }), enabled: providerId !== null });
  return (
    <Dialog open onClose={onClose} title={providerId ? t('provider.edit') : t('provider.add')}>
      {providerId && existing.isPending ? <Loading /> : null}
      <ErrorAlert error={existing.error} />
      {!providerId || existing.data ? (
        <ProviderFormBody
          initial={existing.data ? { ...existing.data, kind: existing.data.kind, language: existing.data.language as Language, requiredFields: existing.data.requiredFields as ReferralField[] } : newProvider()}
          initialServices={(existing.data?.services ?? []).map((s) => ({ ...s, sexes: s.sexes as ServiceForm['sexes'], languages: s.languages.join('; '), minAge: s.minAge?.toString() ?? '', maxAge: s.maxAge?.toString() ?? '', waitingDays: s.waitingDays?.toString() ?? '' }))}
          onClose={onClose}
        />
      ) : null}
    </Dialog>
  );
}

function ProviderFormBody({ initial, initialServices, onClose }: { initial: ProviderForm; initialServices: ServiceForm[]; onClose: () => void }) {
  const { t } = useTranslation(['services', 'referrals']);
  const toast = useToast();
  const queryClient = useQueryClient();
  const areas = useAreas();
  const categories = useCategories();
  const categoryLabel = useCategoryLabel(categories.data);
  const [p, setP] = useState<ProviderForm>({ id: initial.id, name: initial.name, kind: initial.kind, contactName: initial.contactName, phone: initial.phone, email: initial.email, address: initial.address, language: initial.language, referralProcedure: initial.referralProcedure, requiredFields: initial.requiredFields, active: initial.active, lastVerified: initial.lastVerified, partnerId: initial.partnerId });
  const [services, setServices] = useState<ServiceForm[]>(initialServices.length ? initialServices : [newService()]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const setField = <K extends keyof ProviderForm>(key: K, value: ProviderForm[K]) => setP((x) => ({ ...x, [key]: value }));
  const setService = (i: number, patch: Partial<ServiceForm>) => setServices((list) => list.map((s, j) => (j === i ? { ...s, ...patch } : s)));

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await call('services.saveProvider', {
        provider: {
          ...p,
          services: services
            .filter((s) => s.name.trim() !== '')
            .map((s) => ({ ...s, languages: s.languages.split(';').map((l) => l.trim()).filter(Boolean), minAge: num(s.minAge), maxAge: num(s.maxAge), waitingDays: num(s.waitingDays) })),
        },
      });
      await queryClient.invalidateQueries({ queryKey: servicesKeys.all });
      toast.show(t('provider.saved'));
      onClose();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" noValidate onSubmit={(e) => void save(e)}>
      <fieldset className="stack">
        <legend className="field__label">{t('provider.legend')}</legend>
        <TextField label={t('provider.name')} required maxLength={200} value={p.name} onChange={(e) => setField('name', e.target.value)} />
        <SelectField label={t('provider.kind')} value={p.kind} onChange={(e) => setField('kind', e.target.value as ProviderForm['kind'])}>
          {providerKinds.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('provider.contactName')} maxLength={200} value={p.contactName} onChange={(e) => setField('contactName', e.target.value)} />
        <TextField label={t('provider.phone')} maxLength={60} value={p.phone} onChange={(e) => setField('phone', e.target.value)} />
        <TextField label={t('provider.email')} type="email" maxLength={200} value={p.email} onChange={(e) => setField('email', e.target.value)} />
        <TextAreaField label={t('provider.address')} rows={2} maxLength={500} value={p.address} onChange={(e) => setField('address', e.target.value)} />
        <SelectField label={t('provider.language')} value={p.language} onChange={(e) => setField('language', e.target.value as Language)}>
          {languages.map((l) => (
            <option key={l} value={l} lang={l}>
              {languageNames[l]}
            </option>
          ))}
        </SelectField>
        <TextAreaField label={t('provider.procedure')} rows={2} maxLength={2000} value={p.referralProcedure} onChange={(e) => setField('referralProcedure', e.target.value)} />
        <fieldset className="services-checks">
          <legend className="field__label">{t('provider.requiredFields')}</legend>
          {referralFieldKeys.map((f) => (
            <CheckboxField
              key={f}
              label={t(`referrals:fields.${f}`)}
              checked={p.requiredFields.includes(f)}
              onChange={(e) => setField('requiredFields', e.target.checked ? [...p.requiredFields, f] : p.requiredFields.filter((x) => x !== f))}
            />
          ))}
        </fieldset>
        <PartnerField value={p.partnerId} onChange={(partnerId) => setField('partnerId', partnerId)} />
        <TextField type="date" label={t('provider.lastVerified')} value={p.lastVerified ?? ''} onChange={(e) => setField('lastVerified', e.target.value || null)} />
        <CheckboxField label={t('provider.active')} checked={p.active} onChange={(e) => setField('active', e.target.checked)} />
      </fieldset>
      {services.map((s, i) => (
        <fieldset key={s.id ?? `new-${i}`} className="stack services-service">
          <legend className="field__label">
            {t('provider.services')} {i + 1}
          </legend>
          <TextField label={t('service.name')} maxLength={200} value={s.name} onChange={(e) => setService(i, { name: e.target.value })} />
          <SelectField label={t('service.category')} value={s.category} onChange={(e) => setService(i, { category: e.target.value })}>
            {offeredCategories(categories.data, s.category).map((c) => (
              <option key={c.key} value={c.key}>
                {categoryLabel(c.key)}
              </option>
            ))}
          </SelectField>
          <TextAreaField label={t('provider.description')} rows={2} maxLength={2000} value={s.description} onChange={(e) => setService(i, { description: e.target.value })} />
          <SelectField
            label={t('provider.areasServed')}
            multiple
            size={Math.min(6, Math.max(2, areas.data?.length ?? 2))}
            value={s.areaIds}
            onChange={(e) => setService(i, { areaIds: Array.from(e.target.selectedOptions, (o) => o.value) })}
          >
            {areaTree(areas.data ?? []).map(({ area, depth }) => (
              <option key={area.id} value={area.id}>
                {'\u00a0\u00a0'.repeat(depth)}
                {areaLabel(area)}
              </option>
            ))}
          </SelectField>
          <div className="services-row">
            <TextField label={t('provider.minAge')} type="number" min={0} max={120} value={s.minAge} onChange={(e) => setService(i, { minAge: e.target.value })} />
            <TextField label={t('provider.maxAge')} type="number" min={0} max={120} value={s.maxAge} onChange={(e) => setService(i, { maxAge: e.target.value })} />
            <TextField label={t('provider.waitingDays')} type="number" min={0} max={3650} value={s.waitingDays} onChange={(e) => setService(i, { waitingDays: e.target.value })} />
          </div>
          <fieldset className="services-checks">
            <legend className="field__label">{t('provider.sexesLabel')}</legend>
            {eligibleSexes.map((x) => (
              <CheckboxField key={x} label={t(`sexes.${x}`)} checked={s.sexes.includes(x)} onChange={(e) => setService(i, { sexes: e.target.checked ? [...s.sexes, x] : s.sexes.filter((y) => y !== x) })} />
            ))}
          </fieldset>
          <CheckboxField label={t('provider.disabilityOnly')} checked={s.disabilityOnly} onChange={(e) => setService(i, { disabilityOnly: e.target.checked })} />
          <TextField label={t('provider.eligibilityNotes')} maxLength={1000} value={s.eligibilityNotes} onChange={(e) => setService(i, { eligibilityNotes: e.target.value })} />
          <TextField label={t('provider.serviceLanguages')} maxLength={400} value={s.languages} onChange={(e) => setService(i, { languages: e.target.value })} />
          <SelectField label={t('service.cost')} value={s.cost} onChange={(e) => setService(i, { cost: e.target.value as ServiceForm['cost'] })}>
            {serviceCosts.map((c) => (
              <option key={c} value={c}>
                {t(`costs.${c}`)}
              </option>
            ))}
          </SelectField>
          <TextField label={t('provider.costNotes')} maxLength={500} value={s.costNotes} onChange={(e) => setService(i, { costNotes: e.target.value })} />
          <TextField label={t('provider.accessibility')} maxLength={500} value={s.accessibility} onChange={(e) => setService(i, { accessibility: e.target.value })} />
          <TextField label={t('provider.openingHours')} maxLength={300} value={s.openingHours} onChange={(e) => setService(i, { openingHours: e.target.value })} />
          <TextField label={t('provider.capacity')} maxLength={300} value={s.capacity} onChange={(e) => setService(i, { capacity: e.target.value })} />
          <CheckboxField label={t('provider.openToNonReturnees')} checked={s.openToNonReturnees} onChange={(e) => setService(i, { openToNonReturnees: e.target.checked })} />
          <CheckboxField label={t('provider.active')} checked={s.active} onChange={(e) => setService(i, { active: e.target.checked })} />
        </fieldset>
      ))}
      <Button onClick={() => setServices((list) => [...list, newService()])}>{t('provider.addService')}</Button>
      <ErrorAlert error={failure} />
      <FormFooter submit={t('provider.save')} busy={busy} onCancel={onClose} />
    </form>
  );
}

// DOM. A provider and its services, every field of the directory entry (B4.1): contacts, the
// language its referral slips are printed in, what it needs on a referral, when it was last
// verified, and per service the category, areas served, eligibility, languages, cost, access,
// hours, capacity and waiting time.
import { AreaOptions } from './AreaOptions';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useFieldArray, useForm, useWatch, type Path, type PathValue } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { languageNames, languages, type Language } from '@shared/i18n/languages';
import { referralFieldKeys, type ReferralField } from '@shared/referrals/fields';
import { eligibleSexes, providerKinds, serviceCosts, type ProviderInput, type Service, type ServiceInput } from '@shared/services/contract';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/Field';
import { FormFooter } from '../../ui/form/FormFooter';
import { ErrorAlert, Loading } from '../../ui/misc';
import { useFormDraft } from '../../ui/useDraft';
import { useSubmit } from '../../ui/useSubmit';
import { offeredCategories, servicesKeys, useAreas, useCategories, useCategoryLabel } from './kit';
import { PartnerField } from './PartnerField';

type ServiceForm = Required<Omit<ServiceInput, 'languages' | 'minAge' | 'maxAge' | 'waitingDays'>> & { languages: string; minAge: string; maxAge: string; waitingDays: string };
type ProviderForm = Required<Omit<ProviderInput, 'services'>>;
type ProviderValues = ProviderForm & { services: ServiceForm[] };

const newService = (): ServiceForm => ({
  id: null, name: '', category: 'health', description: '', minAge: '', maxAge: '', sexes: [], disabilityOnly: false, eligibilityNotes: '', languages: '', cost: 'free',
  costNotes: '', accessibility: '', openingHours: '', capacity: '', waitingDays: '', openToNonReturnees: false, active: true, areaIds: [],
});
const newProvider = (): ProviderForm => ({
  id: null, name: '', kind: 'ngo', contactName: '', phone: '', email: '', address: '', language: 'en', referralProcedure: '', requiredFields: [], active: true, lastVerified: null, partnerId: null,
});
/**
 * A stored service as the form holds it: only the fields the form sends back (the directory's own,
 * such as the provider's name or "stale", would be refused by the strict contract on saving).
 */
function toServiceForm(s: Service): ServiceForm {
  const { id, name, category, description, disabilityOnly, eligibilityNotes, cost, costNotes, accessibility, openingHours, capacity, openToNonReturnees, active, areaIds } = s;
  return {
    ...{ id, name, category, description, disabilityOnly, eligibilityNotes, cost, costNotes, accessibility, openingHours, capacity, openToNonReturnees, active, areaIds },
    sexes: s.sexes as ServiceForm['sexes'],
    languages: s.languages.join('; '),
    minAge: s.minAge?.toString() ?? '',
    maxAge: s.maxAge?.toString() ?? '',
    waitingDays: s.waitingDays?.toString() ?? '',
  };
}
const num = (v: string) => (v.trim() === '' ? null : Math.trunc(Number(v)));

/** Where a provider's form keeps its draft: the directory is the office's, so the key is the user's own, not a case's. */
export const providerDraftPrefix = 'services:provider:';
export const providerDraftKey = (providerId: string | null) => `${providerDraftPrefix}${providerId ?? 'new'}`;

export function ProviderDialog({ providerId, onClose }: { providerId: string | null; onClose: () => void }) {
  const { t } = useTranslation(['services', 'referrals']);
  const existing = useQuery({ queryKey: ['services', 'provider', providerId], queryFn: () => call('services.provider', { providerId: providerId! }), enabled: providerId !== null });
  return (
    <Dialog open onClose={onClose} title={providerId ? t('provider.edit') : t('provider.add')}>
      {providerId && existing.isPending ? <Loading /> : null}
      <ErrorAlert error={existing.error} />
      {!providerId || existing.data ? (
        <ProviderFormBody
          draftKey={providerDraftKey(providerId)}
          initial={existing.data ? { ...existing.data, kind: existing.data.kind, language: existing.data.language as Language, requiredFields: existing.data.requiredFields as ReferralField[] } : newProvider()}
          initialServices={(existing.data?.services ?? []).map(toServiceForm)}
          onClose={onClose}
        />
      ) : null}
    </Dialog>
  );
}

function ProviderFormBody({ draftKey, initial, initialServices, onClose }: { draftKey: string; initial: ProviderForm; initialServices: ServiceForm[]; onClose: () => void }) {
  const { t } = useTranslation(['services', 'referrals']);
  const queryClient = useQueryClient();
  const areas = useAreas();
  const categories = useCategories();
  const categoryLabel = useCategoryLabel(categories.data);
  // The core checks the entry (as before): the form's numbers are typed text, and a service left without a name is dropped.
  const form = useForm<ProviderValues>({
    defaultValues: {
      id: initial.id, name: initial.name, kind: initial.kind, contactName: initial.contactName, phone: initial.phone, email: initial.email, address: initial.address, language: initial.language,
      referralProcedure: initial.referralProcedure, requiredFields: initial.requiredFields, active: initial.active, lastVerified: initial.lastVerified, partnerId: initial.partnerId,
      services: initialServices.length ? initialServices : [newService()],
    },
  });
  const draft = useFormDraft(form, draftKey);
  const { failure, run } = useSubmit();
  // `key`, not `id`: a service's own id is part of its values.
  const services = useFieldArray({ control: form.control, name: 'services', keyName: 'key' });
  // Lists, checkbox groups and selects whose options load later are held by the form and shown from it.
  const values = useWatch({ control: form.control }) as ProviderValues;
  const set = <N extends Path<ProviderValues>>(name: N, value: PathValue<ProviderValues, N>) => form.setValue(name, value, { shouldDirty: true });
  const text = (name: Path<ProviderValues>) => form.register(name);

  const save = form.handleSubmit((p) =>
    run(
      async () => {
        await call('services.saveProvider', {
          provider: {
            ...p,
            services: p.services
              .filter((s) => s.name.trim() !== '')
              .map((s) => ({ ...s, languages: s.languages.split(';').map((l) => l.trim()).filter(Boolean), minAge: num(s.minAge), maxAge: num(s.maxAge), waitingDays: num(s.waitingDays) })),
          },
        });
        await draft.discard();
        await queryClient.invalidateQueries({ queryKey: servicesKeys.all });
      },
      t('provider.saved'),
      { then: onClose },
    ),
  );
  // Cancel forgets what was typed; the dialog's × keeps it for next time.
  const cancel = () => void draft.discard().then(onClose);
  const requiredFields = values.requiredFields ?? [];

  return (
    <form className="stack" noValidate onSubmit={(e) => void save(e)}>
      <fieldset className="stack">
        <legend className="field__label">{t('provider.legend')}</legend>
        <TextField label={t('provider.name')} required maxLength={200} {...text('name')} />
        <SelectField label={t('provider.kind')} {...text('kind')}>
          {providerKinds.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('provider.contactName')} maxLength={200} {...text('contactName')} />
        <TextField label={t('provider.phone')} maxLength={60} {...text('phone')} />
        <TextField label={t('provider.email')} type="email" maxLength={200} {...text('email')} />
        <TextAreaField label={t('provider.address')} rows={2} maxLength={500} {...text('address')} />
        <SelectField label={t('provider.language')} {...text('language')}>
          {languages.map((l) => (
            <option key={l} value={l} lang={l}>
              {languageNames[l]}
            </option>
          ))}
        </SelectField>
        <TextAreaField label={t('provider.procedure')} rows={2} maxLength={2000} {...text('referralProcedure')} />
        <fieldset className="services-checks">
          <legend className="field__label">{t('provider.requiredFields')}</legend>
          {referralFieldKeys.map((f) => (
            <CheckboxField
              key={f}
              label={t(`referrals:fields.${f}`)}
              checked={requiredFields.includes(f)}
              onChange={(e) => set('requiredFields', e.target.checked ? [...requiredFields, f] : requiredFields.filter((x) => x !== f))}
            />
          ))}
        </fieldset>
        <PartnerField value={values.partnerId ?? null} onChange={(partnerId) => set('partnerId', partnerId)} />
        <TextField type="date" label={t('provider.lastVerified')} {...form.register('lastVerified', { setValueAs: (v: string | null) => v || null })} />
        <CheckboxField label={t('provider.active')} {...form.register('active')} />
      </fieldset>
      {services.fields.map((field, i) => {
        const s = values.services?.[i] ?? field;
        return (
          <fieldset key={field.key} className="stack services-service">
            <legend className="field__label">
              {t('provider.services')} {i + 1}
            </legend>
            <TextField label={t('service.name')} maxLength={200} {...text(`services.${i}.name`)} />
            <SelectField label={t('service.category')} value={s.category} onChange={(e) => set(`services.${i}.category`, e.target.value)}>
              {offeredCategories(categories.data, s.category).map((c) => (
                <option key={c.key} value={c.key}>
                  {categoryLabel(c.key)}
                </option>
              ))}
            </SelectField>
            <TextAreaField label={t('provider.description')} rows={2} maxLength={2000} {...text(`services.${i}.description`)} />
            <SelectField
              label={t('provider.areasServed')}
              multiple
              size={Math.min(6, Math.max(2, areas.data?.length ?? 2))}
              value={s.areaIds}
              onChange={(e) => set(`services.${i}.areaIds`, Array.from(e.target.selectedOptions, (o) => o.value))}
            >
              <AreaOptions areas={areas.data} />
            </SelectField>
            <div className="services-row">
              <TextField label={t('provider.minAge')} type="number" min={0} max={120} {...text(`services.${i}.minAge`)} />
              <TextField label={t('provider.maxAge')} type="number" min={0} max={120} {...text(`services.${i}.maxAge`)} />
              <TextField label={t('provider.waitingDays')} type="number" min={0} max={3650} {...text(`services.${i}.waitingDays`)} />
            </div>
            <fieldset className="services-checks">
              <legend className="field__label">{t('provider.sexesLabel')}</legend>
              {eligibleSexes.map((x) => (
                <CheckboxField key={x} label={t(`sexes.${x}`)} checked={s.sexes.includes(x)} onChange={(e) => set(`services.${i}.sexes`, e.target.checked ? [...s.sexes, x] : s.sexes.filter((y) => y !== x))} />
              ))}
            </fieldset>
            <CheckboxField label={t('provider.disabilityOnly')} {...form.register(`services.${i}.disabilityOnly`)} />
            <TextField label={t('provider.eligibilityNotes')} maxLength={1000} {...text(`services.${i}.eligibilityNotes`)} />
            <TextField label={t('provider.serviceLanguages')} maxLength={400} {...text(`services.${i}.languages`)} />
            <SelectField label={t('service.cost')} {...text(`services.${i}.cost`)}>
              {serviceCosts.map((c) => (
                <option key={c} value={c}>
                  {t(`costs.${c}`)}
                </option>
              ))}
            </SelectField>
            <TextField label={t('provider.costNotes')} maxLength={500} {...text(`services.${i}.costNotes`)} />
            <TextField label={t('provider.accessibility')} maxLength={500} {...text(`services.${i}.accessibility`)} />
            <TextField label={t('provider.openingHours')} maxLength={300} {...text(`services.${i}.openingHours`)} />
            <TextField label={t('provider.capacity')} maxLength={300} {...text(`services.${i}.capacity`)} />
            <CheckboxField label={t('provider.openToNonReturnees')} {...form.register(`services.${i}.openToNonReturnees`)} />
            <CheckboxField label={t('provider.active')} {...form.register(`services.${i}.active`)} />
          </fieldset>
        );
      })}
      <Button onClick={() => services.append(newService())}>{t('provider.addService')}</Button>
      <ErrorAlert error={failure} />
      <FormFooter submit={t('provider.save')} busy={form.formState.isSubmitting} onCancel={cancel} />
    </form>
  );
}

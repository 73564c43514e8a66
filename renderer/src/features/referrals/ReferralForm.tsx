// DOM. A new referral (or its draft): the need (a plan objective or an assessment finding), the
// category and a provider suggested by the child's area, age, sex and disability, the urgency, and
// the fields to share — defaults and the provider's required ones ticked; sensitive ones off, each
// needing the words to share and a reason when ticked. Typing is kept as a draft under `draftKey`
// (per case, and per referral when editing one), so a lock or closing the dialog loses nothing.
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm, useController, useWatch, type Control, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { CaseFile } from '@shared/cases/contract';
import { referralDraftInput, type Referral } from '@shared/referrals/contract';
import { fieldProblems, isSensitiveField, preselectedFields, referralFieldKeys, type ReferralField } from '@shared/referrals/fields';
import { urgencies, type Urgency } from '@shared/referrals/lifecycle';
import { call } from '../../api';
import { Dialog } from '../../ui/Dialog';
import { formSchemaOptions } from '../../ui/errors';
import { CheckboxField, SelectField, TextAreaField } from '../../ui/Field';
import { FormFooter } from '../../ui/form/FormFooter';
import { Alert, ErrorAlert } from '../../ui/misc';
import { useFormDraft } from '../../ui/useDraft';
import { useSubmit } from '../../ui/useSubmit';
import { offeredCategories, useCategories, useCategoryLabel } from '../services/kit';
import { referralKeys } from './kit';

const errorSource = { ns: 'referrals', prefixes: ['problems.'] } as const;

/** The contract's draft, as the form holds it ('' for "none"), with its rules named as the form shows them. */
const formSchema = referralDraftInput
  .omit({ id: true })
  .extend({ providerId: z.string(), serviceId: z.string(), objectiveKey: z.string(), need: z.string().max(2000) })
  .superRefine((v, ctx) => {
    if (!v.providerId) ctx.addIssue({ code: 'custom', path: ['serviceId'], message: 'unknownProvider' });
    if (!v.need.trim()) ctx.addIssue({ code: 'custom', path: ['need'], message: 'required' });
    for (const p of fieldProblems(v.fields, v.texts, v.reasons)) {
      if (p.code !== 'mandatory') ctx.addIssue({ code: 'custom', path: [p.code === 'textRequired' ? 'texts' : 'reasons', p.field], message: p.code });
    }
  });

interface FormValues {
  category: string;
  serviceId: string;
  providerId: string;
  objectiveKey: string;
  finding: string;
  need: string;
  urgency: Urgency;
  fields: ReferralField[];
  texts: Partial<Record<ReferralField, string>>;
  reasons: Partial<Record<ReferralField, string>>;
}

const providerQuery = (providerId: string) => ({ queryKey: ['services', 'provider', providerId], queryFn: () => call('services.provider', { providerId }) });

/** A select whose options load after the form (suggestions, categories, objectives): held by the form, so a draft's choice shows once they come. */
function useSelect(control: Control<FormValues>, name: 'category' | 'serviceId' | 'objectiveKey', onPick?: (value: string) => void) {
  const { field, fieldState } = useController({ control, name });
  return {
    name: field.name,
    ref: field.ref,
    value: field.value,
    onBlur: field.onBlur,
    error: fieldState.error,
    onChange: (e: React.ChangeEvent<HTMLSelectElement>) => {
      // What follows from the choice first: the change below re-checks the form with it in.
      onPick?.(e.target.value);
      field.onChange(e.target.value);
    },
  };
}

export function ReferralForm({ caseFile, draft, draftKey, initialCategory, excludeProviderId, onClose }: { caseFile: CaseFile; draft: Referral | null; draftKey: string; initialCategory?: string; excludeProviderId?: string; onClose: () => void }) {
  const { t } = useTranslation('referrals');
  const queryClient = useQueryClient();
  const categories = useCategories();
  const categoryLabel = useCategoryLabel(categories.data);
  const plan = useQuery({ queryKey: ['plans', caseFile.id, 'forReferral'], queryFn: () => call('plans.get', { caseId: caseFile.id }) });
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema, formSchemaOptions) as Resolver<FormValues>,
    defaultValues: {
      category: draft?.category ?? initialCategory ?? 'health',
      serviceId: draft?.serviceId ?? '',
      providerId: draft?.providerId ?? '',
      objectiveKey: draft?.objectiveKey ?? '',
      finding: draft?.finding ?? '',
      need: draft?.need ?? '',
      urgency: draft?.urgency ?? 'routine',
      fields: draft?.fields ?? preselectedFields([]),
      texts: draft?.texts ?? {},
      reasons: draft?.reasons ?? {},
    },
  });
  const saved = useFormDraft(form, draftKey, { enabled: caseFile.canWrite });
  const { failure, run } = useSubmit();
  const [category, providerId, objectiveKey, fields] = useWatch({ control: form.control, name: ['category', 'providerId', 'objectiveKey', 'fields'] });
  const suggestions = useQuery({
    queryKey: referralKeys.suggest(caseFile.id, category, excludeProviderId ?? null),
    queryFn: () => call('referrals.suggest', { caseId: caseFile.id, category, excludeProviderId: excludeProviderId ?? null }),
  });
  // What the chosen provider requires is named next to each field (also for a draft coming back).
  const provider = useQuery({ ...providerQuery(providerId), enabled: providerId !== '' });
  const required: string[] = provider.data?.requiredFields ?? [];

  const choose = (id: string) => {
    const s = suggestions.data?.find((x) => x.id === id);
    form.setValue('providerId', s?.providerId ?? '');
    if (s) {
      // The provider's own requirements, fetched once chosen, are ticked (sensitive ones still need a reason).
      void queryClient.fetchQuery(providerQuery(s.providerId)).then((p) => {
        form.setValue('fields', [...new Set([...form.getValues('fields'), ...preselectedFields(p.requiredFields)])] as ReferralField[]);
      });
    }
  };
  const categorySelect = useSelect(form.control, 'category', () => {
    form.setValue('serviceId', '');
    form.setValue('providerId', '');
  });
  const serviceSelect = useSelect(form.control, 'serviceId', choose);
  const objectiveSelect = useSelect(form.control, 'objectiveKey');
  const objectives = plan.data?.current?.objectives ?? [];
  const { errors, isSubmitting } = form.formState;

  const save = form.handleSubmit((values) =>
    run(
      async () => {
        await call('referrals.saveDraft', {
          caseId: caseFile.id,
          referral: { ...values, id: draft?.id ?? null, serviceId: values.serviceId || null, objectiveKey: values.objectiveKey || null },
        });
        await saved.discard();
        await queryClient.invalidateQueries({ queryKey: referralKeys.all });
      },
      t('form.saved'),
      { then: onClose },
    ),
  );
  // Cancel forgets what was typed; the dialog's × keeps it for next time.
  const cancel = () => void saved.discard().then(onClose);

  return (
    <Dialog open onClose={onClose} title={draft ? t('form.edit') : t('form.new')}>
      <form className="stack" noValidate onSubmit={(e) => void save(e)}>
        <SelectField label={t('form.category')} {...categorySelect}>
          {offeredCategories(categories.data, draft?.category).map((c) => (
            <option key={c.key} value={c.key}>
              {categoryLabel(c.key)}
            </option>
          ))}
        </SelectField>
        {suggestions.data && suggestions.data.length === 0 ? <Alert tone="warning">{t('form.noSuggestion')}</Alert> : null}
        <SelectField label={t('form.suggested')} required errorSource={errorSource} {...serviceSelect}>
          <option value="">—</option>
          {suggestions.data?.map((s) => (
            <option key={s.id} value={s.id}>
              {s.providerName} — {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('form.objective')} {...objectiveSelect}>
          <option value="">{t('form.noObjective')}</option>
          {objectives.map((o) => (
            <option key={o.key} value={o.key}>
              {o.objective}
            </option>
          ))}
        </SelectField>
        {objectiveKey ? null : <TextAreaField label={t('form.finding')} rows={2} maxLength={1000} {...form.register('finding')} />}
        <TextAreaField label={t('form.need')} required rows={3} maxLength={2000} error={errors.need} errorSource={errorSource} {...form.register('need')} />
        <SelectField label={t('form.urgency')} description={t('form.urgencyHelp')} {...form.register('urgency')}>
          {urgencies.map((u) => (
            <option key={u} value={u}>
              {t(`urgency.${u}`)}
            </option>
          ))}
        </SelectField>
        <fieldset className="stack">
          <legend className="field__label">{t('form.fieldsLegend')}</legend>
          <p className="field__description">{t('form.fieldsHelp')}</p>
          {referralFieldKeys.map((f) => {
            const sensitive = isSensitiveField(f);
            const mandatory = f === 'need' || f === 'urgency';
            const notes = [required.includes(f) ? t('form.requiredByProvider') : '', sensitive ? t('form.sensitive') : ''].filter(Boolean).join(' · ');
            return (
              <div key={f} className="referral-field">
                <CheckboxField
                  label={notes ? `${t(`fields.${f}`)} (${notes})` : t(`fields.${f}`)}
                  checked={fields.includes(f)}
                  disabled={mandatory}
                  onChange={(e) => form.setValue('fields', e.target.checked ? [...fields, f] : fields.filter((x) => x !== f), { shouldValidate: form.formState.isSubmitted })}
                />
                {sensitive && fields.includes(f) ? (
                  <div className="referral-field__why">
                    <TextAreaField label={t('form.text')} required rows={2} maxLength={2000} error={errors.texts?.[f]} errorSource={errorSource} {...form.register(`texts.${f}`)} />
                    <TextAreaField label={t('form.reason')} required rows={2} maxLength={2000} error={errors.reasons?.[f]} errorSource={errorSource} {...form.register(`reasons.${f}`)} />
                  </div>
                ) : null}
              </div>
            );
          })}
        </fieldset>
        <ErrorAlert error={failure} />
        <FormFooter submit={t('form.saveDraft')} busy={isSubmitting} onCancel={cancel} cancelText={t('form.cancel')} />
      </form>
    </Dialog>
  );
}

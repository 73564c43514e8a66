// DOM. A new referral (or its draft): the need (a plan objective or an assessment finding), the
// category and a provider suggested by the child's area, age, sex and disability, the urgency, and
// the fields to share — defaults and the provider's required ones ticked; sensitive ones off, each
// needing the words to share and a reason when ticked.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '@shared/cases/contract';
import type { Referral } from '@shared/referrals/contract';
import { fieldProblems, isSensitiveField, preselectedFields, referralFieldKeys, type ReferralField } from '@shared/referrals/fields';
import { urgencies, type Urgency } from '@shared/referrals/lifecycle';
import { call } from '../../api';
import { Dialog } from '../../ui/Dialog';
import { CheckboxField, SelectField, TextAreaField } from '../../ui/Field';
import { FormFooter } from '../../ui/form/FormFooter';
import { Alert, ErrorAlert } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { offeredCategories, useCategories, useCategoryLabel } from '../services/kit';
import { referralKeys } from './kit';

const errorSource = { ns: 'referrals', prefixes: ['problems.'] } as const;

export function ReferralForm({ caseFile, draft, initialCategory, excludeProviderId, onClose }: { caseFile: CaseFile; draft: Referral | null; initialCategory?: string; excludeProviderId?: string; onClose: () => void }) {
  const { t } = useTranslation('referrals');
  const toast = useToast();
  const queryClient = useQueryClient();
  const categories = useCategories();
  const categoryLabel = useCategoryLabel(categories.data);
  const plan = useQuery({ queryKey: ['plans', caseFile.id, 'forReferral'], queryFn: () => call('plans.get', { caseId: caseFile.id }) });
  const [category, setCategory] = useState(draft?.category ?? initialCategory ?? 'health');
  const suggestions = useQuery({
    queryKey: referralKeys.suggest(caseFile.id, category, excludeProviderId ?? null),
    queryFn: () => call('referrals.suggest', { caseId: caseFile.id, category, excludeProviderId: excludeProviderId ?? null }),
  });
  const [serviceId, setServiceId] = useState(draft?.serviceId ?? '');
  const [providerId, setProviderId] = useState(draft?.providerId ?? '');
  const [objectiveKey, setObjectiveKey] = useState(draft?.objectiveKey ?? '');
  const [finding, setFinding] = useState(draft?.finding ?? '');
  const [need, setNeed] = useState(draft?.need ?? '');
  const [urgency, setUrgency] = useState<Urgency>(draft?.urgency ?? 'routine');
  const [fields, setFields] = useState<ReferralField[]>(draft?.fields ?? preselectedFields([]));
  const [texts, setTexts] = useState<Record<string, string>>(draft?.texts ?? {});
  const [reasons, setReasons] = useState<Record<string, string>>(draft?.reasons ?? {});
  const [required, setRequired] = useState<string[]>([]);
  const [shown, setShown] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const choose = (id: string) => {
    const s = suggestions.data?.find((x) => x.id === id);
    setServiceId(id);
    setProviderId(s?.providerId ?? '');
    if (s) {
      // The provider's own requirements, fetched once chosen, are ticked (sensitive ones still need a reason).
      void call('services.provider', { providerId: s.providerId }).then((p) => {
        setRequired(p.requiredFields);
        setFields((f) => [...new Set([...f, ...preselectedFields(p.requiredFields)])] as ReferralField[]);
      });
    }
  };
  const problems = fieldProblems(fields, texts, reasons);
  const problemFor = (f: ReferralField, kind: 'textRequired' | 'reasonRequired') => (shown && problems.some((p) => p.field === f && p.code === kind) ? { message: kind } : undefined);
  const objectives = plan.data?.current?.objectives ?? [];

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setShown(true);
    if (!providerId || !need.trim() || problems.length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      await call('referrals.saveDraft', {
        caseId: caseFile.id,
        referral: { id: draft?.id ?? null, providerId, serviceId: serviceId || null, category, objectiveKey: objectiveKey || null, finding, need, urgency, fields, texts, reasons },
      });
      await queryClient.invalidateQueries({ queryKey: referralKeys.all });
      toast.show(t('form.saved'));
      onClose();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} title={draft ? t('form.edit') : t('form.new')}>
      <form className="stack" noValidate onSubmit={(e) => void save(e)}>
        <SelectField label={t('form.category')} value={category} onChange={(e) => { setCategory(e.target.value); setServiceId(''); setProviderId(''); }}>
          {offeredCategories(categories.data, draft?.category).map((c) => (
            <option key={c.key} value={c.key}>
              {categoryLabel(c.key)}
            </option>
          ))}
        </SelectField>
        {suggestions.data && suggestions.data.length === 0 ? <Alert tone="warning">{t('form.noSuggestion')}</Alert> : null}
        <SelectField label={t('form.suggested')} required value={serviceId} error={shown && !providerId ? { message: 'unknownProvider' } : undefined} errorSource={errorSource} onChange={(e) => choose(e.target.value)}>
          <option value="">—</option>
          {suggestions.data?.map((s) => (
            <option key={s.id} value={s.id}>
              {s.providerName} — {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('form.objective')} value={objectiveKey} onChange={(e) => setObjectiveKey(e.target.value)}>
          <option value="">{t('form.noObjective')}</option>
          {objectives.map((o) => (
            <option key={o.key} value={o.key}>
              {o.objective}
            </option>
          ))}
        </SelectField>
        {objectiveKey ? null : <TextAreaField label={t('form.finding')} rows={2} maxLength={1000} value={finding} onChange={(e) => setFinding(e.target.value)} />}
        <TextAreaField label={t('form.need')} required rows={3} maxLength={2000} value={need} error={shown && !need.trim() ? { message: 'required' } : undefined} errorSource={errorSource} onChange={(e) => setNeed(e.target.value)} />
        <SelectField label={t('form.urgency')} description={t('form.urgencyHelp')} value={urgency} onChange={(e) => setUrgency(e.target.value as Urgency)}>
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
                  onChange={(e) => setFields((list) => (e.target.checked ? [...list, f] : list.filter((x) => x !== f)))}
                />
                {sensitive && fields.includes(f) ? (
                  <div className="referral-field__why">
                    <TextAreaField label={t('form.text')} required rows={2} maxLength={2000} value={texts[f] ?? ''} error={problemFor(f, 'textRequired')} errorSource={errorSource} onChange={(e) => setTexts({ ...texts, [f]: e.target.value })} />
                    <TextAreaField label={t('form.reason')} required rows={2} maxLength={2000} value={reasons[f] ?? ''} error={problemFor(f, 'reasonRequired')} errorSource={errorSource} onChange={(e) => setReasons({ ...reasons, [f]: e.target.value })} />
                  </div>
                ) : null}
              </div>
            );
          })}
        </fieldset>
        <ErrorAlert error={failure} />
        <FormFooter submit={t('form.saveDraft')} busy={busy} onCancel={onClose} cancelText={t('form.cancel')} />
      </form>
    </Dialog>
  );
}

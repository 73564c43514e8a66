// DOM. Recording consent or the child's assent: who gave it (a family member can be chosen from the
// family tab), for which purposes, how and when, and the scan of a signed form if there is one.
// Typing is kept as a draft.
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '@shared/cases/contract';
import { consentGivers, consentInput, consentMethods, consentPurposes, type ConsentInput, type ConsentValues } from '@shared/consents/contract';
import { call } from '../../api';
import { useInvalidateCase } from '../../app/caseCache';
import { applyCoreIssues, formSchemaOptions, topLevelField } from '../../ui/errors';
import { SelectField, TextAreaField, TextField } from '../../ui/form/fields';
import { FormFooter } from '../../ui/form/FormFooter';
import { todayUtc } from '../../ui/format';
import { Alert, ErrorAlert } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { useFormDraft } from '../../ui/useDraft';
import { Choice, ChoiceGroup } from '../family/fields';
import { networkKeys, personName } from '../family/kit';

const blank = (): ConsentInput => ({
  givenBy: 'caregiver',
  memberId: null,
  giverName: '',
  relationship: '',
  purposes: [],
  purposeOther: '',
  method: 'written',
  date: todayUtc(),
  documentId: null,
  notes: '',
});
const consentField = topLevelField(Object.keys(blank()) as (keyof ConsentInput)[], 'consent');
const orNull = (v: unknown) => (v === '' || v === null || v === undefined ? null : v);
// Several checkboxes of one name give an array; keep it an array even with one box ticked.
const asList = (v: unknown) => (Array.isArray(v) ? v : v === false || v === null || v === undefined || v === '' ? [] : [v]);

export function ConsentForm({ caseFile, onClose }: { caseFile: CaseFile; onClose: () => void }) {
  const { t } = useTranslation(['consents', 'family', 'common']);
  const toast = useToast();
  const invalidate = useInvalidateCase(caseFile.id);
  const [failure, setFailure] = useState<unknown>(null);
  const members = useQuery({
    queryKey: networkKeys.family(caseFile.id, false),
    queryFn: () => call('family.list', { caseId: caseFile.id, includeRemoved: false }),
  });
  const documents = useQuery({
    queryKey: networkKeys.documents(caseFile.id, false),
    queryFn: () => call('notes.listDocuments', { caseId: caseFile.id, includeRemoved: false }),
  });
  const form = useForm<ConsentInput, unknown, ConsentValues>({
    resolver: zodResolver(consentInput, formSchemaOptions),
    defaultValues: blank(),
    mode: 'onTouched',
  });
  const draft = useFormDraft(form, `case:${caseFile.id}:consents:record`, { enabled: caseFile.canWrite });
  const { errors, isSubmitting } = form.formState;
  const [givenBy, memberId, purposes] = useWatch({ control: form.control, name: ['givenBy', 'memberId', 'purposes'] });

  const record = useMutation({ mutationFn: (consent: ConsentValues) => call('consents.record', { caseId: caseFile.id, consent }) });
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      // The child assents in their own right: no family member, name or relationship.
      const consent = values.givenBy === 'child' ? { ...values, memberId: null, giverName: '', relationship: '' } : values;
      await record.mutateAsync(consent);
      await draft.discard();
      invalidate();
      toast.show(t('saved'));
      onClose();
    } catch (error) {
      if (!applyCoreIssues(error, form.setError, consentField)) setFailure(error);
    }
  });

  const people = (members.data ?? []).filter((m) => !m.deceased);
  return (
    <form className="stack" noValidate onSubmit={submit}>
      {draft.restored ? (
        <Alert tone="info" live={false}>
          {t('draft.restored')}
        </Alert>
      ) : null}
      <ChoiceGroup label={t('fields.givenBy')} required error={errors.givenBy} description={t('fields.givenByHelp')}>
        {consentGivers.map((g) => (
          <Choice key={g} type="radio" value={g} label={t(`givers.${g}`)} {...form.register('givenBy')} />
        ))}
      </ChoiceGroup>

      {givenBy !== 'child' ? (
        <>
          <SelectField
            label={t('fields.member')}
            description={t('fields.memberHelp')}
            error={errors.memberId}
            {...form.register('memberId', { setValueAs: orNull })}
          >
            <option value="">{t('fields.noMember')}</option>
            {people.map((m) => (
              <option key={m.id} value={m.id}>
                {personName(m)} — {m.relationship ? t(`family:relationships.${m.relationship}`) : m.role ? t(`family:roles.${m.role}`) : ''}
              </option>
            ))}
          </SelectField>
          <div className="form-grid">
            <TextField label={t('fields.giverName')} required={!memberId} autoComplete="off" error={errors.giverName} {...form.register('giverName')} />
            <TextField label={t('fields.relationship')} required={!memberId} error={errors.relationship} {...form.register('relationship')} />
          </div>
        </>
      ) : null}

      <ChoiceGroup label={t('fields.purposes')} required error={errors.purposes as { message?: string } | undefined}>
        {consentPurposes.map((p) => (
          <Choice key={p} type="checkbox" value={p} label={t(`purposes.${p}`)} {...form.register('purposes', { setValueAs: asList })} />
        ))}
      </ChoiceGroup>
      {asList(purposes).includes('other') ? (
        <TextField label={t('fields.purposeOther')} required error={errors.purposeOther} {...form.register('purposeOther')} />
      ) : null}

      <div className="form-grid">
        <SelectField label={t('fields.method')} required error={errors.method} {...form.register('method')}>
          {consentMethods.map((m) => (
            <option key={m} value={m}>
              {t(`methods.${m}`)}
            </option>
          ))}
        </SelectField>
        <TextField type="date" label={t('fields.date')} required max={todayUtc()} error={errors.date} {...form.register('date')} />
      </div>

      <SelectField
        label={t('fields.document')}
        description={t('fields.documentHelp')}
        error={errors.documentId}
        {...form.register('documentId', { setValueAs: orNull })}
      >
        <option value="">{t('fields.noDocument')}</option>
        {(documents.data ?? []).map((d) => (
          <option key={d.id} value={d.id}>
            {d.title}
          </option>
        ))}
      </SelectField>

      <TextAreaField label={t('fields.notes')} description={t('fields.notesHelp')} rows={3} error={errors.notes} {...form.register('notes')} />

      <ErrorAlert error={failure} />
      <FormFooter submit={t('save')} busy={isSubmitting} onCancel={onClose} savedText={draft.savedAt ? t('draft.saved') : null} />
    </form>
  );
}

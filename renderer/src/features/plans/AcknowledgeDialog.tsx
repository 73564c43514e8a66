// DOM. The family acknowledges the draft plan: by a signature drawn on screen, a thumbprint scan
// attached, or in words before a witness (the way for anyone who cannot draw or use a pointer),
// with the names of the family members, whether the child took part, and the date.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useFieldArray, useForm, useWatch, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { CaseFile } from '@shared/cases/contract';
import { imageMimes, isoDate, shortText } from '@shared/cases/fields';
import type { ChannelInput } from '@shared/contract';
import type { PlanVersion } from '@shared/plans/contract';
import { acknowledgementMethods, familyMemberSchema } from '@shared/plans/schemas';
import { ApiError } from '../../api';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { applyCoreIssues, formSchemaOptions } from '../../ui/errors';
import { dataUrl, readAsBase64 } from '../../ui/files';
import { CheckboxField, FieldError, FieldErrorNamespace, TextAreaField, TextField } from '../../ui/form/fields';
import { FormFooter } from '../../ui/form/FormFooter';
import { todayUtc, useDayFormat } from '../../ui/format';
import { Alert, ErrorAlert } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { useFormDraft } from '../../ui/useDraft';
import { DraftStatus } from './DraftStatus';
import { planErrorPrefixes } from './kit';
import { usePlanMutation } from './queries';
import { SignaturePad } from './SignaturePad';

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** The dialog's flat form; turned into the channel's one-of-three shape on submit. */
const acknowledgeFormSchema = z
  .object({
    method: z.enum(acknowledgementMethods),
    date: isoDate,
    familyMembers: z.array(familyMemberSchema).min(1).max(20),
    childAcknowledged: z.boolean(),
    witnessName: shortText,
    witnessRole: shortText,
    notes: z.string().trim().max(2000),
    image: z.object({ mime: z.enum(imageMimes), dataBase64: z.string().min(8) }).nullable(),
  })
  .superRefine((v, ctx) => {
    if (v.method === 'verbal' && !v.witnessName) ctx.addIssue({ code: 'custom', path: ['witnessName'], message: 'witnessRequired' });
    if (v.method !== 'verbal' && !v.image) {
      ctx.addIssue({ code: 'custom', path: ['image'], message: v.method === 'signature' ? 'signatureRequired' : 'thumbprintRequired' });
    }
  });
type Values = z.input<typeof acknowledgeFormSchema>;
type Parsed = z.output<typeof acknowledgeFormSchema>;

function toChannel(v: Parsed): ChannelInput<'plans.acknowledge'>['acknowledgement'] {
  const base = { date: v.date, familyMembers: v.familyMembers, childAcknowledged: v.childAcknowledged, notes: v.notes };
  if (v.method === 'verbal') return { method: 'verbal', witnessName: v.witnessName, witnessRole: v.witnessRole, ...base };
  if (v.method === 'signature') return { method: 'signature', signature: { mime: 'image/png', dataBase64: v.image!.dataBase64 }, ...base };
  return { method: 'thumbprint', thumbprint: v.image!, ...base };
}

function fieldFor(path: (string | number)[]): Path<Values> | null {
  if (path[0] !== 'acknowledgement') return null;
  const [, first, ...rest] = path;
  if (first === 'signature' || first === 'thumbprint') return 'image';
  if (first === 'familyMembers' && rest.length === 2) return `familyMembers.${Number(rest[0])}.${String(rest[1])}` as Path<Values>;
  if (first === 'date' || first === 'witnessName' || first === 'witnessRole' || first === 'notes') return first;
  return null;
}

/** What the core says the plan still lacks before a family can acknowledge it. */
function missingParts(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION') return [];
  return error.issues.filter((i) => i.code === 'requiredForAcknowledgement').map((i) => i.path.slice(1).join('.'));
}

async function readImage(file: File): Promise<{ mime: (typeof imageMimes)[number]; dataBase64: string }> {
  return { mime: file.type as (typeof imageMimes)[number], dataBase64: await readAsBase64(file) };
}

/** The acknowledgement's draft: one per case (only the newest draft plan can be acknowledged). */
export const acknowledgeDraftKey = (caseId: string) => `case:${caseId}:plans:acknowledge`;

const withoutImage = (values: Values): Values => ({ ...values, image: null });

function AcknowledgeForm({ caseFile, plan, onClose }: { caseFile: CaseFile; plan: PlanVersion; onClose: () => void }) {
  const { t } = useTranslation(['plans', 'common']);
  const toast = useToast();
  const day = useDayFormat();
  const [failure, setFailure] = useState<unknown>(null);
  const acknowledge = usePlanMutation(caseFile.id, 'plans.acknowledge');
  const form = useForm<Values, unknown, Parsed>({
    resolver: zodResolver(acknowledgeFormSchema, formSchemaOptions),
    defaultValues: {
      method: 'signature',
      date: todayUtc(),
      familyMembers: [{ name: '', relationship: '' }],
      childAcknowledged: true,
      witnessName: '',
      witnessRole: '',
      notes: '',
      image: null,
    },
    mode: 'onTouched',
  });
  // Typing is kept as a draft (the signature or scan is not: it is drawn or attached again).
  const draft = useFormDraft(form, acknowledgeDraftKey(caseFile.id), { toDraft: withoutImage });
  const { register, control, setValue, setError, clearErrors, handleSubmit, formState } = form;
  const { errors, isSubmitting } = formState;
  const members = useFieldArray({ control, name: 'familyMembers' });
  const method = useWatch({ control, name: 'method' });
  const image = useWatch({ control, name: 'image' });
  const childName = caseFile.child.givenName;

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      const result = await acknowledge.mutateAsync({ version: plan.version, acknowledgement: toChannel(values) });
      await draft.discard();
      toast.show(t('acknowledge.done', { date: day(result.reviewDue) }));
      onClose();
    } catch (error) {
      if (!applyCoreIssues(error, setError, fieldFor)) setFailure(error);
    }
  });

  const chooseMethod = (next: Values['method']) => {
    setValue('method', next, { shouldDirty: true });
    setValue('image', null);
    clearErrors('image');
  };

  const onFile = async (file: File | undefined) => {
    clearErrors('image');
    if (!file) return setValue('image', null);
    if (!(imageMimes as readonly string[]).includes(file.type)) return setError('image', { type: 'file', message: 'fileType' });
    if (file.size > MAX_IMAGE_BYTES) return setError('image', { type: 'file', message: 'fileTooLarge' });
    setValue('image', await readImage(file), { shouldValidate: true });
  };

  // Cancel means discard (the dialog's × keeps the draft, as in every case-work form).
  const cancel = async () => {
    await draft.discard();
    onClose();
  };

  const missing = missingParts(failure);
  return (
    <FieldErrorNamespace ns="plans" prefixes={planErrorPrefixes}>
      <form className="stack" noValidate onSubmit={submit}>
        <DraftStatus restored={draft.restored} savedAt={null} restoredText={t('editor.draftRestored')} savedText="" />
        <p>{t('acknowledge.intro', { version: plan.version })}</p>
        <fieldset className="method-choice">
          <legend>{t('acknowledge.method')}</legend>
          {acknowledgementMethods.map((m) => (
            <label key={m}>
              <input type="radio" name="ack-method" value={m} checked={method === m} onChange={() => chooseMethod(m)} />
              {t(`methods.${m}`)}
            </label>
          ))}
        </fieldset>

        {method === 'signature' ? (
          <div className="field">
            <p className="field__label">{t('acknowledge.signature')}</p>
            <SignaturePad
              invalid={Boolean(errors.image)}
              errorId={errors.image ? 'ack-image-error' : undefined}
              onChange={(png) => setValue('image', png ? { mime: 'image/png', dataBase64: png } : null, { shouldValidate: Boolean(errors.image) })}
            />
            <FieldError id="ack-image-error" error={errors.image} />
          </div>
        ) : null}
        {method === 'thumbprint' ? (
          <div className="field">
            <label className="field__label" htmlFor="ack-thumbprint">
              {t('acknowledge.thumbprint')}
            </label>
            <p className="field__description" id="ack-thumbprint-help">
              {t('acknowledge.thumbprintHelp')}
            </p>
            <input
              id="ack-thumbprint"
              type="file"
              accept={imageMimes.join(',')}
              className="input"
              aria-describedby={['ack-thumbprint-help', errors.image ? 'ack-image-error' : ''].filter(Boolean).join(' ')}
              aria-invalid={errors.image ? true : undefined}
              onChange={(event) => void onFile(event.target.files?.[0])}
            />
            {image ? <img className="plan-image" src={dataUrl(image)} alt={t('view.thumbprintAlt')} /> : null}
            <FieldError id="ack-image-error" error={errors.image} />
          </div>
        ) : null}
        {method === 'verbal' ? (
          <div className="form-grid">
            <TextField label={t('acknowledge.witnessName')} description={t('acknowledge.witnessHelp')} required error={errors.witnessName} {...register('witnessName')} />
            <TextField label={t('acknowledge.witnessRole')} error={errors.witnessRole} {...register('witnessRole')} />
          </div>
        ) : null}

        <fieldset className="stack plan-objective">
          <legend>{t('acknowledge.familyMembers')}</legend>
          {members.fields.map((field, index) => (
            <div key={field.id} className="form-grid">
              <TextField
                label={t('acknowledge.memberName', { number: index + 1 })}
                required
                error={errors.familyMembers?.[index]?.name}
                {...register(`familyMembers.${index}.name`)}
              />
              <TextField label={t('acknowledge.relationship')} error={errors.familyMembers?.[index]?.relationship} {...register(`familyMembers.${index}.relationship`)} />
              {members.fields.length > 1 ? (
                <div className="row row--end">
                  <Button size="sm" variant="ghost" onClick={() => members.remove(index)} aria-label={t('acknowledge.removeMemberNumber', { number: index + 1 })}>
                    {t('acknowledge.removeMember')}
                  </Button>
                </div>
              ) : null}
            </div>
          ))}
          <div>
            <Button size="sm" onClick={() => members.append({ name: '', relationship: '' })}>
              {t('acknowledge.addMember')}
            </Button>
          </div>
        </fieldset>
        <CheckboxField label={t('acknowledge.childTookPart', { name: childName })} {...register('childAcknowledged')} />
        <TextField type="date" label={t('acknowledge.date')} required max={todayUtc()} error={errors.date} {...register('date')} />
        <TextAreaField label={t('acknowledge.notes')} rows={2} error={errors.notes} {...register('notes')} />

        {missing.length > 0 ? (
          <Alert tone="warning" title={t('acknowledge.incompleteTitle')}>
            <ul className="plain-list">
              {missing.map((part) => (
                <li key={part}>{t(`acknowledge.missing.${part === 'guardianship.currentHolder' ? 'guardianship' : part}`)}</li>
              ))}
            </ul>
          </Alert>
        ) : (
          <ErrorAlert error={failure} />
        )}
        <FormFooter submit={t('acknowledge.submit')} busy={isSubmitting} onCancel={() => void cancel()} savedText={draft.savedAt ? t('editor.draftSaved') : null} />
      </form>
    </FieldErrorNamespace>
  );
}

export function AcknowledgeDialog({ caseFile, draft, open, onClose }: { caseFile: CaseFile; draft: PlanVersion; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('plans');
  return (
    <Dialog open={open} onClose={onClose} title={t('acknowledge.title', { version: draft.version })}>
      <AcknowledgeForm caseFile={caseFile} plan={draft} onClose={onClose} />
    </Dialog>
  );
}

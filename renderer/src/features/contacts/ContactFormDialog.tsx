// DOM. Plan a contact, or record one that was held (new, a planned one now held, or a correction).
// The unsupervised home visit is offered only once a supervised one went well; until then it is
// shown disabled with the reason. Typing is kept as a draft so closing the form loses nothing.
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Controller, useForm, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  contactKinds,
  contactModes,
  contactOutcomes,
  planContactSchema,
  recordContactSchema,
  remoteModes,
  type Contact,
  type PlanContactValues,
} from '@shared/contacts/contract';
import { useQuery } from '@tanstack/react-query';
import { call, isApiError } from '../../api';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { applyCoreIssues, formSchemaOptions, topLevelField } from '../../ui/errors';
import { FieldErrorNamespace, SelectField, TextAreaField, TextField } from '../../ui/form/fields';
import { FormFooter } from '../../ui/form/FormFooter';
import { todayUtc, useDayFormat } from '../../ui/format';
import { ErrorAlert } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { useFormDraft } from '../../ui/useDraft';
import { DurationField } from './DurationField';
import { RadioGroup } from './fields';
import { contactErrorPrefixes } from './formKit';
import { usePlanContact, useRecordContact } from './queries';

export type ContactFormTarget = { action: 'plan' } | { action: 'record'; contact?: Contact };

type BasicsValues = Pick<PlanContactValues, 'kind' | 'mode' | 'withWhom' | 'familyMemberId' | 'place' | 'durationMinutes'>;

const nullIfEmpty = (value: unknown) => (value === '' ? null : value);

/** What every contact has: its rung (or sibling contact), how, with whom, where, how long. */
function ContactBasics({ caseId, form, unsupervisedAllowed }: { caseId: string; form: UseFormReturn<BasicsValues>; unsupervisedAllowed: boolean }) {
  const { t } = useTranslation(['contacts', 'family']);
  // Linking the person lets the core apply their restriction (shared/contacts/ladder.ts contactRefusal).
  const family = useQuery({ queryKey: ['case', caseId, 'family', false], queryFn: () => call('family.list', { caseId, includeRemoved: false }) });
  const { errors } = form.formState;
  const kind = useWatch({ control: form.control, name: 'kind' });
  const modes = kind === 'sibling_contact' ? contactModes : remoteModes;
  const showMode = kind === 'remote_contact' || kind === 'sibling_contact';
  useEffect(() => {
    if (!showMode) form.setValue('mode', null);
  }, [form, showMode]);
  return (
    <>
      <SelectField
        label={t('fields.kind')}
        required
        description={
          <>
            {t(`kindHelp.${kind}`)}
            {!unsupervisedAllowed ? <span className="contact-form__gate"> {t('gate.unsupervisedOption')}</span> : null}
          </>
        }
        error={errors.kind}
        {...form.register('kind')}
      >
        {contactKinds.map((k) => (
          <option key={k} value={k} disabled={k === 'unsupervised_visit' && !unsupervisedAllowed}>
            {k === 'unsupervised_visit' && !unsupervisedAllowed ? t('kinds.unsupervisedLocked') : t(`kinds.${k}`)}
          </option>
        ))}
      </SelectField>
      {showMode ? (
        <SelectField label={t('fields.mode')} required error={errors.mode} {...form.register('mode', { setValueAs: nullIfEmpty })}>
          <option value="">{t('fields.choose')}</option>
          {modes.map((m) => (
            <option key={m} value={m}>
              {t(`modes.${m}`)}
            </option>
          ))}
        </SelectField>
      ) : null}
      <div className="form-grid">
        <TextField
          label={kind === 'sibling_contact' ? t('fields.sibling') : t('fields.withWhom')}
          description={kind === 'sibling_contact' ? t('fields.siblingHelp') : t('fields.withWhomHelp')}
          required
          autoComplete="off"
          error={errors.withWhom}
          {...form.register('withWhom')}
        />
        {kind !== 'remote_contact' ? <TextField label={t('fields.place')} autoComplete="off" error={errors.place} {...form.register('place')} /> : null}
      </div>
      <SelectField label={t('fields.familyMember')} description={t('fields.familyMemberHelp')} error={errors.familyMemberId} {...form.register('familyMemberId', { setValueAs: nullIfEmpty })}>
        <option value="">{t('fields.noFamilyMember')}</option>
        {(family.data ?? []).map((m) => (
          <option key={m.id} value={m.id}>
            {`${m.givenName} ${m.familyName}`.trim()}
            {m.posesRisk ? ` — ${t(`family:restrictions.${m.restriction}`)}` : ''}
          </option>
        ))}
      </SelectField>
      <Controller
        control={form.control}
        name="durationMinutes"
        render={({ field, fieldState }) => <DurationField value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldState.error} />}
      />
    </>
  );
}

function DraftNote({ restoredAt, onDiscard }: { restoredAt: string | null; onDiscard: () => void }) {
  const { t } = useTranslation('contacts');
  const day = useDayFormat();
  if (!restoredAt) return null;
  return (
    <div className="alert alert--info draft-note" role="status">
      <span>{t('draft.restored', { when: day(restoredAt) })}</span>
      <Button size="sm" variant="ghost" onClick={onDiscard}>
        {t('draft.discard')}
      </Button>
    </div>
  );
}

/** A GATE_BLOCKED from the core lands on the kind field with the reason in words. */
function kindGateError(error: unknown): boolean {
  return isApiError(error, 'GATE_BLOCKED') && String(error.params.gates ?? '').split(',').includes('supervisedVisitSucceeded');
}

const recordFields = topLevelField(['kind', 'mode', 'withWhom', 'place', 'durationMinutes', 'heldOn', 'outcome', 'childFeedback', 'familyFeedback', 'observations', 'concerns'] as const);

type PlanInput = z.input<typeof planContactSchema>;
type PlanOutput = z.output<typeof planContactSchema>;

function PlanForm({ caseId, unsupervisedAllowed, onClose }: { caseId: string; unsupervisedAllowed: boolean; onClose: () => void }) {
  const { t } = useTranslation('contacts');
  const toast = useToast();
  const plan = usePlanContact(caseId);
  const [failure, setFailure] = useState<unknown>(null);
  const [defaults] = useState<PlanInput>(() => ({
    kind: 'remote_contact',
    mode: null,
    withWhom: '',
    familyMemberId: null,
    place: '',
    durationMinutes: null,
    plannedFor: '',
    purpose: '',
  }));
  const form = useForm<PlanInput, unknown, PlanOutput>({ resolver: zodResolver(planContactSchema, formSchemaOptions), defaultValues: defaults, mode: 'onTouched' });
  const draft = useFormDraft(form, `case:${caseId}:contacts:plan`);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await plan.mutateAsync(values);
      await draft.discard();
      toast.show(t('toast.planned'));
      onClose();
    } catch (error) {
      if (kindGateError(error)) form.setError('kind', { message: 'gate.supervisedVisitSucceeded' }, { shouldFocus: true });
      else if (!applyCoreIssues(error, form.setError, topLevelField(['kind', 'mode', 'withWhom', 'place', 'durationMinutes', 'plannedFor', 'purpose']))) setFailure(error);
    }
  });
  return (
    <form className="stack" noValidate onSubmit={submit}>
      <DraftNote restoredAt={draft.restoredAt} onDiscard={() => void draft.discard().then(() => form.reset(defaults))} />
      <ContactBasics caseId={caseId} form={form as unknown as UseFormReturn<BasicsValues>} unsupervisedAllowed={unsupervisedAllowed} />
      <TextField label={t('fields.plannedFor')} type="date" required min={todayUtc()} error={errors.plannedFor} {...form.register('plannedFor', { setValueAs: nullIfEmpty })} />
      <TextAreaField rows={3} label={t('fields.purpose')} description={t('fields.purposeHelp')} error={errors.purpose} {...form.register('purpose')} />
      <ErrorAlert error={failure} />
      <FormFooter submit={t('actions.savePlan')} busy={isSubmitting} onCancel={onClose} />
    </form>
  );
}

type RecordInput = z.input<typeof recordContactSchema>;
type RecordOutput = z.output<typeof recordContactSchema>;

function recordDefaults(contact: Contact | undefined): RecordInput {
  const today = todayUtc();
  return {
    kind: contact?.kind ?? 'remote_contact',
    mode: contact?.mode ?? null,
    withWhom: contact?.withWhom ?? '',
    familyMemberId: contact?.familyMemberId ?? null,
    place: contact?.place ?? '',
    durationMinutes: contact?.durationMinutes ?? null,
    heldOn: contact?.heldOn ?? (contact?.plannedFor && contact.plannedFor <= today ? contact.plannedFor : today),
    outcome: (contact?.outcome ?? undefined) as RecordInput['outcome'],
    childFeedback: contact?.childFeedback ?? '',
    familyFeedback: contact?.familyFeedback ?? '',
    observations: contact?.observations ?? '',
    concerns: contact?.concerns ?? '',
  };
}

function RecordForm({ caseId, contact, unsupervisedAllowed, onClose }: { caseId: string; contact?: Contact; unsupervisedAllowed: boolean; onClose: () => void }) {
  const { t } = useTranslation('contacts');
  const toast = useToast();
  const record = useRecordContact(caseId);
  const [failure, setFailure] = useState<unknown>(null);
  const [defaults] = useState(() => recordDefaults(contact));
  const form = useForm<RecordInput, unknown, RecordOutput>({ resolver: zodResolver(recordContactSchema, formSchemaOptions), defaultValues: defaults, mode: 'onTouched' });
  const draft = useFormDraft(form, `case:${caseId}:contacts:record${contact ? `-${contact.id}` : ''}`);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await record.mutateAsync({ ...values, ...(contact ? { contactId: contact.id, version: contact.version } : {}) });
      await draft.discard();
      toast.show(t('toast.recorded'));
      onClose();
    } catch (error) {
      if (kindGateError(error)) form.setError('kind', { message: 'gate.supervisedVisitSucceeded' }, { shouldFocus: true });
      else if (!applyCoreIssues(error, form.setError, recordFields)) setFailure(error);
    }
  });
  return (
    <form className="stack" noValidate onSubmit={submit}>
      <DraftNote restoredAt={draft.restoredAt} onDiscard={() => void draft.discard().then(() => form.reset(defaults))} />
      <ContactBasics caseId={caseId} form={form as unknown as UseFormReturn<BasicsValues>} unsupervisedAllowed={unsupervisedAllowed || contact?.kind === 'unsupervised_visit'} />
      <TextField label={t('fields.heldOn')} type="date" required max={todayUtc()} error={errors.heldOn} {...form.register('heldOn', { setValueAs: nullIfEmpty })} />
      <Controller
        control={form.control}
        name="outcome"
        render={({ field, fieldState }) => (
          <RadioGroup
            legend={t('fields.outcome')}
            required
            name={field.name}
            value={field.value}
            onChange={field.onChange}
            error={fieldState.error}
            options={contactOutcomes.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))}
          />
        )}
      />
      <TextAreaField rows={3} label={t('fields.childFeedback')} description={t('fields.childFeedbackHelp')} error={errors.childFeedback} {...form.register('childFeedback')} />
      <TextAreaField rows={3} label={t('fields.familyFeedback')} error={errors.familyFeedback} {...form.register('familyFeedback')} />
      <TextAreaField rows={3} label={t('fields.observations')} error={errors.observations} {...form.register('observations')} />
      <TextAreaField rows={3} label={t('fields.concerns')} description={t('fields.concernsHelp')} error={errors.concerns} {...form.register('concerns')} />
      <ErrorAlert error={failure} />
      <FormFooter submit={t('actions.saveRecord')} busy={isSubmitting} onCancel={onClose} />
    </form>
  );
}

export function ContactFormDialog({ caseId, target, unsupervisedAllowed, onClose }: { caseId: string; target: ContactFormTarget; unsupervisedAllowed: boolean; onClose: () => void }) {
  const { t } = useTranslation('contacts');
  const title =
    target.action === 'plan'
      ? t('form.planTitle')
      : target.contact?.status === 'planned'
        ? t('form.recordPlannedTitle', { kind: t(`kinds.${target.contact.kind}`) })
        : target.contact
          ? t('form.correctTitle')
          : t('form.recordTitle');
  return (
    <Dialog open onClose={onClose} title={title} description={target.action === 'plan' ? t('form.planIntro') : t('form.recordIntro')}>
      <FieldErrorNamespace ns="contacts" prefixes={contactErrorPrefixes}>
        {target.action === 'plan' ? (
          <PlanForm caseId={caseId} unsupervisedAllowed={unsupervisedAllowed} onClose={onClose} />
        ) : (
          <RecordForm caseId={caseId} contact={target.contact} unsupervisedAllowed={unsupervisedAllowed} onClose={onClose} />
        )}
      </FieldErrorNamespace>
    </Dialog>
  );
}

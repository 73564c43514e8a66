// DOM. The follow-up's smaller forms: a breakdown (re-separation), a 6- or 12-month outcome, and a
// supervisor's change to one case's schedule (always with a reason). Each keeps a draft.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '@shared/cases/contract';
import { careArrangements } from '@shared/cases/fields';
import type { ChannelInput, ChannelOutput } from '@shared/contract';
import { childAnswers, followupContactTypes, followupPerformers, livingSituations, schoolSituations, type PlannedContact } from '@shared/followup/contract';
import { call } from '../../api';
import { useInvalidateCase } from '../../app/caseCache';
import { applyCoreIssues } from '../../ui/errors';
import { SelectField, TextAreaField, TextField } from '../../ui/form/fields';
import { FormFooter } from '../../ui/form/FormFooter';
import { todayUtc, useDayFormat } from '../../ui/format';
import { Alert, ErrorAlert } from '../../ui/misc';
import { useFormDraft } from '../../ui/useDraft';

/** The form field a core issue names (`breakdown.date`, `outcome.recordedOn`, `dueOn`…), among `fields`. */
const fieldOf =
  <K extends string>(...fields: K[]) =>
  (path: (string | number)[]): K | null => {
    const p = String(path.length === 2 ? path[1] : path[0]);
    return (fields as string[]).includes(p) ? (p as K) : null;
  };

type BreakdownValues = ChannelInput<'followup.recordBreakdown'>['breakdown'];

export function BreakdownForm({ caseFile, onDone, onClose }: { caseFile: CaseFile; onDone: (r: ChannelOutput<'followup.recordBreakdown'>) => void; onClose: () => void }) {
  const { t } = useTranslation(['followup', 'cases']);
  const invalidate = useInvalidateCase(caseFile.id);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<BreakdownValues>({ defaultValues: { date: todayUtc(), whatHappened: '', whereNow: 'kinship_care', wherePlace: '', decidedBy: '' } });
  const draft = useFormDraft(form, `case:${caseFile.id}:followup:breakdown`);
  const save = useMutation({ mutationFn: (breakdown: BreakdownValues) => call('followup.recordBreakdown', { caseId: caseFile.id, version: caseFile.version, breakdown }) });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const result = await save.mutateAsync(values);
      await draft.discard();
      await invalidate();
      onDone(result);
    } catch (error) {
      if (!applyCoreIssues(error, form.setError, fieldOf('date', 'whatHappened'))) setFailure(error);
    }
  });
  return (
    <form className="stack" noValidate onSubmit={submit}>
      {draft.restored ? <Alert tone="info">{t('draftRestored')}</Alert> : null}
      <Alert tone="warning" live={false}>
        {t('breakdown.explain')}
      </Alert>
      <TextField type="date" label={t('breakdown.date')} required max={todayUtc()} error={errors.date} {...form.register('date', { required: 'validation.required' })} />
      <TextAreaField label={t('breakdown.whatHappened')} required rows={3} dir="auto" error={errors.whatHappened} {...form.register('whatHappened', { required: 'validation.required' })} />
      <div className="form-grid">
        <SelectField label={t('breakdown.whereNow')} required {...form.register('whereNow')}>
          {careArrangements.map((c) => (
            <option key={c} value={c}>
              {t(`careArrangements.${c}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('breakdown.wherePlace')} {...form.register('wherePlace')} />
        <TextField label={t('breakdown.decidedBy')} {...form.register('decidedBy')} />
      </div>
      <ErrorAlert error={failure} />
      <FormFooter submit={t('breakdown.save')} variant="danger" busy={isSubmitting} onCancel={onClose} savedText={draft.savedAt ? t('draftSaved') : null} />
    </form>
  );
}

type OutcomeValues = ChannelInput<'followup.recordOutcome'>['outcome'];

export function OutcomeForm({ caseFile, milestone, onClose }: { caseFile: CaseFile; milestone: 6 | 12; onClose: () => void }) {
  const { t } = useTranslation('followup');
  const invalidate = useInvalidateCase(caseFile.id);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<OutcomeValues>({
    defaultValues: { milestone, recordedOn: todayUtc(), living: 'unknown', school: 'unknown', welcomed: 'unknown', belonging: 'unknown', childWords: '', note: '' },
  });
  const draft = useFormDraft(form, `case:${caseFile.id}:followup:outcome${milestone}`);
  const save = useMutation({ mutationFn: (outcome: OutcomeValues) => call('followup.recordOutcome', { caseId: caseFile.id, outcome: { ...outcome, milestone } }) });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await save.mutateAsync(values);
      await draft.discard();
      await invalidate();
      onClose();
    } catch (error) {
      if (!applyCoreIssues(error, form.setError, fieldOf('recordedOn'))) setFailure(error);
    }
  });
  const choice = (name: 'living' | 'school' | 'welcomed' | 'belonging', values: readonly string[], group: string) => (
    <SelectField label={t(`outcome.${name}`)} required {...form.register(name)}>
      {values.map((v) => (
        <option key={v} value={v}>
          {t(`${group}.${v}`)}
        </option>
      ))}
    </SelectField>
  );
  return (
    <form className="stack" noValidate onSubmit={submit}>
      {draft.restored ? <Alert tone="info">{t('draftRestored')}</Alert> : null}
      <p className="muted">{t('outcome.unknownHelp')}</p>
      <TextField type="date" label={t('outcome.recordedOn')} required max={todayUtc()} error={errors.recordedOn} {...form.register('recordedOn', { required: 'validation.required' })} />
      <div className="form-grid">
        {choice('living', livingSituations, 'living')}
        {choice('school', schoolSituations, 'school')}
        {choice('welcomed', childAnswers, 'answers')}
        {choice('belonging', childAnswers, 'answers')}
      </div>
      <TextAreaField label={t('outcome.childWords')} rows={2} dir="auto" {...form.register('childWords')} />
      <TextAreaField label={t('outcome.note')} rows={2} dir="auto" {...form.register('note')} />
      <ErrorAlert error={failure} />
      <FormFooter submit={t('outcome.save')} busy={isSubmitting} onCancel={onClose} savedText={draft.savedAt ? t('draftSaved') : null} />
    </form>
  );
}

interface AdjustValues {
  dueOn: string;
  type: (typeof followupContactTypes)[number];
  performer: (typeof followupPerformers)[number];
  reason: string;
}

/** A supervisor adds a contact (contact null), or moves or cancels one, saying why. */
export function AdjustForm({ caseFile, contact, action, onClose }: { caseFile: CaseFile; contact: PlannedContact | null; action: 'add' | 'move' | 'cancel'; onClose: () => void }) {
  const { t } = useTranslation('followup');
  const day = useDayFormat();
  const invalidate = useInvalidateCase(caseFile.id);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<AdjustValues>({ defaultValues: { dueOn: contact?.dueOn ?? todayUtc(), type: contact?.type ?? 'home_visit', performer: contact?.performer ?? 'case_worker', reason: '' } });
  const save = useMutation({
    mutationFn: (v: AdjustValues) =>
      call('followup.adjustSchedule', { caseId: caseFile.id, action, contactId: contact?.id ?? null, dueOn: action === 'cancel' ? null : v.dueOn, type: v.type, performer: v.performer, reason: v.reason }),
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await save.mutateAsync(values);
      await invalidate();
      onClose();
    } catch (error) {
      if (!applyCoreIssues(error, form.setError, fieldOf('dueOn', 'reason'))) setFailure(error);
    }
  });
  return (
    <form className="stack" noValidate onSubmit={submit}>
      {contact ? <p>{t('adjust.which', { type: t(`contactTypes.${contact.type}`), date: day(contact.dueOn) })}</p> : null}
      {action !== 'cancel' ? (
        <TextField type="date" label={t('adjust.dueOn')} required error={errors.dueOn} {...form.register('dueOn', { required: 'validation.required' })} />
      ) : null}
      {action === 'add' ? (
        <div className="form-grid">
          <SelectField label={t('adjust.type')} {...form.register('type')}>
            {followupContactTypes.map((c) => (
              <option key={c} value={c}>
                {t(`contactTypes.${c}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('adjust.performer')} {...form.register('performer')}>
            {followupPerformers.map((c) => (
              <option key={c} value={c}>
                {t(`performers.${c}`)}
              </option>
            ))}
          </SelectField>
        </div>
      ) : null}
      <TextAreaField label={t('adjust.reason')} required rows={2} dir="auto" error={errors.reason} {...form.register('reason', { required: 'validation.required', validate: (v) => v.trim() !== '' || 'validation.required' })} />
      <ErrorAlert error={failure} />
      <FormFooter submit={t(`adjust.save.${action}`)} busy={isSubmitting} onCancel={onClose} />
    </form>
  );
}

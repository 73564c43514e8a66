// DOM. The smaller plan dialogs: a three-monthly review (with progress on each objective), progress
// on one objective between reviews, and a supervisor's approval of a version.
import { reviewParticipantRoles, type ReviewParticipant } from '@shared/tasks/contract';
import { ViewsAbsenceFields } from '../casework/ViewsAbsenceFields';
import { DueCommitments } from '../conference/DueCommitments';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { CaseFile } from '@shared/cases/contract';
import { isoDate } from '@shared/cases/fields';
import type { Objective, PlanVersion } from '@shared/plans/contract';
import { objectiveStatuses, planReviewDue, reviewFormSchema, type ReviewForm } from '@shared/plans/schemas';
import { Dialog } from '../../ui/Dialog';
import { applyCoreIssues, formSchemaOptions } from '../../ui/errors';
import { CheckboxField, FieldErrorNamespace, SelectField, TextAreaField, TextField } from '../../ui/form/fields';
import { FormFooter } from '../../ui/form/FormFooter';
import { todayUtc, useDayFormat } from '../../ui/format';
import { ErrorAlert } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { useFormDraft } from '../../ui/useDraft';
import { DraftStatus } from './DraftStatus';
import { planErrorPrefixes } from './kit';
import { usePlanMutation } from './queries';

type ReviewValues = ReviewForm;
type ReviewParsed = z.output<typeof reviewFormSchema>;

function ReviewForm({ caseFile, current, lastReviewOn, onClose }: { caseFile: CaseFile; current: PlanVersion; lastReviewOn: string | null; onClose: () => void }) {
  const { t } = useTranslation(['plans', 'common']);
  const toast = useToast();
  const day = useDayFormat();
  const [failure, setFailure] = useState<unknown>(null);
  const review = usePlanMutation(caseFile.id, 'plans.review');
  const form = useForm<ReviewValues, unknown, ReviewParsed>({
    resolver: zodResolver(reviewFormSchema, formSchemaOptions),
    defaultValues: {
      date: todayUtc(),
      notes: '',
      participants: [],
      childViews: '',
      childViewsAbsent: null,
      objectivesProgress: current.objectives.map((o) => ({ objectiveId: o.id, status: o.status, note: '' })),
    },
    mode: 'onTouched',
  });
  const { register, handleSubmit, setError, formState, control } = form;
  // Who took part (a review without the child and the family is a desk review).
  const [roles, setRoles] = useState<ReviewParticipant['role'][]>([]);
  const { errors, isSubmitting } = formState;
  const autosave = useFormDraft(form, `case:${caseFile.id}:plans:review`);
  const date = useWatch({ control, name: 'date' });
  const ackOn = current.acknowledgement?.date ?? null;
  const nextDue = ackOn && /^\d{4}-\d{2}-\d{2}$/u.test(date ?? '') ? planReviewDue(lastReviewOn && lastReviewOn > date ? lastReviewOn : date, ackOn) : null;

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    const before = new Map(current.objectives.map((o) => [o.id, o.status]));
    const objectivesProgress = values.objectivesProgress.filter((p) => p.note || before.get(p.objectiveId) !== p.status);
    try {
      const result = await review.mutateAsync({
        date: values.date,
        notes: values.notes,
        objectivesProgress,
        participants: roles.map((role) => ({ role, name: '' })),
        childViews: values.childViews,
        childViewsAbsent: values.childViewsAbsent,
      });
      await autosave.discard();
      toast.show(t('review.done', { date: day(result.reviewDue) }));
      onClose();
    } catch (error) {
      const matched = applyCoreIssues(error, setError, (path) => {
        if (path[0] === 'date' || path[0] === 'notes') return path[0];
        if (path[0] === 'objectivesProgress' && path.length >= 3) return `objectivesProgress.${Number(path[1])}.${String(path[2])}` as Path<ReviewValues>;
        return null;
      });
      if (!matched) setFailure(error);
    }
  });

  return (
    <FieldErrorNamespace ns="plans" prefixes={planErrorPrefixes}>
      <form className="stack" noValidate onSubmit={submit}>
        <DraftStatus restored={autosave.restored} savedAt={null} restoredText={t('editor.draftRestored')} savedText="" />
        <TextField type="date" label={t('review.date')} required max={todayUtc()} error={errors.date} {...register('date')} />
        {nextDue ? <p role="status">{t('review.nextDuePreview', { date: day(nextDue) })}</p> : null}
        <TextAreaField label={t('review.notes')} description={t('review.notesHelp')} required rows={4} error={errors.notes} {...register('notes')} />
        <fieldset className="fieldset">
          <legend>{t('review.participants')}</legend>
          <p className="field__description">{t('review.participantsHelp')}</p>
          <div className="choice-list choice-list--inline">
            {reviewParticipantRoles.map((role) => (
              <CheckboxField
                key={role}
                label={t(`tasks:roles.${role}`)}
                checked={roles.includes(role)}
                onChange={(e) => setRoles((now) => (e.target.checked ? [...now, role] : now.filter((r) => r !== role)))}
              />
            ))}
          </div>
        </fieldset>
        <ViewsAbsenceFields
          idPrefix="plan-review"
          control={control}
          register={register}
          setValue={form.setValue}
          errors={errors}
          viewsField={<TextAreaField label={t('review.childViews')} rows={3} error={errors.childViews} {...register('childViews')} />}
        />
        <DueCommitments caseId={caseFile.id} />
        {current.objectives.length > 0 ? (
          <fieldset className="stack plan-objective">
            <legend>{t('review.objectives')}</legend>
            {current.objectives.map((o, index) => (
              <div key={o.id} className="stack">
                <p className="field__label">
                  {t(`domains.${o.domain}`)} — {o.objective}
                </p>
                <div className="form-grid">
                  <SelectField label={t('objective.status')} error={errors.objectivesProgress?.[index]?.status} {...register(`objectivesProgress.${index}.status`)}>
                    {objectiveStatuses.map((s) => (
                      <option key={s} value={s}>
                        {t(`statuses.${s}`)}
                      </option>
                    ))}
                  </SelectField>
                  <TextField label={t('review.objectiveNote')} error={errors.objectivesProgress?.[index]?.note} {...register(`objectivesProgress.${index}.note`)} />
                </div>
              </div>
            ))}
          </fieldset>
        ) : null}
        <ErrorAlert error={failure} />
        <FormFooter submit={t('review.submit')} busy={isSubmitting} onCancel={onClose} savedText={autosave.savedAt ? t('editor.draftSaved') : null} />
      </form>
    </FieldErrorNamespace>
  );
}

export function ReviewDialog(props: { caseFile: CaseFile; current: PlanVersion; lastReviewOn: string | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('plans');
  return (
    <Dialog open={props.open} onClose={props.onClose} title={t('review.title')} description={t('review.description')}>
      <ReviewForm caseFile={props.caseFile} current={props.current} lastReviewOn={props.lastReviewOn} onClose={props.onClose} />
    </Dialog>
  );
}

const progressSchema = z.object({
  status: z.enum(objectiveStatuses),
  date: isoDate,
  note: z.string().trim().max(2000),
});
type ProgressValues = z.input<typeof progressSchema>;

function ProgressForm({ caseFile, objective, onClose }: { caseFile: CaseFile; objective: Objective; onClose: () => void }) {
  const { t } = useTranslation(['plans', 'common']);
  const toast = useToast();
  const [failure, setFailure] = useState<unknown>(null);
  const update = usePlanMutation(caseFile.id, 'plans.updateObjective');
  const form = useForm<ProgressValues, unknown, z.output<typeof progressSchema>>({
    resolver: zodResolver(progressSchema, formSchemaOptions),
    defaultValues: { status: objective.status, date: todayUtc(), note: '' },
    mode: 'onTouched',
  });
  const { register, handleSubmit, setError, formState } = form;
  const { errors, isSubmitting } = formState;
  const autosave = useFormDraft(form, `case:${caseFile.id}:plans:progress:${objective.key}`);

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    if (!values.note && values.status === objective.status) {
      setError('note', { type: 'client', message: 'nothingToRecord' }, { shouldFocus: true });
      return;
    }
    try {
      await update.mutateAsync({ objectiveId: objective.id, status: values.status, progress: values.note ? { date: values.date, note: values.note } : null });
      await autosave.discard();
      toast.show(t('objective.progressSaved'));
      onClose();
    } catch (error) {
      const matched = applyCoreIssues(error, setError, (path) => (path[0] === 'progress' && (path[1] === 'date' || path[1] === 'note') ? path[1] : null));
      if (!matched) setFailure(error);
    }
  });

  return (
    <FieldErrorNamespace ns="plans" prefixes={planErrorPrefixes}>
      <form className="stack" noValidate onSubmit={submit}>
        <p className="field__label">{objective.objective}</p>
        <SelectField label={t('objective.status')} error={errors.status} {...register('status')}>
          {objectiveStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextField type="date" label={t('objective.progressDate')} required max={todayUtc()} error={errors.date} {...register('date')} />
        <TextAreaField label={t('objective.progressNote')} rows={3} error={errors.note} {...register('note')} />
        <ErrorAlert error={failure} />
        <FormFooter submit={t('objective.saveProgress')} busy={isSubmitting} onCancel={onClose} />
      </form>
    </FieldErrorNamespace>
  );
}

export function ProgressDialog({ caseFile, objective, onClose }: { caseFile: CaseFile; objective: Objective | null; onClose: () => void }) {
  const { t } = useTranslation('plans');
  return (
    <Dialog open={objective !== null} onClose={onClose} title={t('objective.recordProgress')} size="sm">
      {objective ? <ProgressForm caseFile={caseFile} objective={objective} onClose={onClose} /> : null}
    </Dialog>
  );
}

export function ApproveDialog({ caseFile, version, onClose }: { caseFile: CaseFile; version: PlanVersion | null; onClose: () => void }) {
  const { t } = useTranslation(['plans', 'common']);
  const toast = useToast();
  const [notes, setNotes] = useState('');
  const approve = usePlanMutation(caseFile.id, 'plans.approve');
  return (
    <Dialog open={version !== null} onClose={onClose} title={t('approve.title', { version: version?.version ?? '' })} description={t('approve.description')} size="sm">
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (!version) return;
          approve.mutate(
            { version: version.version, notes },
            {
              onSuccess: () => {
                toast.show(t('approve.done'));
                onClose();
              },
            },
          );
        }}
      >
        <FieldErrorNamespace ns="plans" prefixes={planErrorPrefixes}>
          <TextAreaField label={t('approve.notes')} rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={2000} />
        </FieldErrorNamespace>
        <ErrorAlert error={approve.error} />
        <FormFooter submit={t('approve.submit')} busy={approve.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

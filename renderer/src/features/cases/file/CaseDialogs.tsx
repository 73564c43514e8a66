// DOM. Changes to a case that need a few words first: moving back one stage (why), halting
// reintegration (the alternative, why, and the child's views in their own words), resuming, and
// reassigning (supervisors).
import { SummaryDialog } from '../../reports/SummaryDialog';
import { zodResolver } from '@hookform/resolvers/zod';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { CaseFile } from '@shared/cases/contract';
import { haltAlternatives, stages, stageIndex } from '@shared/cases/stages';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { useToast } from '../../../ui/Toast';
import { caseIssueMessage } from '../form/childForm';
import { ChoiceGroup, Input, Select, TextArea } from '../form/fields';
import { addDays, HALT_REVIEW_DAYS } from '@shared/tasks/rules';
import { ChildViewsFields } from '../../casework/ChildViewsFields';
import { childViewsFormShape, childViewsPayload, emptyChildViews, refineChildViewsForm } from '../../casework/childViewsForm';
import { todayUtc } from '../format';
import { useAssignCase, useHaltCase, useMoveStage, useResumeCase, useStaff } from '../queries';
import { CaseActionError } from './CaseActionError';
import { userTextDir } from '../../../ui/UserText';

export type CaseDialog = 'back' | 'halt' | 'resume' | 'assign' | 'summary' | null;

interface DialogProps {
  caseFile: CaseFile;
  onClose: () => void;
}

const reasonSchema = z.object({ reason: z.string().trim().min(1).max(2000) });

function MoveBackDialog({ caseFile, onClose }: DialogProps) {
  const { t } = useTranslation('cases');
  const toast = useToast();
  const move = useMoveStage();
  const previous = stages[stageIndex(caseFile.stage) - 1];
  const form = useForm({ resolver: zodResolver(reasonSchema, { error: caseIssueMessage }), defaultValues: { reason: '' } });
  const submit = form.handleSubmit((values) =>
    move.mutate(
      { caseId: caseFile.id, version: caseFile.version, to: previous, reason: values.reason },
      {
        onSuccess: () => {
          toast.show(t('next.moved', { stage: t(`stages.${previous}`) }));
          onClose();
        },
      },
    ),
  );
  return (
    <Dialog open onClose={onClose} title={t('back.title', { stage: t(`stages.${previous}`) })} description={t('back.intro')}>
      <form className="stack" noValidate onSubmit={submit}>
        <TextArea label={t('back.reason')} required rows={4} data-autofocus error={form.formState.errors.reason} {...form.register('reason')} />
        <CaseActionError error={move.error} caseId={caseFile.id} onReload={onClose} />
        <div className="dialog__footer">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" busy={move.isPending}>
            {t('back.submit', { stage: t(`stages.${previous}`) })}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

const haltSchema = z
  .object({
    alternative: z.enum(haltAlternatives),
    reason: z.string().trim().min(1).max(5000),
    /** '' = three months from today (the core's default). */
    reviewOn: z.string(),
    ...childViewsFormShape,
  })
  .superRefine(refineChildViewsForm);

function HaltDialog({ caseFile, onClose }: DialogProps) {
  const { t } = useTranslation('cases');
  const toast = useToast();
  const halt = useHaltCase();
  const form = useForm<z.input<typeof haltSchema>>({
    resolver: zodResolver(haltSchema, { error: caseIssueMessage }),
    defaultValues: { alternative: undefined, reason: '', reviewOn: addDays(todayUtc(), HALT_REVIEW_DAYS), ...emptyChildViews },
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(({ alternative, reason, reviewOn, ...views }) =>
    halt.mutate(
      { caseId: caseFile.id, version: caseFile.version, alternative, reason, ...(reviewOn ? { reviewOn } : {}), ...childViewsPayload(views) },
      {
        onSuccess: () => {
          toast.show(t('halt.done'));
          onClose();
        },
      },
    ),
  );
  return (
    <Dialog open onClose={onClose} title={t('halt.title')} description={t('halt.intro')}>
      <FormProvider {...form}>
      <form className="stack" noValidate onSubmit={submit}>
        <ChoiceGroup label={t('halt.alternative')} required error={errors.alternative}>
          <div className="choice-list">
            {haltAlternatives.map((alternative) => (
              <label key={alternative} className="choice">
                <input type="radio" value={alternative} {...form.register('alternative')} />
                <span>
                  {t(`halt.alternatives.${alternative}`)}
                  <span className="choice__help">{t(`halt.alternativesHelp.${alternative}`)}</span>
                </span>
              </label>
            ))}
          </div>
        </ChoiceGroup>
        <TextArea label={t('halt.reason')} required rows={3} error={errors.reason} {...form.register('reason')} />
        <ChildViewsFields idPrefix="halt" label={t('halt.childViews')} help={t('halt.childViewsHelp')} />
        <Input type="date" label={t('halt.reviewOn')} description={t('halt.reviewOnHelp')} min={addDays(todayUtc(), 1)} error={errors.reviewOn} {...form.register('reviewOn')} />
        <CaseActionError error={halt.error} caseId={caseFile.id} onReload={onClose} />
        <div className="dialog__footer">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="danger" busy={halt.isPending}>
            {t('halt.submit')}
          </Button>
        </div>
      </form>
      </FormProvider>
    </Dialog>
  );
}

function ResumeDialog({ caseFile, onClose }: DialogProps) {
  const { t } = useTranslation('cases');
  const toast = useToast();
  const resume = useResumeCase();
  const form = useForm({ resolver: zodResolver(reasonSchema, { error: caseIssueMessage }), defaultValues: { reason: '' } });
  const submit = form.handleSubmit((values) =>
    resume.mutate(
      { caseId: caseFile.id, version: caseFile.version, reason: values.reason },
      {
        onSuccess: () => {
          toast.show(t('resume.done'));
          onClose();
        },
      },
    ),
  );
  return (
    <Dialog open onClose={onClose} title={t('resume.title')} description={t('resume.intro')}>
      <form className="stack" noValidate onSubmit={submit}>
        <TextArea label={t('resume.reason')} required rows={4} data-autofocus error={form.formState.errors.reason} {...form.register('reason')} />
        <CaseActionError error={resume.error} caseId={caseFile.id} onReload={onClose} />
        <div className="dialog__footer">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" busy={resume.isPending}>
            {t('resume.submit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

const assignSchema = z.object({ workerId: z.string().min(1), familyWorkerId: z.string() });

function AssignDialog({ caseFile, onClose }: DialogProps) {
  const { t } = useTranslation('cases');
  const toast = useToast();
  const staff = useStaff();
  const assign = useAssignCase();
  const form = useForm({
    resolver: zodResolver(assignSchema, { error: caseIssueMessage }),
    defaultValues: { workerId: caseFile.workerId ?? '', familyWorkerId: caseFile.familyWorkerId ?? '' },
  });
  const submit = form.handleSubmit((values) =>
    assign.mutate(
      { caseId: caseFile.id, workerId: values.workerId, familyWorkerId: values.familyWorkerId || null },
      {
        onSuccess: (file) => {
          toast.show(t('assign.done', { name: file.workerName ?? '' }));
          onClose();
        },
      },
    ),
  );
  return (
    <Dialog open onClose={onClose} title={t('assign.title')} description={t('assign.intro')}>
      <form className="stack" noValidate onSubmit={submit}>
        <Select label={t('case.worker')} required data-autofocus error={form.formState.errors.workerId} {...form.register('workerId')}>
          <option value="">{t('form.choose')}</option>
          {(staff.data ?? []).map((person) => (
            <option key={person.id} value={person.id} {...userTextDir}>
              {person.displayName}
            </option>
          ))}
        </Select>
        <Select label={t('case.familyWorker')} description={t('case.familyWorkerHelp')} {...form.register('familyWorkerId')}>
          <option value="">{t('case.noFamilyWorker')}</option>
          {(staff.data ?? []).map((person) => (
            <option key={person.id} value={person.id} {...userTextDir}>
              {person.displayName}
            </option>
          ))}
        </Select>
        <CaseActionError error={assign.error} caseId={caseFile.id} onReload={onClose} />
        <div className="dialog__footer">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" busy={assign.isPending}>
            {t('assign.submit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

export function CaseDialogs({ open, caseFile, onClose }: { open: CaseDialog } & DialogProps) {
  switch (open) {
    case 'back':
      return <MoveBackDialog caseFile={caseFile} onClose={onClose} />;
    case 'halt':
      return <HaltDialog caseFile={caseFile} onClose={onClose} />;
    case 'resume':
      return <ResumeDialog caseFile={caseFile} onClose={onClose} />;
    case 'assign':
      return <AssignDialog caseFile={caseFile} onClose={onClose} />;
    case 'summary':
      return <SummaryDialog caseId={caseFile.id} onClose={onClose} />;
    default:
      return null;
  }
}

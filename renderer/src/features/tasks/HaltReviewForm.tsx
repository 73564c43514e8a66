// DOM. Reviewing a halted case: when, who took part, what was found, the child's views (or why
// not and how their wishes were found out), and when the next review is due.
import { zodResolver } from '@hookform/resolvers/zod';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { addDays, HALT_REVIEW_DAYS, reviewParticipantRoles } from '@shared/tasks/contract';
import { Button } from '../../ui/Button';
import { ErrorAlert } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { ChildViewsFields } from '../casework/ChildViewsFields';
import { childViewsFormShape, childViewsPayload, emptyChildViews, refineChildViewsForm } from '../casework/childViewsForm';
import { caseIssueMessage } from '../cases/form/childForm';
import { Checkbox, ChoiceGroup, Input, TextArea } from '../cases/form/fields';
import { todayUtc } from '../cases/format';
import { useReviewHalt } from './queries';

const schema = z
  .object({
    reviewedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u),
    roles: z.array(z.enum(reviewParticipantRoles)).min(1, { message: 'validation.chooseOne' }),
    names: z.string().trim().max(200),
    notes: z.string().trim().min(1).max(10_000),
    nextReviewOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u),
    ...childViewsFormShape,
  })
  .superRefine(refineChildViewsForm);
type Values = z.input<typeof schema>;

export function HaltReviewForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation('tasks');
  const toast = useToast();
  const review = useReviewHalt(caseId);
  const form = useForm<Values>({
    resolver: zodResolver(schema, { error: caseIssueMessage }),
    defaultValues: { reviewedOn: todayUtc(), roles: [], names: '', notes: '', nextReviewOn: addDays(todayUtc(), HALT_REVIEW_DAYS), ...emptyChildViews },
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(({ reviewedOn, roles, names, notes, nextReviewOn, ...views }) =>
    review.mutate(
      // The names typed go with the first role that is not the child (the child is named by the case).
      { reviewedOn, notes, nextReviewOn, participants: roles.map((role, i) => ({ role, name: i === roles.findIndex((r) => r !== 'child') ? names : '' })), ...childViewsPayload(views) },
      {
        onSuccess: () => {
          toast.show(t('halt.saved'));
          onDone();
        },
      },
    ),
  );
  return (
    <FormProvider {...form}>
      <form className="stack" noValidate onSubmit={submit} aria-label={t('halt.formTitle')}>
        <div className="form-grid">
          <Input type="date" label={t('halt.reviewedOn')} required max={todayUtc()} error={errors.reviewedOn} {...form.register('reviewedOn')} />
          <Input type="date" label={t('halt.nextReviewOn')} required min={addDays(todayUtc(), 1)} error={errors.nextReviewOn} {...form.register('nextReviewOn')} />
        </div>
        <ChoiceGroup label={t('halt.participants')} required error={errors.roles as never}>
          <div className="choice-list choice-list--inline">
            {reviewParticipantRoles.map((role) => (
              <Checkbox key={role} label={t(`roles.${role}`)} value={role} {...form.register('roles')} />
            ))}
          </div>
        </ChoiceGroup>
        <Input label={t('halt.names')} description={t('halt.namesHelp')} error={errors.names} {...form.register('names')} />
        <TextArea label={t('halt.notes')} required rows={3} error={errors.notes} {...form.register('notes')} />
        <ChildViewsFields idPrefix="halt-review" />
        <ErrorAlert error={review.error} />
        <div className="row">
          <Button type="submit" variant="primary" busy={review.isPending}>
            {t('halt.submit')}
          </Button>
          <Button onClick={onDone}>{t('common:actions.cancel')}</Button>
        </div>
      </form>
    </FormProvider>
  );
}

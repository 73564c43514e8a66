// DOM. The one form that moves a referral on: the next status (only those the lifecycle allows),
// its date, and a reason (declined, not delivered) or the outcome (completed) where one is needed.
// The case's referral card and a partner office's received referral both use it. What is typed is
// kept as a draft under `draftKey` (one per referral and status: a draft for answering a "sent"
// referral is not offered once it has moved on), so a lock or leaving the page loses nothing.
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { referralsChannels } from '@shared/referrals/contract';
import { moveNeeds, type ReferralStatus } from '@shared/referrals/lifecycle';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { formSchemaOptions } from '../../ui/errors';
import { todayUtc } from '../../ui/format';
import { ErrorAlert } from '../../ui/misc';
import { useFormDraft } from '../../ui/useDraft';
import { useSubmit } from '../../ui/useSubmit';

export interface StatusMove<S extends ReferralStatus> {
  to: S;
  date: string;
  reason: string;
  outcome: string;
}

const moveSchema = referralsChannels['referrals.move'].input.pick({ to: true, date: true, reason: true, outcome: true });
/** What the form holds: the generic status narrows again when the move is handed over. */
type MoveValues = StatusMove<ReferralStatus>;

export function StatusMoveForm<S extends ReferralStatus>({
  moves,
  legend,
  submit,
  done,
  draftKey,
  onMove,
}: {
  moves: readonly S[];
  legend: string;
  submit: string;
  done: string;
  draftKey: string;
  onMove: (m: StatusMove<S>) => Promise<void>;
}) {
  const { t } = useTranslation('referrals');
  const form = useForm<MoveValues>({
    resolver: zodResolver(moveSchema, formSchemaOptions) as Resolver<MoveValues>,
    defaultValues: { to: moves[0], date: todayUtc(), reason: '', outcome: '' },
  });
  const draft = useFormDraft(form, draftKey);
  const { failure, run } = useSubmit();
  const [to, reason, outcome] = useWatch({ control: form.control, name: ['to', 'reason', 'outcome'] });
  const needs = moveNeeds(to);
  const text = needs === 'reason' ? reason : needs === 'outcome' ? outcome : '';
  const save = form.handleSubmit((values) =>
    run(
      async () => {
        await onMove({ ...values, to: values.to as S, reason: needs === 'reason' ? values.reason : '', outcome: needs === 'outcome' ? values.outcome : '' });
        // Emptied first, then forgotten: the emptying is not kept as a new draft.
        form.reset({ ...values, reason: '', outcome: '' });
        await draft.discard();
      },
      done,
    ),
  );
  const { errors, isSubmitting } = form.formState;
  return (
    <form className="referral-move" noValidate onSubmit={(e) => void save(e)}>
      <fieldset className="services-row">
        <legend className="field__label">{legend}</legend>
        <SelectField label={t('move.to')} error={errors.to} {...form.register('to')}>
          {moves.map((m) => (
            <option key={m} value={m}>
              {t(`status.${m}`)}
            </option>
          ))}
        </SelectField>
        <TextField type="date" label={t('move.date')} required max={todayUtc()} error={errors.date} {...form.register('date')} />
        {needs ? (
          <TextField key={needs} label={t(needs === 'reason' ? 'move.reason' : 'move.outcome')} required maxLength={2000} error={errors[needs]} {...form.register(needs)} />
        ) : null}
        <Button type="submit" busy={isSubmitting} disabled={needs !== null && !text.trim()}>
          {submit}
        </Button>
      </fieldset>
      <ErrorAlert error={failure} />
    </form>
  );
}

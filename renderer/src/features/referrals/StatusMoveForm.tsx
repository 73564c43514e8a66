// DOM. The one form that moves a referral on: the next status (only those the lifecycle allows),
// its date, and a reason (declined, not delivered) or the outcome (completed) where one is needed.
// The case's referral card and a partner office's received referral both use it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moveNeeds, type ReferralStatus } from '@shared/referrals/lifecycle';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { todayUtc } from '../../ui/format';
import { ErrorAlert } from '../../ui/misc';
import { useToast } from '../../ui/Toast';

export interface StatusMove<S extends ReferralStatus> {
  to: S;
  date: string;
  reason: string;
  outcome: string;
}

export function StatusMoveForm<S extends ReferralStatus>({ moves, legend, submit, done, onMove }: { moves: readonly S[]; legend: string; submit: string; done: string; onMove: (m: StatusMove<S>) => Promise<void> }) {
  const { t } = useTranslation('referrals');
  const toast = useToast();
  const [to, setTo] = useState<S>(moves[0]);
  const [date, setDate] = useState(todayUtc());
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const needs = moveNeeds(to);
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await onMove({ to, date, reason: needs === 'reason' ? text : '', outcome: needs === 'outcome' ? text : '' });
      setText('');
      toast.show(done);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="referral-move" noValidate onSubmit={(e) => void save(e)}>
      <fieldset className="services-row">
        <legend className="field__label">{legend}</legend>
        <SelectField label={t('move.to')} value={to} onChange={(e) => setTo(e.target.value as S)}>
          {moves.map((m) => (
            <option key={m} value={m}>
              {t(`status.${m}`)}
            </option>
          ))}
        </SelectField>
        <TextField type="date" label={t('move.date')} required max={todayUtc()} value={date} onChange={(e) => setDate(e.target.value)} />
        {needs ? <TextField label={t(needs === 'reason' ? 'move.reason' : 'move.outcome')} required maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} /> : null}
        <Button type="submit" busy={busy} disabled={needs !== null && !text.trim()}>
          {submit}
        </Button>
      </fieldset>
      <ErrorAlert error={failure} />
    </form>
  );
}

// DOM. A contact's length as an amount and a unit (minutes, hours, days); the form keeps minutes.
// The unit starts as the one the kind of contact is counted in (durationUnits.ts).
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrorLike } from '../../ui/errors';
import { FieldError } from '../../ui/form/fields';
import { durationUnits, splitMinutes, type DurationUnit } from './durationUnits';

const units = durationUnits;
type Unit = DurationUnit;

export function DurationField({
  value,
  onChange,
  onBlur,
  error,
  defaultUnit = 'minutes',
}: {
  /** The unit offered while nothing is typed (hours for a visit, minutes for a call). */
  defaultUnit?: DurationUnit;
  value: number | null | undefined;
  onChange: (minutes: number | null) => void;
  onBlur?: () => void;
  error?: FieldErrorLike;
}) {
  const { t } = useTranslation('contacts');
  const id = useId();
  const [state, setState] = useState(() => splitMinutes(value ?? null, defaultUnit));
  // Another kind of contact chosen before any amount is typed: its own unit.
  useEffect(() => {
    setState((current) => (current.amount.trim() === '' ? { ...current, unit: defaultUnit } : current));
  }, [defaultUnit]);
  const update = (next: { amount: string; unit: Unit }) => {
    setState(next);
    const amount = Number(next.amount.replace(',', '.'));
    onChange(next.amount.trim() === '' || !Number.isFinite(amount) || amount <= 0 ? null : Math.round(amount * units[next.unit]));
  };
  return (
    <fieldset className="field contact-duration">
      <legend className="field__label">{t('fields.duration')}</legend>
      <div className="contact-duration__row">
        <label className="visually-hidden" htmlFor={`${id}-amount`}>
          {t('fields.durationAmount')}
        </label>
        <input
          id={`${id}-amount`}
          className="input"
          inputMode="decimal"
          value={state.amount}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => update({ ...state, amount: event.target.value })}
          onBlur={onBlur}
        />
        <label className="visually-hidden" htmlFor={`${id}-unit`}>
          {t('fields.durationUnit')}
        </label>
        <select id={`${id}-unit`} className="input select" value={state.unit} onChange={(event) => update({ ...state, unit: event.target.value as Unit })}>
          {(Object.keys(units) as Unit[]).map((unit) => (
            <option key={unit} value={unit}>
              {t(`units.${unit}`)}
            </option>
          ))}
        </select>
      </div>
      <FieldError id={`${id}-error`} error={error} />
    </fieldset>
  );
}

// DOM. A contact's length as an amount and a unit (minutes, hours, days); the form keeps minutes.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrorLike } from '../../ui/errors';
import { FieldError } from '../../ui/form/fields';

const units = { minutes: 1, hours: 60, days: 1440 } as const;
type Unit = keyof typeof units;

function split(minutes: number | null): { amount: string; unit: Unit } {
  if (minutes === null) return { amount: '', unit: 'minutes' };
  if (minutes % 1440 === 0) return { amount: String(minutes / 1440), unit: 'days' };
  if (minutes % 60 === 0) return { amount: String(minutes / 60), unit: 'hours' };
  return { amount: String(minutes), unit: 'minutes' };
}

export function DurationField({
  value,
  onChange,
  onBlur,
  error,
}: {
  value: number | null | undefined;
  onChange: (minutes: number | null) => void;
  onBlur?: () => void;
  error?: FieldErrorLike;
}) {
  const { t } = useTranslation('contacts');
  const id = useId();
  const [state, setState] = useState(() => split(value ?? null));
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

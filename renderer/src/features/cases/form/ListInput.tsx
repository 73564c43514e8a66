// DOM. A short list of words (other names, languages): type one, press Enter or "Add"; each entry
// has its own remove button. Text left in the box when it loses focus is added, so nothing typed
// is silently dropped.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { focusWhenPresent } from '../../../ui/focus';
import type { FieldErrorLike } from '../../../ui/errors';
import { FieldError } from './fields';

export interface ListInputProps {
  label: string;
  description?: string;
  value: string[];
  onChange: (value: string[]) => void;
  error?: FieldErrorLike;
  max?: number;
  id?: string;
  /** The add button's text ("Add a name"). */
  addLabel: string;
  onBlur?: () => void;
}

export function ListInput({ label, description, value, onChange, error, max = 10, id: explicitId, addLabel, onBlur }: ListInputProps) {
  const { t } = useTranslation('cases');
  const generated = useId();
  const id = explicitId ?? generated;
  const [text, setText] = useState('');
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const listId = `${id}-list`;
  const full = value.length >= max;

  const add = () => {
    const entry = text.trim();
    if (!entry || full) return;
    if (!value.some((v) => v.toLocaleLowerCase() === entry.toLocaleLowerCase())) onChange([...value, entry]);
    setText('');
  };

  return (
    <div className="field list-input">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {description ? (
        <p className="field__description" id={descriptionId}>
          {description}
        </p>
      ) : null}
      {value.length > 0 ? (
        <ul className="chips" id={listId} aria-label={label}>
          {value.map((entry) => (
            <li key={entry} className="chip">
              <bdi>{entry}</bdi>
              <button
                type="button"
                className="chip__remove"
                aria-label={t('form.removeItem', { item: entry })}
                onClick={(event) => {
                  // The chip goes away: focus the next chip's button, else the previous, else the box.
                  const chip = event.currentTarget.closest('li');
                  const neighbour = (chip?.nextElementSibling ?? chip?.previousElementSibling)?.querySelector('button');
                  onChange(value.filter((v) => v !== entry));
                  focusWhenPresent(() => (neighbour?.isConnected ? neighbour : document.getElementById(id)));
                }}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="list-input__row">
        <input
          id={id}
          className="input"
          value={text}
          disabled={full}
          maxLength={100}
          aria-invalid={error ? true : undefined}
          aria-describedby={[descriptionId, value.length > 0 ? listId : undefined, errorId].filter(Boolean).join(' ') || undefined}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
          onBlur={() => {
            add();
            onBlur?.();
          }}
        />
        <button type="button" className="btn btn--secondary" onClick={add} disabled={full || !text.trim()}>
          <span>{addLabel}</span>
        </button>
      </div>
      <FieldError id={errorId} error={error} />
    </div>
  );
}

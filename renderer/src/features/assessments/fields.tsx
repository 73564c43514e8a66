// DOM. The tracing, assessment, safety and BID forms' own choice control: a scale or a list of
// options as radio buttons or checkboxes under one legend (choice-group, styled in stage-one.css).
// The other controls are ui/form's.
import { useId, type ReactNode } from 'react';
import type { FieldErrorLike } from '../../ui/errors';
import { FieldGroup } from '../../ui/form/fields';

/** A group of radio buttons (or checkboxes) under a legend: the accessible shape for a scale. */
export function ChoiceGroup({
  legend,
  description,
  error,
  required,
  options,
  value,
  onChange,
  multiple = false,
  disabled = false,
}: {
  legend: ReactNode;
  description?: ReactNode;
  error?: FieldErrorLike;
  required?: boolean;
  options: { value: string; label: ReactNode }[];
  value: string | string[] | null;
  onChange: (value: string | string[] | null) => void;
  multiple?: boolean;
  disabled?: boolean;
}) {
  const name = useId();
  const picked = Array.isArray(value) ? value : value === null ? [] : [value];
  return (
    <FieldGroup baseId={name} label={legend} description={description} error={error} required={required} className="field choice-group" aria-invalid={error ? true : undefined}>
      <div className="choice-group__options">
        {options.map((option) => {
          const id = `${name}-${option.value}`;
          const checked = picked.includes(option.value);
          return (
            <span key={option.value} className="checkbox choice-group__option">
              <input
                id={id}
                type={multiple ? 'checkbox' : 'radio'}
                name={name}
                value={option.value}
                checked={checked}
                disabled={disabled}
                onChange={(event) => {
                  if (!multiple) onChange(option.value);
                  else onChange(event.target.checked ? [...picked, option.value] : picked.filter((p) => p !== option.value));
                }}
              />
              <label htmlFor={id}>{option.label}</label>
            </span>
          );
        })}
      </div>
    </FieldGroup>
  );
}

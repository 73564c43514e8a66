// DOM. The contact and reunification forms' radio group: options as labelled radio buttons in a
// fieldset (radio-group, styled in contacts.css), the legend naming the question. The other
// controls are ui/form's.
import type { ReactNode } from 'react';
import type { FieldErrorLike } from '../../ui/errors';
import { FieldGroup } from '../../ui/form/fields';

/** A group of radio buttons in a fieldset, the legend naming the question. */
export function RadioGroup<V extends string>({
  legend,
  description,
  error,
  required,
  options,
  name,
  value,
  onChange,
}: {
  legend: ReactNode;
  description?: ReactNode;
  error?: FieldErrorLike;
  required?: boolean;
  options: { value: V; label: ReactNode }[];
  name: string;
  value: V | null | undefined;
  onChange: (value: V) => void;
}) {
  return (
    <FieldGroup label={legend} description={description} error={error} required={required} className="field radio-group">
      <div className="radio-group__options">
        {options.map((option) => (
          <label key={option.value} className="radio-group__option">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              aria-invalid={error ? true : undefined}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </FieldGroup>
  );
}

// DOM. The family, consents and notes forms' own choice controls: checkboxes or radio buttons in a
// row under one legend (network-fieldset, styled in network.css). The other controls are ui/form's.
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { FieldGroup, type ChoiceGroupProps } from '../../ui/form/fields';

/** Checkboxes or radio buttons under one legend; the description and error belong to the group. */
export function ChoiceGroup({ label, description, error, required, className, children }: ChoiceGroupProps) {
  return (
    <FieldGroup
      label={label}
      description={description}
      error={error}
      required={required}
      className={['network-fieldset', className ?? ''].filter(Boolean).join(' ')}
      aria-invalid={error ? true : undefined}
    >
      <div className="network-choices">{children}</div>
    </FieldGroup>
  );
}

/** One checkbox or radio inside a ChoiceGroup. */
export function Choice({ label, ...input }: { label: ReactNode } & InputHTMLAttributes<HTMLInputElement> & { ref?: React.Ref<HTMLInputElement> }) {
  const id = useId();
  return (
    <div className="network-choice">
      <input {...input} id={id} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

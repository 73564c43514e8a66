// DOM. Labelled form controls for the contact and reunification forms. Same classes and wiring as
// ui/Field (label, description and error joined by aria-describedby, aria-invalid), but errors are
// read from the feature's namespace first — "say how the contact happens", "the file is not what it
// claims to be" — which the shared errors namespace does not know.
import { createContext, useContext, useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import type { FieldErrorLike } from '../../ui/errors';
import { useFeatureErrorText } from './formKit';

/** Which namespace form errors are read from first. */
export const ErrorNamespace = createContext<'contacts' | 'reunification'>('contacts');

interface FrameProps {
  label: ReactNode;
  description?: ReactNode;
  error?: FieldErrorLike;
  required?: boolean;
  className?: string;
}

function useIds(explicit: string | undefined, description: ReactNode, error: FieldErrorLike | undefined) {
  const generated = useId();
  const id = explicit ?? generated;
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { id, descriptionId, errorId, describedBy: [descriptionId, errorId].filter(Boolean).join(' ') || undefined };
}

export function FieldError({ id, error }: { id?: string; error?: FieldErrorLike }) {
  const text = useFeatureErrorText(useContext(ErrorNamespace));
  if (!error) return null;
  return (
    <p className="field__error" id={id}>
      <span aria-hidden="true" className="field__error-icon">
        !
      </span>
      {text(error)}
    </p>
  );
}

function Label({ htmlFor, required, children }: { htmlFor: string; required?: boolean; children: ReactNode }) {
  return (
    <label className="field__label" htmlFor={htmlFor}>
      {children}
      {required ? (
        <span className="field__required" aria-hidden="true">
          {' '}
          *
        </span>
      ) : null}
    </label>
  );
}

function Description({ id, children }: { id?: string; children: ReactNode }) {
  return children ? (
    <p className="field__description" id={id}>
      {children}
    </p>
  ) : null;
}

export type InputProps = FrameProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'children'> & { ref?: React.Ref<HTMLInputElement> };

export function Input({ label, description, error, required, className, ...input }: InputProps) {
  const ids = useIds(input.id, description, error);
  return (
    <div className={['field', className ?? ''].filter(Boolean).join(' ')}>
      <Label htmlFor={ids.id} required={required}>
        {label}
      </Label>
      <Description id={ids.descriptionId}>{description}</Description>
      <input
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        aria-required={required || undefined}
        {...input}
        id={ids.id}
      />
      <FieldError id={ids.errorId} error={error} />
    </div>
  );
}

export type TextAreaProps = FrameProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'children'> & { ref?: React.Ref<HTMLTextAreaElement> };

export function TextArea({ label, description, error, required, className, ...input }: TextAreaProps) {
  const ids = useIds(input.id, description, error);
  return (
    <div className={['field', className ?? ''].filter(Boolean).join(' ')}>
      <Label htmlFor={ids.id} required={required}>
        {label}
      </Label>
      <Description id={ids.descriptionId}>{description}</Description>
      <textarea
        className="input textarea"
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        aria-required={required || undefined}
        {...input}
        id={ids.id}
      />
      <FieldError id={ids.errorId} error={error} />
    </div>
  );
}

export type SelectProps = FrameProps & SelectHTMLAttributes<HTMLSelectElement> & { ref?: React.Ref<HTMLSelectElement> };

export function Select({ label, description, error, required, className, children, ...select }: SelectProps) {
  const ids = useIds(select.id, description, error);
  return (
    <div className={['field', className ?? ''].filter(Boolean).join(' ')}>
      <Label htmlFor={ids.id} required={required}>
        {label}
      </Label>
      <Description id={ids.descriptionId}>{description}</Description>
      <select
        className="input select"
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        aria-required={required || undefined}
        {...select}
        id={ids.id}
      >
        {children}
      </select>
      <FieldError id={ids.errorId} error={error} />
    </div>
  );
}

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
  const ids = useIds(undefined, description, error);
  return (
    <fieldset className="field radio-group" aria-describedby={ids.describedBy} aria-required={required || undefined}>
      <legend className="field__label">
        {legend}
        {required ? (
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </legend>
      <Description id={ids.descriptionId}>{description}</Description>
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
      <FieldError id={ids.errorId} error={error} />
    </fieldset>
  );
}

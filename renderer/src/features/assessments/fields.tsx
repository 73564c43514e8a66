// DOM. Labelled form controls for the tracing, assessment, safety and BID forms. Same classes and
// wiring as ui/Field (label, description and error joined by aria-describedby, aria-invalid), but
// errors are read from the feature's namespace first ("the date is before the case was
// registered", "the child's own words are needed"), which the shared errors namespace does not know.
import { createContext, useContext, useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import type { FieldErrorLike } from '../../ui/errors';
import { useFeatureErrorText, type StageOneNamespace } from './kit';

/** Which namespace form errors are read from first. */
export const ErrorNamespace = createContext<StageOneNamespace>('assessments');

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

function Frame({ ids, label, description, error, className, children, required }: FrameProps & { ids: ReturnType<typeof useIds>; children: ReactNode }) {
  return (
    <div className={['field', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={ids.id}>
        {label}
        {required ? <span className="field__required" aria-hidden="true"> *</span> : null}
      </label>
      {description ? (
        <p className="field__description" id={ids.descriptionId}>
          {description}
        </p>
      ) : null}
      {children}
      <FieldError id={ids.errorId} error={error} />
    </div>
  );
}

type InputProps = FrameProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'children' | 'className'> & { ref?: React.Ref<HTMLInputElement> };

export function TextField({ label, description, error, required, className, ...input }: InputProps) {
  const ids = useIds(input.id, description, error);
  return (
    <Frame ids={ids} label={label} description={description} error={error} className={className} required={required}>
      <input className="input" aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} aria-required={required || undefined} {...input} id={ids.id} />
    </Frame>
  );
}

type AreaProps = FrameProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'children' | 'className'> & { ref?: React.Ref<HTMLTextAreaElement> };

export function TextAreaField({ label, description, error, required, className, ...input }: AreaProps) {
  const ids = useIds(input.id, description, error);
  return (
    <Frame ids={ids} label={label} description={description} error={error} className={className} required={required}>
      <textarea className="input textarea" aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} aria-required={required || undefined} {...input} id={ids.id} />
    </Frame>
  );
}

type SelectProps = FrameProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'className'> & { ref?: React.Ref<HTMLSelectElement> };

export function SelectField({ label, description, error, required, className, children, ...select }: SelectProps) {
  const ids = useIds(select.id, description, error);
  return (
    <Frame ids={ids} label={label} description={description} error={error} className={className} required={required}>
      <select className="input select" aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} aria-required={required || undefined} {...select} id={ids.id}>
        {children}
      </select>
    </Frame>
  );
}

type CheckboxProps = Omit<FrameProps, 'required'> & Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'className'> & { ref?: React.Ref<HTMLInputElement> };

export function CheckboxField({ label, description, error, className, ...input }: CheckboxProps) {
  const ids = useIds(input.id, description, error);
  return (
    <div className={['field field--checkbox', className ?? ''].filter(Boolean).join(' ')}>
      <div className="checkbox">
        <input type="checkbox" aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...input} id={ids.id} />
        <label htmlFor={ids.id}>{label}</label>
      </div>
      {description ? (
        <p className="field__description" id={ids.descriptionId}>
          {description}
        </p>
      ) : null}
      <FieldError id={ids.errorId} error={error} />
    </div>
  );
}

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
  const descriptionId = description ? `${name}-description` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  const picked = Array.isArray(value) ? value : value === null ? [] : [value];
  return (
    <fieldset className="field choice-group" aria-describedby={[descriptionId, errorId].filter(Boolean).join(' ') || undefined} aria-invalid={error ? true : undefined}>
      <legend className="field__label">
        {legend}
        {required ? <span className="field__required" aria-hidden="true"> *</span> : null}
      </legend>
      {description ? (
        <p className="field__description" id={descriptionId}>
          {description}
        </p>
      ) : null}
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
                aria-required={(required && !multiple) || undefined}
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
      <FieldError id={errorId} error={error} />
    </fieldset>
  );
}

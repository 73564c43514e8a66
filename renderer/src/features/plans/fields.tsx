// DOM. Labelled form controls for the plan and preparation forms: the same classes and wiring as
// ui/Field (label, description and error joined by aria-describedby; aria-invalid), but errors are
// read from the feature's namespace first ("the target date is before the case began", "the
// signature is not a PNG"), which the shared errors namespace does not know.
import { createContext, useContext, useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import type { FieldErrorLike } from '../../ui/errors';
import { useFeatureErrorText, type FeatureNamespace } from './kit';

/** Which namespace form errors are read from first. */
export const ErrorNamespace = createContext<FeatureNamespace>('plans');

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

export type CheckboxProps = Omit<FrameProps, 'required'> & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { ref?: React.Ref<HTMLInputElement> };

export function Checkbox({ label, description, error, className, ...input }: CheckboxProps) {
  const ids = useIds(input.id, description, error);
  return (
    <div className={['field field--checkbox', className ?? ''].filter(Boolean).join(' ')}>
      <div className="checkbox">
        <input id={ids.id} type="checkbox" aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...input} />
        <label htmlFor={ids.id}>{label}</label>
      </div>
      <Description id={ids.descriptionId}>{description}</Description>
      <FieldError id={ids.errorId} error={error} />
    </div>
  );
}

/** A draft notice for forms kept by the core while typing. */
export function DraftStatus({ restoredAt, savedAt, restoredText, savedText }: { restoredAt: string | null; savedAt: string | null; restoredText: string; savedText: string }) {
  return (
    <>
      {restoredAt ? <p className="alert alert--info">{restoredText}</p> : null}
      {savedAt ? (
        <span className="muted" role="status">
          {savedText}
        </span>
      ) : null}
    </>
  );
}

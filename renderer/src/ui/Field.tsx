// DOM. Labelled form controls: the label, a description and the error are wired to the control
// with aria-describedby / aria-invalid, so a screen reader hears all three.
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useFieldErrorText, type FieldErrorLike } from './errors';

interface FieldFrameProps {
  label: ReactNode;
  description?: ReactNode;
  error?: FieldErrorLike;
  /** A node placed under the control (live policy feedback, for instance), described by id. */
  extra?: (id: string) => ReactNode;
  required?: boolean;
}

function useFieldIds(explicitId: string | undefined, error: FieldErrorLike | undefined, description: ReactNode, extra: boolean) {
  const generated = useId();
  const id = explicitId ?? generated;
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const extraId = extra ? `${id}-extra` : undefined;
  const describedBy = [descriptionId, extraId, errorId].filter(Boolean).join(' ') || undefined;
  return { id, descriptionId, errorId, extraId, describedBy };
}

function FieldMessages({ description, descriptionId, error, errorId }: { description?: ReactNode; descriptionId?: string; error?: FieldErrorLike; errorId?: string }) {
  const errorText = useFieldErrorText();
  return (
    <>
      {description ? (
        <p className="field__description" id={descriptionId}>
          {description}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          <span aria-hidden="true" className="field__error-icon">!</span>
          {errorText(error)}
        </p>
      ) : null}
    </>
  );
}

export type TextFieldProps = FieldFrameProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'children'> & { ref?: React.Ref<HTMLInputElement> };

export function TextField({ label, description, error, extra, required, className, ...input }: TextFieldProps) {
  const ids = useFieldIds(input.id, error, description, Boolean(extra));
  return (
    <div className={['field', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={ids.id}>
        {label}
      </label>
      {description ? (
        <p className="field__description" id={ids.descriptionId}>
          {description}
        </p>
      ) : null}
      <input
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        aria-required={required || undefined}
        {...input}
        id={ids.id}
      />
      {extra && ids.extraId ? extra(ids.extraId) : null}
      <FieldMessages error={error} errorId={ids.errorId} />
    </div>
  );
}

export type TextAreaFieldProps = FieldFrameProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'children'> & { ref?: React.Ref<HTMLTextAreaElement> };

export function TextAreaField({ label, description, error, required, className, ...input }: TextAreaFieldProps) {
  const ids = useFieldIds(input.id, error, description, false);
  return (
    <div className={['field', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={ids.id}>
        {label}
      </label>
      <FieldMessages description={description} descriptionId={ids.descriptionId} />
      <textarea id={ids.id} className="input textarea" aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} aria-required={required || undefined} {...input} />
      <FieldMessages error={error} errorId={ids.errorId} />
    </div>
  );
}

export type SelectFieldProps = FieldFrameProps &
  SelectHTMLAttributes<HTMLSelectElement> & { ref?: React.Ref<HTMLSelectElement> };

export function SelectField({ label, description, error, required, className, children, ...select }: SelectFieldProps) {
  const ids = useFieldIds(select.id, error, description, false);
  return (
    <div className={['field', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={ids.id}>
        {label}
      </label>
      <FieldMessages description={description} descriptionId={ids.descriptionId} />
      <select id={ids.id} className="input select" aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} aria-required={required || undefined} {...select}>
        {children}
      </select>
      <FieldMessages error={error} errorId={ids.errorId} />
    </div>
  );
}

export type CheckboxFieldProps = Omit<FieldFrameProps, 'extra'> &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { ref?: React.Ref<HTMLInputElement> };

export function CheckboxField({ label, description, error, className, ...input }: CheckboxFieldProps) {
  const ids = useFieldIds(input.id, error, description, false);
  return (
    <div className={['field field--checkbox', className ?? ''].filter(Boolean).join(' ')}>
      <div className="checkbox">
        <input id={ids.id} type="checkbox" aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...input} />
        <label htmlFor={ids.id}>{label}</label>
      </div>
      <FieldMessages description={description} descriptionId={ids.descriptionId} error={error} errorId={ids.errorId} />
    </div>
  );
}

// DOM. Labelled controls for the case forms. They follow ui/Field (same classes, label,
// description and error wired with aria-describedby / aria-invalid) but read error keys from the
// `cases` namespace first — registration has its own rules ("a date of birth or an estimated age",
// "after the date of birth") that the shared errors namespace does not know — then from `errors`.
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrorLike } from '../../../ui/errors';

const SEPARATOR = '|';

export function useCaseErrorText() {
  const { t: typed, i18n } = useTranslation(['cases', 'errors']);
  const t = typed as unknown as (key: string, options?: object) => string;
  return (error: FieldErrorLike | undefined): string => {
    const message = error?.message ?? '';
    const at = message.indexOf(SEPARATOR);
    const key = at < 0 ? message : message.slice(0, at);
    let params: Record<string, unknown> = {};
    if (at >= 0) {
      try {
        params = JSON.parse(message.slice(at + 1)) as Record<string, unknown>;
      } catch {
        params = {};
      }
    }
    for (const candidate of [`cases:validation.${key}`, `cases:${key}`, `errors:${key}`, `errors:validation.${key}`]) {
      if (key && i18n.exists(candidate)) return t(candidate, params);
    }
    return t('errors:validation.invalid');
  };
}

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
  const text = useCaseErrorText();
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

export type InputProps = FrameProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'children'> & { ref?: React.Ref<HTMLInputElement> };

export function Input({ label, description, error, required, className, ...input }: InputProps) {
  const ids = useIds(input.id, description, error);
  return (
    <div className={['field', className ?? ''].filter(Boolean).join(' ')}>
      <Label htmlFor={ids.id} required={required}>
        {label}
      </Label>
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
      {description ? (
        <p className="field__description" id={ids.descriptionId}>
          {description}
        </p>
      ) : null}
      <textarea
        className="input textarea"
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
      {description ? (
        <p className="field__description" id={ids.descriptionId}>
          {description}
        </p>
      ) : null}
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

/** A group of checkboxes or radios under one legend; the error belongs to the group. */
export function ChoiceGroup({
  label,
  description,
  error,
  required,
  className,
  children,
}: FrameProps & { children: ReactNode }) {
  const ids = useIds(undefined, description, error);
  return (
    <fieldset className={['fieldset', className ?? ''].filter(Boolean).join(' ')} aria-describedby={ids.describedBy}>
      <legend className="field__label">
        {label}
        {required ? (
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </legend>
      {description ? (
        <p className="field__description" id={ids.descriptionId}>
          {description}
        </p>
      ) : null}
      {children}
      <FieldError id={ids.errorId} error={error} />
    </fieldset>
  );
}

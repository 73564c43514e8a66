// DOM. Labelled form controls for the family, consents and notes forms. Same classes and wiring as
// ui/Field (label, description and error joined by aria-describedby, aria-invalid), but errors are
// read from the feature's own namespace first ("a brother or sister is recorded as a sibling",
// "the file is not the type it says"), which the shared errors namespace does not know.
import {
  createContext,
  useContext,
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import type { FieldErrorLike } from '../../ui/errors';
import { useNetworkErrorText, type NetworkNamespace } from './kit';

/** Which namespace form errors are read from first. */
export const ErrorNamespace = createContext<NetworkNamespace>('family');

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
  const text = useNetworkErrorText(useContext(ErrorNamespace));
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

function Required({ required }: { required?: boolean }) {
  return required ? (
    <span className="field__required" aria-hidden="true">
      {' '}
      *
    </span>
  ) : null;
}

function Frame({ ids, label, description, error, className, children, required }: FrameProps & { ids: ReturnType<typeof useIds>; children: ReactNode }) {
  return (
    <div className={['field', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={ids.id}>
        {label}
        <Required required={required} />
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
      <input
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        aria-required={required || undefined}
        {...input}
        id={ids.id}
      />
    </Frame>
  );
}

type AreaProps = FrameProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'children' | 'className'> & { ref?: React.Ref<HTMLTextAreaElement> };

export function TextAreaField({ label, description, error, required, className, ...input }: AreaProps) {
  const ids = useIds(input.id, description, error);
  return (
    <Frame ids={ids} label={label} description={description} error={error} className={className} required={required}>
      <textarea
        className="input textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        aria-required={required || undefined}
        {...input}
        id={ids.id}
      />
    </Frame>
  );
}

type SelectProps = FrameProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'className'> & { ref?: React.Ref<HTMLSelectElement> };

export function SelectField({ label, description, error, required, className, children, ...select }: SelectProps) {
  const ids = useIds(select.id, description, error);
  return (
    <Frame ids={ids} label={label} description={description} error={error} className={className} required={required}>
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

/** Checkboxes or radio buttons under one legend; the description and error belong to the group. */
export function ChoiceGroup({ label, description, error, required, className, children }: FrameProps & { children: ReactNode }) {
  const ids = useIds(undefined, description, error);
  return (
    <fieldset
      className={['network-fieldset', className ?? ''].filter(Boolean).join(' ')}
      aria-describedby={ids.describedBy}
      aria-invalid={error ? true : undefined}
      aria-required={required || undefined}
    >
      <legend className="field__label">
        {label}
        <Required required={required} />
      </legend>
      {description ? (
        <p className="field__description" id={ids.descriptionId}>
          {description}
        </p>
      ) : null}
      <div className="network-choices">{children}</div>
      <FieldError id={ids.errorId} error={error} />
    </fieldset>
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

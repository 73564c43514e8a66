// DOM. Labelled form controls: the label, a description and the error are wired to the control
// with aria-describedby / aria-invalid, so a screen reader hears all three. Feature forms use the
// same controls through ui/form, which marks required fields and reads error keys from the
// feature's namespace first; here both are off unless asked for.
import { useTranslation } from 'react-i18next';
import {
  useId,
  type FieldsetHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { useFieldErrorText, type FieldErrorLike, type FieldErrorSource } from './errors';

interface FieldFrameProps {
  label: ReactNode;
  description?: ReactNode;
  error?: FieldErrorLike;
  /** A node placed under the control (live policy feedback, for instance), described by id. */
  extra?: (id: string) => ReactNode;
  required?: boolean;
  /** Shows a required field's " *" after its label (feature forms do, the session screens do not). */
  requiredMark?: boolean;
  /** Where the error's key is looked up before the shared `errors` namespace. */
  errorSource?: FieldErrorSource | null;
}

export function useFieldIds(explicitId: string | undefined, error: FieldErrorLike | undefined, description: ReactNode, extra = false) {
  const generated = useId();
  const id = explicitId ?? generated;
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const extraId = extra ? `${id}-extra` : undefined;
  const describedBy = [descriptionId, extraId, errorId].filter(Boolean).join(' ') || undefined;
  return { id, descriptionId, errorId, extraId, describedBy };
}

/** The " *" after a required field's label; hidden from assistive technology, which hears aria-required. */
export function RequiredMark({ required }: { required?: boolean }) {
  return required ? (
    <span className="field__required" aria-hidden="true">
      {' '}
      *
    </span>
  ) : null;
}

export function FieldDescription({ id, children }: { id?: string; children?: ReactNode }) {
  return children ? (
    <p className="field__description" id={id}>
      {children}
    </p>
  ) : null;
}

/** A field's error in words, with the id the control's aria-describedby names; nothing without an error. */
export function FieldErrorMessage({ id, error, source }: { id?: string; error?: FieldErrorLike; source?: FieldErrorSource | null }) {
  const errorText = useFieldErrorText(source);
  if (!error) return null;
  return (
    <p className="field__error" id={id}>
      <span aria-hidden="true" className="field__error-icon">
        !
      </span>
      {errorText(error)}
    </p>
  );
}

function FieldLabel({ htmlFor, required, mark, children }: { htmlFor: string; required?: boolean; mark?: boolean; children: ReactNode }) {
  return (
    <label className="field__label" htmlFor={htmlFor}>
      {children}
      {mark ? <RequiredMark required={required} /> : null}
    </label>
  );
}

const fieldClass = (base: string, className: string | undefined) => [base, className ?? ''].filter(Boolean).join(' ');

type FieldIds = ReturnType<typeof useFieldIds>;

/** The label, description and error around one control. */
function FieldFrame({
  ids,
  label,
  description,
  error,
  required,
  requiredMark,
  errorSource,
  className,
  children,
}: Omit<FieldFrameProps, 'extra'> & { ids: FieldIds; className?: string; children: ReactNode }) {
  return (
    <div className={fieldClass('field', className)}>
      <FieldLabel htmlFor={ids.id} required={required} mark={requiredMark}>
        {label}
      </FieldLabel>
      <FieldDescription id={ids.descriptionId}>{description}</FieldDescription>
      {children}
      <FieldErrorMessage id={ids.errorId} error={error} source={errorSource} />
    </div>
  );
}

/** What a control says of itself: invalid, required, and which texts describe it. */
const controlAria = (ids: FieldIds, error: FieldErrorLike | undefined, required: boolean | undefined) => ({
  'aria-invalid': error ? true : undefined,
  'aria-describedby': ids.describedBy,
  'aria-required': required || undefined,
});

export type TextFieldProps = FieldFrameProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'children'> & { ref?: React.Ref<HTMLInputElement> };

export function TextField({ label, description, error, extra, required, requiredMark, errorSource, className, ...input }: TextFieldProps) {
  const ids = useFieldIds(input.id, error, description, Boolean(extra));
  const frame = { ids, label, description, error, required, requiredMark, errorSource, className };
  return (
    <FieldFrame {...frame}>
      <input className="input" {...controlAria(ids, error, required)} {...input} id={ids.id} />
      {extra && ids.extraId ? extra(ids.extraId) : null}
    </FieldFrame>
  );
}

export type TextAreaFieldProps = Omit<FieldFrameProps, 'extra'> &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'children'> & { ref?: React.Ref<HTMLTextAreaElement> };

export function TextAreaField({ label, description, error, required, requiredMark, errorSource, className, ...input }: TextAreaFieldProps) {
  const ids = useFieldIds(input.id, error, description);
  const frame = { ids, label, description, error, required, requiredMark, errorSource, className };
  return (
    <FieldFrame {...frame}>
      <textarea className="input textarea" {...controlAria(ids, error, required)} {...input} id={ids.id} />
    </FieldFrame>
  );
}

export type SelectFieldProps = Omit<FieldFrameProps, 'extra'> &
  SelectHTMLAttributes<HTMLSelectElement> & { ref?: React.Ref<HTMLSelectElement> };

export function SelectField({ label, description, error, required, requiredMark, errorSource, className, children, ...select }: SelectFieldProps) {
  const ids = useFieldIds(select.id, error, description);
  const frame = { ids, label, description, error, required, requiredMark, errorSource, className };
  return (
    <FieldFrame {...frame}>
      <select className="input select" {...controlAria(ids, error, required)} {...select} id={ids.id}>
        {children}
      </select>
    </FieldFrame>
  );
}

export type CheckboxFieldProps = Omit<FieldFrameProps, 'extra' | 'requiredMark'> &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { ref?: React.Ref<HTMLInputElement> };

export function CheckboxField({ label, description, error, errorSource, className, ...input }: CheckboxFieldProps) {
  const ids = useFieldIds(input.id, error, description);
  return (
    <div className={fieldClass('field field--checkbox', className)}>
      <div className="checkbox">
        <input type="checkbox" aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...input} id={ids.id} />
        <label htmlFor={ids.id}>{label}</label>
      </div>
      <FieldDescription id={ids.descriptionId}>{description}</FieldDescription>
      <FieldErrorMessage id={ids.errorId} error={error} source={errorSource} />
    </div>
  );
}

export type FieldGroupProps = Omit<FieldFrameProps, 'extra'> &
  Omit<FieldsetHTMLAttributes<HTMLFieldSetElement>, 'children'> & {
    /** What the description's and error's ids start with (generated when left out). */
    baseId?: string;
    children: ReactNode;
  };

/** What a feature's own group of choices takes, to pass on to FieldGroup. */
export type ChoiceGroupProps = Pick<FieldGroupProps, 'label' | 'description' | 'error' | 'required' | 'className' | 'children'>;

/**
 * Controls under one legend (radio buttons, checkboxes): the description and the error belong to
 * the group, named by the fieldset's aria-describedby. The options' own markup is the caller's.
 */
export function FieldGroup({ label, description, error, required, requiredMark, errorSource, baseId, children, ...fieldset }: FieldGroupProps) {
  const ids = useFieldIds(baseId, error, description);
  const { t } = useTranslation();
  // aria-required is not allowed on a fieldset (axe: aria-allowed-attr), and a group of checkboxes
  // has no role that takes it: the requirement is said in the legend, the group's accessible name.
  const { 'aria-required': _ariaRequired, ...attributes } = fieldset;
  return (
    <fieldset aria-describedby={ids.describedBy} {...attributes}>
      <legend className="field__label">
        {label}
        {requiredMark ? <RequiredMark required={required} /> : null}
        {required ? <span className="visually-hidden">{` (${t('field.required')})`}</span> : null}
      </legend>
      <FieldDescription id={ids.descriptionId}>{description}</FieldDescription>
      {children}
      <FieldErrorMessage id={ids.errorId} error={error} source={errorSource} />
    </fieldset>
  );
}

// DOM. Labelled controls for the case forms: ui/Field's (same classes, label, description and error
// wired with aria-describedby / aria-invalid, a " *" after a required label), reading error keys
// from the `cases` namespace first — registration has its own rules ("a date of birth or an
// estimated age", "after the date of birth") that the shared errors namespace does not know —
// then from `errors`.
import { useFieldErrorText, type FieldErrorLike, type FieldErrorSource } from '../../../ui/errors';
import * as base from '../../../ui/Field';

/** `cases:validation.<key>`, then `cases:<key>`, then the shared errors. */
const casesErrors: FieldErrorSource = { ns: 'cases', prefixes: ['validation.', ''] };

export function useCaseErrorText() {
  return useFieldErrorText(casesErrors);
}

export function FieldError({ id, error }: { id?: string; error?: FieldErrorLike }) {
  return <base.FieldErrorMessage id={id} error={error} source={casesErrors} />;
}

type Bound<P> = Omit<P, 'requiredMark' | 'errorSource'>;

export type InputProps = Bound<base.TextFieldProps>;

export function Input(props: InputProps) {
  return <base.TextField requiredMark errorSource={casesErrors} {...props} />;
}

export type TextAreaProps = Bound<base.TextAreaFieldProps>;

export function TextArea(props: TextAreaProps) {
  return <base.TextAreaField requiredMark errorSource={casesErrors} {...props} />;
}

export type SelectProps = Bound<base.SelectFieldProps>;

export function Select(props: SelectProps) {
  return <base.SelectField requiredMark errorSource={casesErrors} {...props} />;
}

export type CheckboxProps = Omit<Bound<base.CheckboxFieldProps>, 'required'>;

export function Checkbox(props: CheckboxProps) {
  return <base.CheckboxField errorSource={casesErrors} {...props} />;
}

/** A group of checkboxes or radios under one legend; the error belongs to the group. */
export function ChoiceGroup({ label, description, error, required, className, children }: base.ChoiceGroupProps) {
  return (
    <base.FieldGroup
      requiredMark
      errorSource={casesErrors}
      className={['fieldset', className ?? ''].filter(Boolean).join(' ')}
      label={label}
      description={description}
      error={error}
      required={required}
    >
      {children}
    </base.FieldGroup>
  );
}

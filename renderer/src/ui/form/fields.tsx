// DOM. The labelled controls of the case-file feature forms, spread onto react-hook-form's
// `register` or driven by a Controller: ui/Field's controls (same classes, label, description and
// error joined by aria-describedby, aria-invalid) with a " *" after a required field's label, and
// error keys read from the feature's namespace first ("say how the contact happens", "the date is
// before the case was registered"), which the shared errors namespace does not know. A tab names
// its namespace once with <FieldErrorNamespace>.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { FieldErrorLike, FieldErrorSource } from '../errors';
import * as base from '../Field';

const FieldErrorSourceContext = createContext<FieldErrorSource | null>(null);

const validationPrefixes = ['validation.'] as const;

/**
 * Error keys of the fields below are looked up as `<ns>:<prefix><key>` for each prefix, then in
 * the shared `errors` namespace.
 */
export function FieldErrorNamespace({ ns, prefixes = validationPrefixes, children }: { ns: string; prefixes?: readonly string[]; children: ReactNode }) {
  const value = useMemo(() => ({ ns, prefixes }), [ns, prefixes]);
  return <FieldErrorSourceContext.Provider value={value}>{children}</FieldErrorSourceContext.Provider>;
}

/** Where the surrounding form's error keys are looked up (null: the shared errors only). */
export function useFieldErrorSource(): FieldErrorSource | null {
  return useContext(FieldErrorSourceContext);
}

type Bound<P> = Omit<P, 'requiredMark' | 'errorSource'>;

export function TextField(props: Bound<base.TextFieldProps>) {
  return <base.TextField requiredMark errorSource={useFieldErrorSource()} {...props} />;
}

export function TextAreaField(props: Bound<base.TextAreaFieldProps>) {
  return <base.TextAreaField requiredMark errorSource={useFieldErrorSource()} {...props} />;
}

export function SelectField(props: Bound<base.SelectFieldProps>) {
  return <base.SelectField requiredMark errorSource={useFieldErrorSource()} {...props} />;
}

export function CheckboxField(props: Bound<base.CheckboxFieldProps>) {
  return <base.CheckboxField errorSource={useFieldErrorSource()} {...props} />;
}

/** A legend over radio buttons or checkboxes whose markup the feature writes. */
export function FieldGroup(props: Bound<base.FieldGroupProps>) {
  return <base.FieldGroup requiredMark errorSource={useFieldErrorSource()} {...props} />;
}

/** A field's error in words for a control of the feature's own making. */
export function FieldError({ id, error }: { id?: string; error?: FieldErrorLike }) {
  return <base.FieldErrorMessage id={id} error={error} source={useFieldErrorSource()} />;
}

export { useFieldIds, RequiredMark, FieldDescription, type ChoiceGroupProps } from '../Field';

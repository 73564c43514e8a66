// DOM. The footer of a dialog's form: a quiet status that the draft was kept (when it was), Cancel,
// and the submit button, which shows it is busy while the form is being saved.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, type ButtonVariant } from '../Button';

export function FormFooter({
  submit,
  busy,
  onCancel,
  savedText,
  disabled,
  variant = 'primary',
  cancelText,
}: {
  submit: ReactNode;
  busy: boolean;
  onCancel: () => void;
  /** Shown as a status before the buttons, e.g. "Draft kept" once a draft save has landed. */
  savedText?: ReactNode;
  disabled?: boolean;
  variant?: ButtonVariant;
  /** When cancelling means something else than closing (e.g. "Sign out"). */
  cancelText?: ReactNode;
}) {
  const { t } = useTranslation('common');
  return (
    <div className="dialog__footer">
      {savedText ? (
        <span className="muted" role="status">
          {savedText}
        </span>
      ) : null}
      <Button onClick={onCancel}>{cancelText ?? t('actions.cancel')}</Button>
      <Button type="submit" variant={variant} busy={busy} disabled={disabled}>
        {submit}
      </Button>
    </div>
  );
}

// DOM. Asks why before taking something off the record (a person, a document, a tracing action):
// an alert dialog whose destructive button stays disabled until a reason is written. The record
// itself stays on file; the reason goes into its history.
import { useState, type ReactNode } from 'react';
import { Dialog } from './Dialog';
import { FormFooter } from './form/FormFooter';
import { TextAreaField } from './form/fields';
import { ErrorAlert } from './misc';

export function ReasonDialog({
  title,
  description,
  reasonLabel,
  submit,
  maxLength,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  title: ReactNode;
  description: ReactNode;
  reasonLabel: ReactNode;
  submit: ReactNode;
  maxLength?: number;
  busy: boolean;
  error: unknown;
  /** Called with the reason as typed, once it is more than white space. */
  onConfirm: (reason: string) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  return (
    <Dialog open onClose={onClose} role="alertdialog" size="sm" title={title} description={description}>
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (reason.trim()) onConfirm(reason);
        }}
      >
        <TextAreaField label={reasonLabel} required rows={3} maxLength={maxLength} value={reason} onChange={(e) => setReason(e.target.value)} />
        <ErrorAlert error={error} />
        <FormFooter variant="danger" submit={submit} busy={busy} disabled={!reason.trim()} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

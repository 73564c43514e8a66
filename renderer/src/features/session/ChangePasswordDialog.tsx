// DOM. The signed-in person changes their own password (only their key slot is rewritten).
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { passwordSchema } from '@shared/session/contract';
import { call, isApiError } from '../../api';
import { useReadySession } from '../../app/session';
import { FormFooter } from '../../ui/form/FormFooter';
import { Dialog } from '../../ui/Dialog';
import { errorKey, formSchemaOptions } from '../../ui/errors';
import { TextField } from '../../ui/Field';
import { ErrorAlert } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { NewPasswordFields, passwordIssues } from './PasswordRules';

function schemaFor(username: string) {
  return z
    .object({ currentPassword: passwordSchema, password: passwordSchema, confirm: z.string() })
    .superRefine((values, ctx) => {
      for (const issue of passwordIssues(values.password, values.confirm, username)) {
        ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
      }
    });
}
type Values = { currentPassword: string; password: string; confirm: string };

/**
 * The form itself, shared by the dialog (from the account menu) and the first-sign-in screen,
 * where "cancel" means signing out: there is nothing else to go back to.
 */
export function ChangePasswordForm({
  onClose,
  onCancel = onClose,
  cancelText,
  currentLabel,
}: {
  onClose: () => void;
  onCancel?: () => void;
  cancelText?: string;
  currentLabel?: string;
}) {
  const { t } = useTranslation(['session', 'common']);
  const session = useReadySession();
  const toast = useToast();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<Values>({
    resolver: zodResolver(schemaFor(session.username), formSchemaOptions),
    defaultValues: { currentPassword: '', password: '', confirm: '' },
    mode: 'onTouched',
  });
  const password = useWatch({ control: form.control, name: 'password' });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await call('session.changePassword', { currentPassword: values.currentPassword, newPassword: values.password });
      if (!cancelText) toast.show(t('changePassword.done'));
      onClose();
    } catch (error) {
      if (isApiError(error, 'PASSWORD_INCORRECT')) {
        form.setError('currentPassword', { message: errorKey('PASSWORD_INCORRECT') }, { shouldFocus: true });
      } else if (isApiError(error, 'PASSWORD_UNCHANGED')) {
        form.setError('password', { message: errorKey('PASSWORD_UNCHANGED') }, { shouldFocus: true });
      } else {
        setFailure(error);
      }
    }
  });
  return (
    <form className="stack" noValidate onSubmit={submit}>
      <input type="text" name="username" autoComplete="username" value={session.username} readOnly hidden />
      <TextField label={currentLabel ?? t('account.currentPassword')} type="password" autoComplete="current-password" required error={errors.currentPassword} {...form.register('currentPassword')} />
      <NewPasswordFields
        password={form.register('password')}
        confirm={form.register('confirm')}
        value={password}
        username={session.username}
        errors={errors}
      />
      <ErrorAlert error={failure} />
      <FormFooter submit={t('changePassword.submit')} busy={isSubmitting} onCancel={onCancel} cancelText={cancelText} />
    </form>
  );
}

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation(['session', 'common']);
  return (
    <Dialog open={open} onClose={onClose} title={t('changePassword.title')} description={t('changePassword.intro')}>
      <ChangePasswordForm onClose={onClose} />
    </Dialog>
  );
}

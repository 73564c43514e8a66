// DOM. Removing a user (confirmed, and followed by advice to rotate the data key when they had
// signed in), and resetting a user's password with the office recovery key.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { z } from 'zod';
import type { User } from '@shared/admin/contract';
import { passwordSchema, recoveryKeySchema } from '@shared/session/contract';
import { isApiError } from '../../api';
import { Button } from '../../ui/Button';
import { FormFooter } from '../../ui/form/FormFooter';
import { Dialog } from '../../ui/Dialog';
import { errorKey, formSchemaOptions } from '../../ui/errors';
import { TextField } from '../../ui/Field';
import { Alert, ErrorAlert } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { NewPasswordFields, passwordIssues } from '../session/PasswordRules';
import { useRemoveUser, useResetPassword } from './queries';

function RemoveUserBody({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation(['admin', 'common', 'session']);
  const toast = useToast();
  const remove = useRemoveUser();
  const [rekeyAdvised, setRekeyAdvised] = useState(false);
  if (rekeyAdvised) {
    return (
      <div className="stack">
        <Alert tone="warning">{t('users.rekeyAdvice', { name: user.displayName })}</Alert>
        <div className="dialog__footer">
          <Button onClick={onClose}>{t('common:actions.close')}</Button>
          <Link className="btn btn--primary" to="/admin/security" onClick={onClose}>
            {t('users.goToSecurity')}
          </Link>
        </div>
      </div>
    );
  }
  return (
    <div className="stack">
      <ErrorAlert error={remove.error} />
      <div className="dialog__footer">
        <Button onClick={onClose} data-autofocus>
          {t('common:actions.cancel')}
        </Button>
        <Button
          variant="danger"
          busy={remove.isPending}
          onClick={() => {
            remove.mutate(user.id, {
              onSuccess: (result) => {
                toast.show(t('users.removed', { name: user.displayName }));
                if (result.rekeyRecommended) setRekeyAdvised(true);
                else onClose();
              },
            });
          }}
        >
          {t('users.removeConfirm')}
        </Button>
      </div>
    </div>
  );
}

export function RemoveUserDialog({ user, open, onClose }: { user: User; open: boolean; onClose: () => void }) {
  const { t } = useTranslation(['admin', 'common', 'session']);
  return (
    <Dialog open={open} onClose={onClose} role="alertdialog" size="sm" title={t('users.removeTitle', { name: user.displayName })} description={t('users.removeBody')}>
      <RemoveUserBody user={user} onClose={onClose} />
    </Dialog>
  );
}

function resetSchemaFor(username: string) {
  return z
    .object({ recoveryKey: recoveryKeySchema.pipe(z.string().min(1)), password: passwordSchema, confirm: z.string() })
    .superRefine((values, ctx) => {
      for (const issue of passwordIssues(values.password, values.confirm, username)) {
        ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
      }
    });
}
type ResetValues = { recoveryKey: string; password: string; confirm: string };

function ResetPasswordForm({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation(['admin', 'common', 'session']);
  const toast = useToast();
  const reset = useResetPassword();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<ResetValues>({
    resolver: zodResolver(resetSchemaFor(user.username), formSchemaOptions),
    defaultValues: { recoveryKey: '', password: '', confirm: '' },
    mode: 'onTouched',
  });
  const password = useWatch({ control: form.control, name: 'password' });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await reset.mutateAsync({ id: user.id, recoveryKey: values.recoveryKey, newPassword: values.password });
      toast.show(t('users.passwordReset', { name: user.displayName }));
      onClose();
    } catch (error) {
      if (isApiError(error, 'RECOVERY_KEY_INVALID')) {
        form.setError('recoveryKey', { message: errorKey('RECOVERY_KEY_INVALID') }, { shouldFocus: true });
      } else {
        setFailure(error);
      }
    }
  });
  return (
    <form className="stack" noValidate onSubmit={submit}>
      <TextField
        label={t('session:forgot.recoveryKey')}
        description={t('session:forgot.recoveryKeyHelp')}
        autoComplete="off"
        spellCheck={false}
        className="input--mono"
        dir="ltr"
        required
        error={errors.recoveryKey}
        {...form.register('recoveryKey')}
      />
      <NewPasswordFields
        password={form.register('password')}
        confirm={form.register('confirm')}
        value={password}
        username={user.username}
        errors={errors}
      />
      <ErrorAlert error={failure} />
      <FormFooter submit={t('users.resetSubmit')} busy={isSubmitting} onCancel={onClose} />
    </form>
  );
}

export function ResetPasswordDialog({ user, open, onClose }: { user: User; open: boolean; onClose: () => void }) {
  const { t } = useTranslation(['admin', 'common', 'session']);
  return (
    <Dialog open={open} onClose={onClose} title={t('users.resetTitle', { name: user.displayName })} description={t('users.resetIntro')}>
      <ResetPasswordForm user={user} onClose={onClose} />
    </Dialog>
  );
}

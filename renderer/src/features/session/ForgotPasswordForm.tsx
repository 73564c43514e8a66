// DOM. A forgotten password: the office recovery key sets a new one (the core checks the key
// opens this office's database and writes only that person's key slot).
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { passwordSchema, recoveryKeySchema, usernameSchema } from '@shared/session/contract';
import { call, isApiError } from '../../api';
import { Button } from '../../ui/Button';
import { applyServerIssues, errorKey, formSchemaOptions } from '../../ui/errors';
import { TextField } from '../../ui/Field';
import { ErrorAlert } from '../../ui/misc';
import { NewPasswordFields, passwordIssues } from './PasswordRules';

const schema = z
  .object({ recoveryKey: recoveryKeySchema.pipe(z.string().min(1)), username: usernameSchema, password: passwordSchema, confirm: z.string() })
  .superRefine((values, ctx) => {
    for (const issue of passwordIssues(values.password, values.confirm, values.username)) {
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    }
  });
type Values = z.input<typeof schema>;

export function ForgotPasswordForm({ onCancel, onDone }: { onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation(['session', 'common']);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema, formSchemaOptions),
    defaultValues: { recoveryKey: '', username: '', password: '', confirm: '' },
    mode: 'onTouched',
  });
  const [password, username] = useWatch({ control: form.control, name: ['password', 'username'] });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await call('session.resetWithRecoveryKey', { recoveryKey: values.recoveryKey, username: values.username, newPassword: values.password });
      onDone();
    } catch (error) {
      if (isApiError(error, 'RECOVERY_KEY_INVALID')) {
        form.setError('recoveryKey', { message: errorKey('RECOVERY_KEY_INVALID') }, { shouldFocus: true });
      } else if (isApiError(error, 'NOT_FOUND')) {
        form.setError('username', { message: errorKey('validation.noSuchUser') }, { shouldFocus: true });
      } else if (
        !applyServerIssues(error, form.setError, (path) =>
          path[0] === 'newPassword' ? 'password' : path[0] === 'recoveryKey' || path[0] === 'username' ? path[0] : null,
        )
      ) {
        setFailure(error);
      }
    }
  });

  return (
    <form className="stack" noValidate onSubmit={submit} aria-label={t('forgot.title')}>
      <TextField
        label={t('forgot.recoveryKey')}
        description={t('forgot.recoveryKeyHelp')}
        autoComplete="off"
        spellCheck={false}
        className="input--mono"
        dir="ltr"
        required
        error={errors.recoveryKey}
        {...form.register('recoveryKey')}
      />
      <TextField label={t('account.username')} autoComplete="username" autoCapitalize="none" spellCheck={false} required error={errors.username} {...form.register('username')} />
      <NewPasswordFields
        password={form.register('password')}
        confirm={form.register('confirm')}
        value={password}
        username={username}
        errors={errors}
      />
      <ErrorAlert error={failure} />
      <div className="row row--between">
        <Button onClick={onCancel}>{t('forgot.back')}</Button>
        <Button type="submit" variant="primary" busy={isSubmitting}>
          {t('forgot.submit')}
        </Button>
      </div>
    </form>
  );
}

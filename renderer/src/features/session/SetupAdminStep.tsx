// DOM. Setup, step 2: the first administrator, with live feedback on the password policy.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { displayNameSchema, passwordSchema, usernameSchema } from '@shared/session/contract';
import { Button } from '../../ui/Button';
import { applyServerIssues, formSchemaOptions } from '../../ui/errors';
import { TextField } from '../../ui/Field';
import { ErrorAlert } from '../../ui/misc';
import { NewPasswordFields, passwordIssues } from './PasswordRules';

export const newAccountSchema = z
  .object({ username: usernameSchema, displayName: displayNameSchema, password: passwordSchema, confirm: z.string() })
  .superRefine((values, ctx) => {
    for (const issue of passwordIssues(values.password, values.confirm, values.username)) {
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    }
  });
export type AdminValues = z.input<typeof newAccountSchema>;

export function SetupAdminStep({
  initial,
  onBack,
  onSubmit,
}: {
  initial: AdminValues | null;
  onBack: (values: AdminValues) => void;
  onSubmit: (values: AdminValues) => Promise<void>;
}) {
  const { t } = useTranslation(['session', 'common']);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<AdminValues, unknown, z.output<typeof newAccountSchema>>({
    resolver: zodResolver(newAccountSchema, formSchemaOptions),
    defaultValues: initial ?? { username: '', displayName: '', password: '', confirm: '' },
    mode: 'onTouched',
  });
  const [password, username] = useWatch({ control: form.control, name: ['password', 'username'] });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await onSubmit(values);
    } catch (error) {
      const matched = applyServerIssues(error, form.setError, (path) => {
        const field = path[path.length - 1];
        return path[0] === 'admin' && (field === 'username' || field === 'displayName' || field === 'password') ? field : null;
      });
      if (!matched) setFailure(error);
    }
  });

  return (
    <form className="stack" noValidate onSubmit={submit} aria-labelledby="setup-admin-title">
      <h2 id="setup-admin-title" className="form-title">
        {t('setup.adminTitle')}
      </h2>
      <p className="muted">{t('setup.adminIntro')}</p>
      <div className="form-grid">
        <TextField label={t('account.displayName')} autoComplete="name" required error={errors.displayName} {...form.register('displayName')} />
        <TextField
          label={t('account.username')}
          description={t('account.usernameHelp')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          error={errors.username}
          {...form.register('username')}
        />
      </div>
      <NewPasswordFields
        label={t('account.password')}
        password={form.register('password')}
        confirm={form.register('confirm')}
        value={password}
        username={username}
        errors={errors}
      />
      <ErrorAlert error={failure} />
      <div className="row row--between">
        <Button onClick={() => onBack(form.getValues())}>{t('setup.back')}</Button>
        <Button type="submit" variant="primary" busy={isSubmitting}>
          {t('setup.createOffice')}
        </Button>
      </div>
    </form>
  );
}

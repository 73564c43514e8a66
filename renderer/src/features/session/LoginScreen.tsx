// DOM. Sign in on the shared office PC, or reset a forgotten password with the recovery key.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { passwordSchema, usernameSchema } from '@shared/session/contract';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { Button } from '../../ui/Button';
import { formSchemaOptions } from '../../ui/errors';
import { TextField } from '../../ui/Field';
import { Alert, ErrorAlert } from '../../ui/misc';
import { ForgotPasswordForm } from './ForgotPasswordForm';
import { ScreenShell } from './ScreenShell';

const loginSchema = z.object({ username: usernameSchema, password: passwordSchema });
type LoginValues = z.input<typeof loginSchema>;

function LoginForm({ notice, onForgot }: { notice: string | null; onForgot: () => void }) {
  const { t } = useTranslation(['session', 'common']);
  const { signedIn } = useSession();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<LoginValues, unknown, z.output<typeof loginSchema>>({
    resolver: zodResolver(loginSchema, formSchemaOptions),
    defaultValues: { username: '', password: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const info = await call('session.login', values);
      await signedIn(info);
    } catch (error) {
      setFailure(error);
      form.resetField('password');
      form.setFocus('password');
    }
  });

  return (
    <form className="stack" noValidate onSubmit={submit} aria-label={t('login.formLabel')}>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <TextField
        label={t('account.username')}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        autoFocus
        required
        error={errors.username}
        {...form.register('username')}
      />
      <TextField label={t('account.password')} type="password" autoComplete="current-password" required error={errors.password} {...form.register('password')} />
      <ErrorAlert error={failure} />
      <Button type="submit" variant="primary" busy={isSubmitting} className="btn--block">
        {t('login.submit')}
      </Button>
      <button type="button" className="link-button" onClick={onForgot}>
        {t('login.forgot')}
      </button>
    </form>
  );
}

export function LoginScreen() {
  const { t } = useTranslation(['session', 'common']);
  const [view, setView] = useState<'login' | 'forgot'>('login');
  const [notice, setNotice] = useState<string | null>(null);
  return view === 'login' ? (
    <ScreenShell title={t('login.title')} intro={t('login.intro')}>
      <LoginForm
        notice={notice}
        onForgot={() => {
          setNotice(null);
          setView('forgot');
        }}
      />
    </ScreenShell>
  ) : (
    <ScreenShell title={t('forgot.title')} intro={t('forgot.intro')}>
      <ForgotPasswordForm
        onCancel={() => setView('login')}
        onDone={() => {
          setNotice(t('forgot.done'));
          setView('login');
        }}
      />
    </ScreenShell>
  );
}

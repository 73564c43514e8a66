// DOM. The lock screen: the session lives on in the core, but the renderer shows nothing of it
// beyond who is signed in. Unlock with the password, or end the session for someone else.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { passwordSchema } from '@shared/session/contract';
import { call } from '../../api';
import { Icon } from '../../app/icons';
import { useSession } from '../../app/session';
import { Button } from '../../ui/Button';
import { formSchemaOptions } from '../../ui/errors';
import { TextField } from '../../ui/Field';
import { focusWhenPresent } from '../../ui/focus';
import { ErrorAlert } from '../../ui/misc';
import { ScreenShell } from './ScreenShell';

const unlockSchema = z.object({ password: passwordSchema });
type UnlockValues = z.input<typeof unlockSchema>;

export function LockScreen() {
  const { t } = useTranslation(['session', 'common']);
  const { session, signedIn, logout } = useSession();
  const [failure, setFailure] = useState<unknown>(null);
  const [switching, setSwitching] = useState(false);
  const form = useForm<UnlockValues>({ resolver: zodResolver(unlockSchema, formSchemaOptions), defaultValues: { password: '' } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const unlocked = await call('session.unlock', values);
      // The page comes back where it was; the reader starts at its heading, not at <body>.
      focusWhenPresent(() => document.querySelector('.frame__main h1'), { onlyIfLost: true, keep: document.querySelector('.screen'), timeoutMs: 10_000 });
      await signedIn(unlocked);
    } catch (error) {
      setFailure(error);
      form.resetField('password');
      form.setFocus('password');
    }
  });

  return (
    <ScreenShell
      title={t('lock.title')}
      languagePicker={false}
      icon={<Icon name="lock" className="icon--lg" />}
      intro={session ? t('lock.who', { name: session.displayName, username: session.username }) : null}
    >
      <form className="stack" noValidate onSubmit={submit} aria-label={t('lock.formLabel')}>
        {/* The username field helps password managers and screen readers know whose password. */}
        <input type="text" name="username" autoComplete="username" value={session?.username ?? ''} readOnly hidden />
        <TextField label={t('account.password')} type="password" autoComplete="current-password" autoFocus required error={errors.password} {...form.register('password')} />
        <ErrorAlert error={failure} />
        <Button type="submit" variant="primary" busy={isSubmitting} className="btn--block">
          {t('lock.unlock')}
        </Button>
      </form>
      <div className="screen__divider" />
      <p className="muted screen__note">{t('lock.switchHelp')}</p>
      <Button
        className="btn--block"
        busy={switching}
        onClick={() => {
          setSwitching(true);
          void logout('switchUser');
        }}
      >
        {t('lock.switchUser')}
      </Button>
    </ScreenShell>
  );
}

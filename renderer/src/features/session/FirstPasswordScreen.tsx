// DOM. First sign-in with a password an administrator set (a new account, or after a reset): the
// person chooses their own before anything else. The core refuses every other channel meanwhile
// (PASSWORD_CHANGE_REQUIRED), so this screen is the only way on, and signing out the only way back.
import { useTranslation } from 'react-i18next';
import { Icon } from '../../app/icons';
import { useSession } from '../../app/session';
import { useToast } from '../../ui/Toast';
import { ChangePasswordForm } from './ChangePasswordDialog';
import { ScreenShell } from './ScreenShell';

export function FirstPasswordScreen() {
  const { t } = useTranslation(['session', 'common']);
  const { session, refresh, logout } = useSession();
  const toast = useToast();
  return (
    <ScreenShell
      title={t('firstPassword.title')}
      languagePicker={false}
      icon={<Icon name="lock" className="icon--lg" />}
      intro={session ? t('firstPassword.intro', { name: session.displayName }) : null}
    >
      <ChangePasswordForm
        currentLabel={t('firstPassword.givenPassword')}
        cancelText={t('common:actions.logout')}
        onCancel={() => void logout()}
        onClose={() => {
          toast.show(t('firstPassword.done'));
          void refresh();
        }}
      />
    </ScreenShell>
  );
}

// DOM. The signed-in person at the foot of the sidebar: name and role, change password, log out.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../app/icons';
import { useReadySession, useSession } from '../../app/session';
import { ChangePasswordDialog } from './ChangePasswordDialog';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/u).filter(Boolean);
  return (parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts).map((p) => [...p][0]?.toUpperCase() ?? '').join('');
}

export function AccountMenu() {
  const { t } = useTranslation();
  const session = useReadySession();
  const { logout } = useSession();
  const [changing, setChanging] = useState(false);
  return (
    <section className="account" aria-label={t('account.label')}>
      <div className="account__who">
        <span className="account__avatar" aria-hidden="true">
          {initials(session.displayName)}
        </span>
        <span className="account__text">
          <span className="account__name">{session.displayName}</span>
          <span className="account__role">{t(`roles.${session.role}`)}</span>
        </span>
      </div>
      <div className="account__actions">
        <button type="button" className="sidebar-button" onClick={() => setChanging(true)}>
          <Icon name="key" />
          <span>{t('account.changePassword')}</span>
        </button>
        <button type="button" className="sidebar-button" onClick={() => void logout('logout')}>
          <Icon name="logout" />
          <span>{t('actions.logout')}</span>
        </button>
      </div>
      <ChangePasswordDialog open={changing} onClose={() => setChanging(false)} />
    </section>
  );
}

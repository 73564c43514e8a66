// DOM. Administration: a heading and the tabs this role may open (users, office settings,
// security, audit log), each its own route.
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router-dom';
import { adminTabs } from '../../app/sections';
import { useReadySession } from '../../app/session';

export function AdminLayout() {
  const { t } = useTranslation(['admin', 'common', 'session']);
  const session = useReadySession();
  const tabs = adminTabs.filter((tab) => session.permissions.includes(tab.permission));
  return (
    <div className="admin">
      <p className="eyebrow">{t('common:sections.admin.title')}</p>
      <nav className="subnav" aria-label={t('tabsLabel')}>
        <ul>
          {tabs.map((tab) => (
            <li key={tab.id}>
              <NavLink to={tab.path} className="subnav__link">
                {t(`tabs.${tab.id}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}

// DOM. The Services section: the directory, the office's areas, and the coverage gaps (matrix and map).
import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/pages';
import { PageHeader } from '../../ui/misc';
import { useDocumentTitle } from '../cases/format';
import { AreasPage } from './AreasPage';
import { DirectoryPage } from './DirectoryPage';
import { GapsPage } from './GapsPage';
import './services.css';

export function ServicesRoutes() {
  const { t } = useTranslation('services');
  useDocumentTitle(t('title'));
  const tabs = [
    { to: '/services', label: t('tabs.directory'), end: true },
    { to: '/services/areas', label: t('tabs.areas'), end: false },
    { to: '/services/gaps', label: t('tabs.gaps'), end: false },
  ];
  return (
    <div className="stack">
      <PageHeader title={t('title')} description={t('summary')} />
      <nav aria-label={t('title')} className="services-nav">
        {tabs.map((tab) => (
          <NavLink key={tab.to} to={tab.to} end={tab.end} className={({ isActive }) => (isActive ? 'services-nav__link services-nav__link--active' : 'services-nav__link')}>
            {tab.label}
          </NavLink>
        ))}
      </nav>
      <Routes>
        <Route index element={<DirectoryPage />} />
        <Route path="areas" element={<AreasPage />} />
        <Route path="gaps" element={<GapsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}

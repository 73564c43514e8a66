// DOM. The app frame: skip link, the sections the session may see, the office bar (language, lock)
// and the routed page. It exists only while a session is unlocked: the gate unmounts it on lock.
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HashRouter, Navigate, NavLink, Route, Routes, useLocation, useNavigationType } from 'react-router-dom';
import type { Permission } from '@shared/permissions';
import { MaintenanceBanner } from '../features/admin/maintenance';
import { BackupReminder } from '../features/backup/BackupReminder';
import { AccountMenu } from '../features/session/AccountMenu';
import { SessionLanguagePicker } from '../features/session/LanguagePicker';
import { LockButton } from '../ui/lockAction';
import { useToast } from '../ui/Toast';
import { focusElement, focusWhenPresent, installFocusRescue } from '../ui/focus';
import { Icon } from './icons';
import { ForbiddenPage, NotAvailablePage, NotFoundPage, WelcomePage } from './pages';
import { adminTabs, allows, sections, visibleSections } from './sections';
import { useReadySession, useSession } from './session';
import { DraftResumeBanner, IdleWarning } from './SessionNotices';
import { useIdleLock } from './useIdleLock';
import { Loading } from '../ui/misc';

// Each section is its own chunk, loaded when first opened: the first screen loads only the frame.
const AdminLayout = lazy(() => import('../features/admin/AdminLayout').then((m) => ({ default: m.AdminLayout })));
const SecurityPage = lazy(() => import('../features/admin/SecurityPage').then((m) => ({ default: m.SecurityPage })));
const SettingsPage = lazy(() => import('../features/admin/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const UsersPage = lazy(() => import('../features/admin/UsersPage').then((m) => ({ default: m.UsersPage })));
const AuditLogPage = lazy(() => import('../features/audit/AuditLogPage').then((m) => ({ default: m.AuditLogPage })));
const CasesRoutes = lazy(() => import('../features/cases/routes').then((m) => ({ default: m.CasesRoutes })));
const MyWorkPage = lazy(() => import('../features/cases/routes').then((m) => ({ default: m.MyWorkPage })));
const PracticePage = lazy(() => import('../features/practice/PracticePage').then((m) => ({ default: m.PracticePage })));
const BackupsPage = lazy(() => import('../features/backup/BackupsPage').then((m) => ({ default: m.BackupsPage })));
const PartnersPage = lazy(() => import('../features/transfer/PartnersPage').then((m) => ({ default: m.PartnersPage })));
const SupervisionPage = lazy(() => import('../features/review/SupervisionPage').then((m) => ({ default: m.SupervisionPage })));
const ReviewSessionPage = lazy(() => import('../features/review/SessionPage').then((m) => ({ default: m.SessionPage })));
const TransfersPage = lazy(() => import('../features/transfer/TransfersPage').then((m) => ({ default: m.TransfersPage })));
const FollowupRoutes = lazy(() => import('../features/followup/routes').then((m) => ({ default: m.FollowupRoutes })));
const ServicesRoutes = lazy(() => import('../features/services/routes').then((m) => ({ default: m.ServicesRoutes })));
const ConferencesPage = lazy(() => import('../features/conference/ConferencesPage').then((m) => ({ default: m.ConferencesPage })));
const ReferralRegisterPage = lazy(() => import('../features/referrals/RegisterPage').then((m) => ({ default: m.RegisterPage })));
const ReceivedReferralsPage = lazy(() => import('../features/referrals/ReceivedPage').then((m) => ({ default: m.ReceivedPage })));
const CategoriesPage = lazy(() => import('../features/services/CategoriesPage').then((m) => ({ default: m.CategoriesPage })));
const Dhis2MappingPage = lazy(() => import('../features/reports/Dhis2MappingPage').then((m) => ({ default: m.Dhis2MappingPage })));
const ReportsPage = lazy(() => import('../features/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const TemplatesRoutes = lazy(() => import('../features/templates/TemplatesPage').then((m) => ({ default: m.TemplatesRoutes })));

function Guard({ anyOf, children }: { anyOf: readonly Permission[]; children: ReactNode }) {
  const session = useReadySession();
  return allows(session.permissions, anyOf) ? <>{children}</> : <ForbiddenPage />;
}

function Home() {
  const session = useReadySession();
  // Case staff start on their own work; an administrator in Administration (their work — not the
  // figures a supervisor may grant them); anyone else on the first section they may open.
  if (allows(session.permissions, ['case.read'])) return <Navigate to="/work" replace />;
  const visible = visibleSections(session.permissions);
  const first = visible.find((section) => section.id === 'admin') ?? visible[0];
  return first ? <Navigate to={first.path} replace /> : <WelcomePage />;
}

function AdminHome() {
  const session = useReadySession();
  const first = adminTabs.find((tab) => session.permissions.includes(tab.permission));
  return first ? <Navigate to={first.path} replace /> : <ForbiddenPage />;
}

function Sidebar({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { status } = useSession();
  const session = useReadySession();
  const office = status?.office;
  return (
    // On a narrow window (or at 200 % zoom and more) the sidebar folds away behind the top bar's
    // menu button; it opens over the page and closes on Escape or after following a link.
    <div
      className={open ? 'sidebar sidebar--open' : 'sidebar'}
      id="app-sidebar"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="brand">
        <span className="brand__mark" aria-hidden="true">
          <Icon name="home" />
        </span>
        <span className="brand__text">
          <span className="brand__name">{t('app.name')}</span>
          {office ? <span className="brand__office">{office.name}</span> : null}
        </span>
      </div>
      <nav className="nav" aria-label={t('nav.label')}>
        <ul>
          {allows(session.permissions, ['case.read']) ? (
            <li>
              <NavLink to="/work" className="nav__link">
                <Icon name="home" />
                <span>{t('cases:work.nav')}</span>
              </NavLink>
            </li>
          ) : null}
          {visibleSections(session.permissions).map((section) => (
            <li key={section.id}>
              <NavLink to={section.path} className="nav__link">
                <Icon name={section.id} />
                <span>{t(`sections.${section.id}.title`)}</span>
                {section.built ? null : <span className="nav__soon">{t('nav.soon')}</span>}
              </NavLink>
              {section.id === 'cases' && allows(session.permissions, ['case.approve']) ? (
                <NavLink to="/assessment-forms" className="nav__link nav__link--sub">
                  <span>{t('templates:nav')}</span>
                </NavLink>
              ) : null}
              {section.id === 'cases' ? (
                <NavLink to="/followup/calendar" className="nav__link nav__link--sub">
                  <span>{t('followup:nav.calendar')}</span>
                </NavLink>
              ) : null}
              {section.id === 'cases' && allows(session.permissions, ['case.approve']) ? (
                <NavLink to="/followup/protocol" className="nav__link nav__link--sub">
                  <span>{t('followup:nav.protocol')}</span>
                </NavLink>
              ) : null}
            </li>
          ))}
        </ul>
      </nav>
      <AccountMenu />
    </div>
  );
}

function TopBar({ menuOpen, onMenu }: { menuOpen: boolean; onMenu: () => void }) {
  const { t } = useTranslation();
  const { status } = useSession();
  const office = status?.office;
  return (
    <header className="topbar">
      <button
        type="button"
        className="btn btn--secondary btn--sm topbar__menu"
        id="app-menu-button"
        aria-expanded={menuOpen}
        aria-controls="app-sidebar"
        onClick={onMenu}
      >
        <span aria-hidden="true">☰</span>
        <span>{t('nav.menu')}</span>
      </button>
      <p className="topbar__office">
        {office ? (
          <>
            <span className="topbar__office-name">{office.name}</span>
            <span className="topbar__office-code">{t('office.codeLabel', { code: office.code })}</span>
          </>
        ) : null}
      </p>
      <div className="topbar__actions">
        <SessionLanguagePicker />
        <LockButton />
      </div>
    </header>
  );
}

/**
 * Moves focus to the page when the person goes to another page (a link, back or forward), so
 * keyboard and screen-reader users land on the new page. Only a new path counts: a filter or a tab
 * changes the query string and keeps focus where the person is (a search box, a tab), and it must
 * not matter how the previous page was reached (after Back, the navigation type is POP). Redirects
 * (replace) and the first render leave focus where it is: the skip link must stay the first stop.
 */
function useFocusMainOnNavigate(main: React.RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    if (navigationType !== 'REPLACE') main.current?.focus({ preventScroll: false });
  }, [pathname, navigationType, main]);
}

/**
 * Messages of an earlier page do not follow the worker to the next one. A message shown by the
 * action that moved them (saved, then opened the case) is a moment old and stays.
 */
function useClearMessagesOnNavigate() {
  const { pathname } = useLocation();
  const toast = useToast();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    toast.clearOlderThan(MESSAGE_OF_THIS_MOVE_MS);
  }, [pathname, toast]);
}
const MESSAGE_OF_THIS_MOVE_MS = 1500;

/** The sidebar menu on narrow windows: closes on navigation, focus into it and back to the button. */
function useSidebarMenu() {
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  useEffect(() => setOpen(false), [pathname]);
  const toggle = () => {
    const opening = !open;
    setOpen(opening);
    if (opening) focusWhenPresent(() => document.querySelector('#app-sidebar.sidebar--open .nav__link'));
  };
  const close = () => {
    setOpen(false);
    focusElement(document.getElementById('app-menu-button'));
  };
  return { open, toggle, close };
}

function Frame() {
  const { t } = useTranslation();
  const session = useReadySession();
  const { lock } = useSession();
  const main = useRef<HTMLElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const menu = useSidebarMenu();
  const idle = useIdleLock(session.autoLockMinutes, () => void lock());
  useFocusMainOnNavigate(main);
  useClearMessagesOnNavigate();
  useEffect(() => (frame.current ? installFocusRescue(frame.current) : undefined), []);

  return (
    <div className={menu.open ? 'frame frame--menu-open' : 'frame'} ref={frame}>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          main.current?.focus();
        }}
      >
        {t('nav.skipToContent')}
      </a>
      <IdleWarning secondsLeft={idle.secondsLeft} onStay={idle.extend} />
      <Sidebar open={menu.open} onClose={menu.close} />
      {menu.open ? <div className="frame__scrim" aria-hidden="true" onClick={menu.close} /> : null}
      <div className="frame__body">
        <TopBar menuOpen={menu.open} onMenu={menu.toggle} />
        <main id="main" ref={main} tabIndex={-1} className="frame__main">
          <DraftResumeBanner />
          <MaintenanceBanner />
          <BackupReminder />
          <Suspense fallback={<Loading />}>
          <Routes>
            <Route index element={<Home />} />
            {sections
              .filter((section) => !section.built)
              .map((section) => (
                <Route
                  key={section.id}
                  path={`${section.path}/*`}
                  element={
                    <Guard anyOf={section.anyOf}>
                      <NotAvailablePage section={section.id} />
                    </Guard>
                  }
                />
              ))}
            <Route
              path="/work"
              element={
                <Guard anyOf={['case.read']}>
                  <MyWorkPage />
                </Guard>
              }
            />
            <Route
              path="/cases/*"
              element={
                <Guard anyOf={sections.find((s) => s.id === 'cases')!.anyOf}>
                  <CasesRoutes />
                </Guard>
              }
            />
            <Route
              path="/reviews"
              element={
                <Guard anyOf={sections.find((s) => s.id === 'reviews')!.anyOf}>
                  <SupervisionPage />
                </Guard>
              }
            />
            <Route
              path="/reviews/:sessionId"
              element={
                <Guard anyOf={sections.find((s) => s.id === 'reviews')!.anyOf}>
                  <ReviewSessionPage />
                </Guard>
              }
            />
            <Route
              path="/transfers"
              element={
                <Guard anyOf={sections.find((s) => s.id === 'transfers')!.anyOf}>
                  <TransfersPage />
                </Guard>
              }
            />
            <Route
              path="/followup/*"
              element={
                <Guard anyOf={['case.read']}>
                  <FollowupRoutes />
                </Guard>
              }
            />
            <Route
              path="/services/*"
              element={
                <Guard anyOf={sections.find((s) => s.id === 'services')!.anyOf}>
                  <ServicesRoutes />
                </Guard>
              }
            />
            <Route
              path="/conferences"
              element={
                <Guard anyOf={sections.find((s) => s.id === 'conferences')!.anyOf}>
                  <ConferencesPage />
                </Guard>
              }
            />
            <Route
              path="/referrals"
              element={
                <Guard anyOf={sections.find((s) => s.id === 'referrals')!.anyOf}>
                  <ReferralRegisterPage />
                </Guard>
              }
            />
            <Route
              path="/referrals/received"
              element={
                <Guard anyOf={['case.assign']}>
                  <ReceivedReferralsPage />
                </Guard>
              }
            />
            <Route
              path="/reports"
              element={
                <Guard anyOf={sections.find((s) => s.id === 'reports')!.anyOf}>
                  <ReportsPage />
                </Guard>
              }
            />
            <Route
              path="/assessment-forms/*"
              element={
                <Guard anyOf={['case.approve']}>
                  <TemplatesRoutes />
                </Guard>
              }
            />
            <Route
              path="/admin"
              element={
                <Guard anyOf={sections.find((s) => s.id === 'admin')!.anyOf}>
                  <AdminLayout />
                </Guard>
              }
            >
              <Route index element={<AdminHome />} />
              <Route path="users" element={<Guard anyOf={['users.manage']}><UsersPage /></Guard>} />
              <Route path="settings" element={<Guard anyOf={['office.manage']}><SettingsPage /></Guard>} />
              <Route path="partners" element={<Guard anyOf={['office.manage']}><PartnersPage /></Guard>} />
              <Route path="practice" element={<Guard anyOf={['audit.read']}><PracticePage /></Guard>} />
              <Route path="security" element={<Guard anyOf={['vault.rotate']}><SecurityPage /></Guard>} />
              <Route path="backups" element={<Guard anyOf={['office.manage']}><BackupsPage /></Guard>} />
              <Route path="audit" element={<Guard anyOf={['audit.read']}><AuditLogPage /></Guard>} />
              <Route path="dhis2" element={<Guard anyOf={['office.manage']}><Dhis2MappingPage /></Guard>} />
              <Route path="categories" element={<Guard anyOf={['directory.manage']}><CategoriesPage /></Guard>} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
          </Suspense>
        </main>
      </div>
    </div>
  );
}

export function AppFrame() {
  return (
    <HashRouter>
      <Frame />
    </HashRouter>
  );
}

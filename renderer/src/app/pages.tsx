// DOM. Honest placeholder pages: a section that is not built yet, a page the role does not allow,
// a path that does not exist.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../ui/misc';
import type { SectionId } from './sections';
import { useSession } from './session';

export function NotAvailablePage({ section }: { section: SectionId }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`sections.${section}.title`)} description={t(`sections.${section}.summary`)} />
      <div className="empty-state">
        <h2 className="empty-state__title">{t('notAvailable.title')}</h2>
        <p>{t('notAvailable.body')}</p>
      </div>
    </>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  // An administrator is the one others are told to ask: they hear why instead (no case content).
  const body = session?.role === 'admin' ? t('forbidden.adminBody') : t('forbidden.body');
  return (
    <>
      <PageHeader title={t('forbidden.title')} />
      <div className="empty-state">
        <p>{body}</p>
        <Link to="/">{t('actions.goHome')}</Link>
      </div>
    </>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <div className="empty-state">
        <p>{t('notFound.body')}</p>
        <Link to="/">{t('actions.goHome')}</Link>
      </div>
    </>
  );
}

export function WelcomePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('welcome.title')} />
      <div className="empty-state">
        <p>{t('welcome.noSections')}</p>
      </div>
    </>
  );
}

// DOM. The frame of the screens before the app: setup, login, lock. One <main>, a heading, the
// language choice (when nobody is signed in) at the inline end.
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../app/icons';
import { useSession } from '../../app/session';
import { ScreenLanguagePicker } from './LanguagePicker';

export function ScreenShell({
  title,
  intro,
  children,
  wide,
  languagePicker = true,
  icon,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  wide?: boolean;
  languagePicker?: boolean;
  icon?: ReactNode;
}) {
  const { t } = useTranslation();
  const { status } = useSession();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className="screen">
      <header className="screen__bar">
        <div className="brand brand--dark">
          <span className="brand__mark" aria-hidden="true">
            <Icon name="home" />
          </span>
          <span className="brand__text">
            <span className="brand__name">{t('app.name')}</span>
            {status?.office ? <span className="brand__office">{status.office.name}</span> : <span className="brand__office">{t('app.tagline')}</span>}
          </span>
        </div>
        {languagePicker ? <ScreenLanguagePicker /> : null}
      </header>
      <main className={wide ? 'screen__panel screen__panel--wide' : 'screen__panel'}>
        {icon ? <div className="screen__icon">{icon}</div> : null}
        <h1 className="screen__title">{title}</h1>
        {intro ? <p className="screen__intro">{intro}</p> : null}
        {children}
      </main>
    </div>
  );
}

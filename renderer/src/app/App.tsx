// DOM. The root: providers, then the gate that decides which screen exists at all. Only the "ready"
// gate mounts the app frame and its data; every other gate is a screen without confidential data.
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { FirstPasswordScreen } from '../features/session/FirstPasswordScreen';
import { LockScreen } from '../features/session/LockScreen';
import { LoginScreen } from '../features/session/LoginScreen';
import { SetupWizard } from '../features/session/SetupWizard';
import { i18n } from '../i18n';
import { Button } from '../ui/Button';
import { Loading } from '../ui/misc';
import { ToastProvider } from '../ui/Toast';
import { AppFrame } from './AppFrame';
import { createQueryClient } from './queryClient';
import { SessionProvider, useSession } from './session';

// The family's conference screen (a second window or tab) is not the staff app: no session, no
// frame, its own connection, its own chunk (features/conference/FamilyViewPage.tsx).
const FamilyViewPage = lazy(() => import('../features/conference/FamilyViewPage').then((m) => ({ default: m.FamilyViewPage })));
const isFamilyView = () => window.location.hash.startsWith('#/family-view');

function Unreachable() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  return (
    <main className="screen">
      <div className="screen__panel">
        <h1>{t('unreachable.title')}</h1>
        <p>{t('unreachable.body')}</p>
        <Button variant="primary" onClick={() => void refresh()}>
          {t('actions.retry')}
        </Button>
      </div>
    </main>
  );
}

function Gate() {
  const { gate } = useSession();
  const { t } = useTranslation();
  useEffect(() => {
    if (gate !== 'ready') document.title = t('app.name');
  }, [gate, t]);
  switch (gate) {
    case 'loading':
      return (
        <main className="screen">
          <Loading />
        </main>
      );
    case 'unreachable':
      return <Unreachable />;
    case 'setup':
      return <SetupWizard />;
    case 'login':
      return <LoginScreen />;
    case 'locked':
      return <LockScreen />;
    case 'newPassword':
      return <FirstPasswordScreen />;
    case 'ready':
      return <AppFrame />;
  }
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [familyView] = useState(isFamilyView);
  if (familyView) {
    return (
      <I18nextProvider i18n={i18n}>
        <Suspense fallback={<Loading />}>
          <FamilyViewPage />
        </Suspense>
      </I18nextProvider>
    );
  }
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <ToastProvider>
          <SessionProvider>
            <Gate />
          </SessionProvider>
        </ToastProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}

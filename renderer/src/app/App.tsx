// DOM. The root: providers, then the gate that decides which screen exists at all. Only the "ready"
// gate mounts the app frame and its data; every other gate is a screen without confidential data.
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
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

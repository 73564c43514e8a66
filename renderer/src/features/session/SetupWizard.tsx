// DOM. First run: the office, its first administrator, then the recovery key, shown once.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Office } from '@shared/session/contract';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { RestoreForm } from '../backup/RestoreForm';
import { useSession } from '../../app/session';
import { ScreenShell } from './ScreenShell';
import { SetupAdminStep, type AdminValues } from './SetupAdminStep';
import { SetupOfficeStep } from './SetupOfficeStep';
import { RecoveryKeyStep } from './RecoveryKeyStep';

type Step = 'office' | 'admin' | 'recovery';
const steps: Step[] = ['office', 'admin', 'recovery'];

function Stepper({ current }: { current: Step }) {
  const { t } = useTranslation(['session', 'common']);
  const index = steps.indexOf(current);
  return (
    <ol className="stepper" aria-label={t('setup.progress')}>
      {steps.map((step, i) => (
        <li
          key={step}
          className={['stepper__step', i < index ? 'stepper__step--done' : '', i === index ? 'stepper__step--current' : ''].join(' ')}
          aria-current={i === index ? 'step' : undefined}
        >
          <span className="stepper__number" aria-hidden="true">
            {i < index ? '✓' : i + 1}
          </span>
          <span className="stepper__label">{t(`setup.steps.${step}`)}</span>
        </li>
      ))}
    </ol>
  );
}

export function SetupWizard() {
  const { t } = useTranslation(['session', 'common', 'backup']);
  const { refresh, screenLanguage } = useSession();
  const [step, setStep] = useState<Step>('office');
  const [office, setOffice] = useState<Office | null>(null);
  const [admin, setAdmin] = useState<AdminValues | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  // A new computer for an office that has a backup: install it instead of starting empty.
  const [restoring, setRestoring] = useState(false);

  if (restoring) {
    return (
      <ScreenShell wide title={t('backup:restore.screenTitle')} intro={t('backup:restore.screenIntro')}>
        <RestoreForm onCancel={() => setRestoring(false)} onRestored={() => void refresh()} />
      </ScreenShell>
    );
  }

  return (
    <ScreenShell wide title={t('setup.title')} intro={t('setup.intro')}>
      <Stepper current={step} />
      {step === 'office' ? (
        <div className="row">
          <Button onClick={() => setRestoring(true)}>{t('backup:restore.offer')}</Button>
        </div>
      ) : null}
      {step === 'office' ? (
        <SetupOfficeStep
          initial={office ?? { name: '', code: '', country: '', defaultLanguage: screenLanguage }}
          onNext={(values) => {
            setOffice(values);
            setStep('admin');
          }}
        />
      ) : null}
      {step === 'admin' && office ? (
        <SetupAdminStep
          initial={admin}
          onBack={(values) => {
            setAdmin(values);
            setStep('office');
          }}
          onSubmit={async (values) => {
            const result = await call('session.setupOffice', {
              office,
              admin: { username: values.username, displayName: values.displayName, password: values.password },
            });
            // The password is not kept once the office exists.
            setAdmin(null);
            setRecoveryKey(result.recoveryKey);
            setStep('recovery');
          }}
        />
      ) : null}
      {step === 'recovery' && office && recoveryKey ? (
        <RecoveryKeyStep
          office={office}
          recoveryKey={recoveryKey}
          onDone={() => {
            setRecoveryKey(null);
            void refresh();
          }}
        />
      ) : null}
    </ScreenShell>
  );
}

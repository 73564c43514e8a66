// DOM. Office-wide maintenance (key rotation) as the screens see it: the core refuses calls with
// OFFICE_BUSY while it runs and reports its progress in session.status. A progress bar for the
// administrator who started it, and a banner for everyone whose call was refused.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Maintenance } from '@shared/session/contract';
import { call, onApiError } from '../../api';
import { Alert } from '../../ui/misc';

/** Polls the status while `active`; null once no maintenance runs. */
export function useMaintenance(active: boolean): Maintenance | null {
  const status = useQuery({
    queryKey: ['session', 'maintenance'],
    queryFn: () => call('session.status', {}),
    enabled: active,
    refetchInterval: active ? 500 : false,
    gcTime: 0,
  });
  return active ? (status.data?.maintenance ?? null) : null;
}

export function MaintenanceProgress({ maintenance }: { maintenance: Maintenance | null }) {
  const { t } = useTranslation('admin');
  const percent = maintenance?.percent ?? 0;
  return (
    <div className="stack maintenance">
      <p id="maintenance-label">{t('security.rotating', { percent })}</p>
      <progress className="maintenance__bar" max={100} value={percent} aria-labelledby="maintenance-label" />
      <p className="muted">{t('security.rotatingLocked')}</p>
    </div>
  );
}

/** Shown to everyone whose call met OFFICE_BUSY, until the maintenance ends. */
export function MaintenanceBanner() {
  const { t } = useTranslation('admin');
  const [seen, setSeen] = useState(false);
  useEffect(() => onApiError((error) => error.code === 'OFFICE_BUSY' && setSeen(true)), []);
  const maintenance = useMaintenance(seen);
  const [polled, setPolled] = useState(false);
  useEffect(() => {
    if (!seen) return setPolled(false);
    if (maintenance) setPolled(true);
    else if (polled) setSeen(false);
    return undefined;
  }, [seen, maintenance, polled]);
  if (!seen) return null;
  return (
    <Alert tone="warning" title={t('security.bannerTitle')}>
      {t('security.rotating', { percent: maintenance?.percent ?? 0 })}
    </Alert>
  );
}

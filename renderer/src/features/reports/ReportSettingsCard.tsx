// DOM. A supervisor's one choice about the dashboard: whether administrators may see its figures.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorAlert } from '../../ui/misc';
import { useToast } from '../../ui/Toast';

export function ReportSettingsCard() {
  const { t } = useTranslation('reports');
  const toast = useToast();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['reports.settings'], queryFn: () => call('reports.getSettings', {}) });
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (!settings.data) return <ErrorAlert error={settings.error} />;
  const toggle = async (adminDashboard: boolean) => {
    setBusy(true);
    setFailure(null);
    try {
      queryClient.setQueryData(['reports.settings'], await call('reports.updateSettings', { adminDashboard }));
      toast.show(t('settings.saved'));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card stack" aria-labelledby="reports-settings">
      <h2 id="reports-settings">{t('settings.title')}</h2>
      <label className="checkbox">
        <input type="checkbox" checked={settings.data.adminDashboard} disabled={busy} onChange={(e) => void toggle(e.target.checked)} />
        <span>{t('settings.adminDashboard')}</span>
      </label>
      <ErrorAlert error={failure} />
    </section>
  );
}

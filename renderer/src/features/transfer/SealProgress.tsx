// DOM. While a case package is sealed (encrypted and signed; seconds for a case with tens of MB of
// documents), a progress bar from the core's figure for this connection, polled.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { formatBytes } from '../../ui/files';

export function SealProgress({ active }: { active: boolean }) {
  const { t, i18n } = useTranslation('transfer');
  const progress = useQuery({
    queryKey: ['transfer', 'sealProgress'],
    queryFn: () => call('transfer.sealProgress', {}),
    enabled: active,
    refetchInterval: active ? 250 : false,
    gcTime: 0,
  });
  const data = progress.data;
  if (!active || !data?.sealing || data.totalBytes === 0) return null;
  const fraction = Math.min(1, data.doneBytes / data.totalBytes);
  const text = t('progress', { done: formatBytes(data.doneBytes, i18n.language), total: formatBytes(data.totalBytes, i18n.language) });
  return (
    <div className="backup-progress" role="status" aria-live="polite">
      <label htmlFor="seal-progress">{t('send.sealing')}</label>
      <progress id="seal-progress" max={1} value={fraction} aria-valuetext={text} />
      <span className="muted">{text}</span>
    </div>
  );
}

// DOM. The full check of the audit chain (`audit.verifyFull`): every entry from the first, in a
// worker thread of the core, so the app keeps answering meanwhile (issue 9: a million entries took
// seconds of blocked calls). A supervisor or administrator starts it, follows its progress and sees
// the result: intact, or where the chain breaks. The quick check above is incremental (from the
// last verified entry); this one re-reads everything, e.g. after restoring a backup.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { useFormat } from '../../ui/format';
import { Alert, Card, ErrorAlert } from '../../ui/misc';

const key = ['audit', 'verifyFull'] as const;

export function FullCheck() {
  const { t } = useTranslation(['audit', 'common']);
  const format = useFormat();
  const client = useQueryClient();
  // Asking without `start` only reports: a check started earlier (or from another window) shows here.
  const progress = useQuery({
    queryKey: key,
    queryFn: () => call('audit.verifyFull', {}),
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 400 : false),
    staleTime: 0,
  });
  const start = useMutation({
    mutationFn: () => call('audit.verifyFull', { start: true }),
    onSuccess: (data) => client.setQueryData(key, data),
  });
  const job = progress.data;
  const running = job?.state === 'running';
  const percent = job && job.total > 0 ? Math.min(100, Math.round((job.checked / job.total) * 100)) : 0;
  const result = job?.state === 'done' ? job.result : null;
  return (
    <Card title={t('full.title')}>
      <div className="stack">
        <p>{t('full.body')}</p>
        {running ? (
          <div className="backup-progress">
            <label htmlFor="audit-full-progress">
              {t('full.progress', { checked: format.number(job.checked), total: format.number(job.total) })}
            </label>
            <progress id="audit-full-progress" max={100} value={percent} aria-valuetext={`${format.number(percent)} %`} />
          </div>
        ) : null}
        {/* The result is announced once, when it is there (an Alert is a live region), not on every poll. */}
        {result ? (
          result.intact ? (
            <Alert tone="success">{t('full.intact', { checked: format.number(result.checked) })}</Alert>
          ) : (
            <Alert title={t('full.brokenTitle')}>
              {t(`chain.problems.${result.problem ?? 'edited'}`, { id: result.brokenAtId === null ? '—' : format.number(result.brokenAtId) })}{' '}
              {t('full.brokenHint')}
            </Alert>
          )
        ) : job?.state === 'failed' ? (
          <Alert>{t('full.failed')}</Alert>
        ) : null}
        <ErrorAlert error={start.error ?? progress.error} />
        <div className="row">
          {/* Never disabled while running (focus would be lost): pressing it then only reports progress. */}
          <Button onClick={() => start.mutate()} busy={start.isPending}>
            {job && job.state !== 'idle' ? t('full.again') : t('full.start')}
          </Button>
        </div>
      </div>
    </Card>
  );
}

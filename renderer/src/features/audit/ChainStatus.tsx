// DOM. The audit chain's state as a badge, with a button to check it again.
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { useFormat } from '../../ui/format';
import { Badge, ErrorAlert } from '../../ui/misc';
import { useAuditChain } from './queries';
import { RecordsStatus } from './RecordsStatus';

export function ChainStatus() {
  const { t } = useTranslation(['audit', 'common']);
  const format = useFormat();
  const chain = useAuditChain();
  const status = chain.data;
  return (
    <section className="chain" aria-labelledby="chain-title">
      <h2 id="chain-title" className="chain__title">
        {t('chain.title')}
      </h2>
      <div className="chain__status" role="status" aria-busy={chain.isFetching || undefined}>
        {status ? (
          status.intact ? (
            <>
              <Badge tone="success">{t('chain.intact')}</Badge>
              <span className="muted">{t('chain.checked', { checked: format.number(status.checked) })}</span>
            </>
          ) : (
            <>
              <Badge tone="danger">{t('chain.broken')}</Badge>
              <span>
                {t(`chain.problems.${status.problem ?? 'edited'}`, { id: status.brokenAtId === null ? '—' : format.number(status.brokenAtId) })}
              </span>
            </>
          )
        ) : chain.isFetching ? (
          <span className="muted">{t('chain.checking')}</span>
        ) : null}
      </div>
      {status ? <RecordsStatus status={status} /> : null}
      <ErrorAlert error={chain.error} />
      <Button size="sm" onClick={() => void chain.refetch()} busy={chain.isFetching}>
        {t('chain.verify')}
      </Button>
    </section>
  );
}

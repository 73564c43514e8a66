// DOM. One referral received from a partner office: exactly the fields that came, its history, and
// the provider's answer (acknowledged, accepted, declined with a reason, started, completed with the
// outcome, not delivered) — each answer sealed as a signed file to carry back to the sending office.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { languages, type Language } from '@shared/i18n/languages';
import { responseStatuses, type ReceivedReferral, type ResponseStatus } from '@shared/referrals/exchange';
import { referralMoves } from '@shared/referrals/lifecycle';
import { categoryName } from '@shared/services/category-admin';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { saveGeneratedFile } from '../../ui/download';
import { useDayFormat } from '../../ui/format';
import { ErrorAlert, Loading } from '../../ui/misc';
import { userTextDir } from '../../ui/UserText';
import { useSubmit } from '../../ui/useSubmit';
import { useSlipValue } from './SendDialog';
import { receivedDraftKey } from './kit';
import { StatusMoveForm } from './StatusMoveForm';

/** A category the sending office named: its name here if this office has the same key built in, else the sender's name for it. */
export function useReceivedCategory() {
  const { t, i18n } = useTranslation('services');
  return useCallback(
    (key: string, labels: ReceivedReferral['categoryLabels']) => {
      const lang = (languages as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'en';
      const shipped = (k: string) => (i18n.exists(`services:categories.${k}`) ? t(`categories.${k}` as never) : null);
      return categoryName({ key, labels, builtin: Object.keys(labels).length === 0 }, lang, shipped);
    },
    [t, i18n],
  );
}

type Shown = Pick<ReceivedReferral, 'category' | 'categoryLabels' | 'serviceName' | 'urgency' | 'sentOn' | 'dueOn' | 'referredByName' | 'fields'>;

export function ReceivedFields({ received: r }: { received: Shown }) {
  const { t } = useTranslation('referrals');
  const day = useDayFormat();
  const slipValue = useSlipValue();
  const categoryLabel = useReceivedCategory();
  const head: [string, string][] = [
    [t('register.category'), categoryLabel(r.category, r.categoryLabels)],
    ...(r.serviceName ? [[t('received.service'), r.serviceName] as [string, string]] : []),
    [t('register.sentOn'), day(r.sentOn)],
    [t('register.dueOn'), r.dueOn ? day(r.dueOn) : '—'],
    [t('received.referredBy'), r.referredByName],
  ];
  return (
    <dl className="referral-slip">
      {head.map(([label, value]) => (
        <div key={label} className="referral-slip__row">
          <dt>{label}</dt>
          <dd {...userTextDir}>{value}</dd>
        </div>
      ))}
      {r.fields.map((f) => (
        <div key={f.field} className="referral-slip__row">
          <dt>{t(`fields.${f.field}`)}</dt>
          <dd {...userTextDir}>{slipValue(f.field, f.value) || '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ReceivedDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation('referrals');
  const day = useDayFormat();
  const queryClient = useQueryClient();
  const one = useQuery({ queryKey: ['referrals', 'received', 'one', id], queryFn: () => call('referrals.receivedOne', { id }) });
  const { failure, run } = useSubmit();
  const r = one.data;
  const saveAgain = () => run(async () => saveGeneratedFile(await call('referrals.responseFile', { id }), 'application/octet-stream'), t('received.savedResponse'));
  return (
    <Dialog open onClose={onClose} title={r ? t('received.detailTitle', { name: r.sender.name }) : t('received.title')}>
      {one.isPending ? <Loading /> : null}
      <ErrorAlert error={one.error} />
      {r ? (
        <div className="stack" data-testid="received-detail">
          <p>
            <strong>{t(r.status === 'sent' ? 'received.new' : `status.${r.status}`)}</strong>
            {r.declineReason ? <span {...userTextDir}> — {r.declineReason}</span> : null}
            {r.outcome ? <span {...userTextDir}> — {r.outcome}</span> : null}
          </p>
          <ReceivedFields received={r} />
          <details>
            <summary>{t('card.history')}</summary>
            <ol>
              {r.events.map((e, i) => (
                <li key={i}>
                  {day(e.date)} — {t(e.to === 'sent' ? 'received.new' : `status.${e.to}`)} {e.byName ? `(${e.byName})` : ''} {e.note ? <span {...userTextDir}>: {e.note}</span> : null}
                </li>
              ))}
            </ol>
          </details>
          {r.responses > 0 ? <Button size="sm" onClick={() => void saveAgain()}>{t('received.saveResponse')}</Button> : null}
          <RespondForm
            key={`${r.status}-${r.version}`}
            received={r}
            onDone={async () => {
              await queryClient.invalidateQueries({ queryKey: ['referrals', 'received'] });
            }}
          />
          <ErrorAlert error={failure} />
        </div>
      ) : null}
    </Dialog>
  );
}

function RespondForm({ received: r, onDone }: { received: ReceivedReferral; onDone: () => Promise<void> }) {
  const { t } = useTranslation('referrals');
  const moves = referralMoves[r.status].filter((m): m is ResponseStatus => (responseStatuses as readonly string[]).includes(m));
  if (moves.length === 0) return null;
  return (
    <StatusMoveForm
      moves={moves}
      legend={t('received.respondLegend')}
      submit={t('received.respond')}
      done={t('received.responded')}
      draftKey={receivedDraftKey(r.id, r.status)}
      onMove={async (m) => {
        const result = await call('referrals.respondReceived', { id: r.id, version: r.version, ...m });
        saveGeneratedFile(result.file, 'application/octet-stream');
        await onDone();
      }}
    />
  );
}

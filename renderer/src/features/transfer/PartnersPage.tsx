// DOM. Administration › Partners: this office's card (to hand to partners) and its fingerprint (to
// read out by phone), and the trusted partner offices — a card is trusted only after the
// administrator types back the fingerprint the partner read out; trust can be revoked.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { partnerKinds, type Partner, type PartnerKind } from '@shared/transfer/contract';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { useDayFormat } from '../../ui/format';
import { Badge, Card, ErrorAlert, Loading } from '../../ui/misc';

const keys = { card: ['transfer', 'card'] as const, partners: ['transfer', 'partners'] as const };

function saveText(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function TrustForm() {
  const { t } = useTranslation('transfer');
  const client = useQueryClient();
  const [cardText, setCardText] = useState('');
  const [kind, setKind] = useState<PartnerKind>('office');
  const [fingerprint, setFingerprint] = useState('');
  const inspect = useMutation({ mutationFn: () => call('transfer.inspectCard', { cardText }) });
  const trust = useMutation({
    mutationFn: () => call('transfer.trustPartner', { cardText, kind, fingerprint }),
    onSuccess: async () => {
      setCardText('');
      setFingerprint('');
      inspect.reset();
      await client.invalidateQueries({ queryKey: keys.partners });
    },
  });
  return (
    <Card title={t('partners.add')}>
      <p className="muted">{t('partners.addHelp')}</p>
      <TextField
        label={t('partners.cardFile')}
        type="file"
        accept=".json,application/json"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void file.text().then(setCardText);
        }}
      />
      <TextAreaField label={t('partners.cardText')} value={cardText} rows={5} onChange={(e) => setCardText(e.currentTarget.value)} />
      <Button onClick={() => inspect.mutate()} disabled={cardText.trim() === ''} busy={inspect.isPending}>
        {t('partners.inspect')}
      </Button>
      {inspect.isError ? <ErrorAlert error={inspect.error} /> : null}
      {inspect.data ? (
        <div className="stack">
          <p>
            {t('partners.cardOf', { name: inspect.data.card.name, code: inspect.data.card.code, country: inspect.data.card.country })}
          </p>
          <p className="muted">{t('partners.compare')}</p>
          <SelectField label={t('partners.kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value as PartnerKind)}>
            {partnerKinds.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </SelectField>
          <TextField label={t('partners.fingerprintTyped')} value={fingerprint} inputMode="numeric" autoComplete="off" onChange={(e) => setFingerprint(e.currentTarget.value)} />
          <Button variant="primary" onClick={() => trust.mutate()} busy={trust.isPending} disabled={fingerprint.trim() === ''}>
            {t('partners.trust')}
          </Button>
          {trust.isError ? <ErrorAlert error={trust.error} /> : null}
        </div>
      ) : null}
    </Card>
  );
}

export function PartnersPage() {
  const { t } = useTranslation('transfer');
  const day = useDayFormat();
  const client = useQueryClient();
  const card = useQuery({ queryKey: keys.card, queryFn: () => call('transfer.officeCard', {}) });
  const partners = useQuery({ queryKey: keys.partners, queryFn: () => call('transfer.partners', {}) });
  const [revoking, setRevoking] = useState<Partner | null>(null);
  const revoke = useMutation({
    mutationFn: (input: { partnerId: string; reason: string }) => call('transfer.revokePartner', input),
    onSuccess: async () => {
      setRevoking(null);
      await client.invalidateQueries({ queryKey: keys.partners });
    },
  });
  if (card.isPending || partners.isPending) return <Loading />;
  if (card.isError) return <ErrorAlert error={card.error} />;
  if (partners.isError) return <ErrorAlert error={partners.error} />;
  return (
    <div className="stack">
      <Card
        title={t('card.title')}
        actions={
          <Button onClick={() => saveText(card.data.cardText, `homeward-card-${card.data.card.code}.json`)}>{t('card.download')}</Button>
        }
      >
        <p className="muted">{t('card.help')}</p>
        <p>
          {t('card.fingerprint')}{' '}
          <strong dir="ltr" data-testid="own-fingerprint">
            {card.data.fingerprint}
          </strong>
        </p>
      </Card>
      <TrustForm />
      <Card title={t('partners.title')}>
        {partners.data.length === 0 ? <p className="muted">{t('partners.none')}</p> : null}
        <ul className="stack" aria-label={t('partners.title')}>
          {partners.data.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong> ({p.code}, {p.country}) · {t(`kinds.${p.kind}`)} ·{' '}
              <span dir="ltr">{p.fingerprint}</span> ·{' '}
              {p.revokedAt ? <Badge tone="danger">{t('partners.revokedOn', { date: day(p.revokedAt) })}</Badge> : <Badge tone="success">{t('partners.trustedOn', { date: day(p.trustedAt) })}</Badge>}{' '}
              {p.revokedAt ? null : (
                <Button variant="danger" size="sm" onClick={() => setRevoking(p)}>
                  {t('partners.revoke')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      </Card>
      {revoking ? (
        <ReasonDialog
          title={t('partners.revokeTitle', { name: revoking.name })}
          description={t('partners.revokeHelp')}
          reasonLabel={t('partners.revokeReason')}
          submit={t('partners.revoke')}
          maxLength={1000}
          busy={revoke.isPending}
          error={revoke.error}
          onClose={() => setRevoking(null)}
          onConfirm={(reason) => revoke.mutate({ partnerId: revoking.id, reason })}
        />
      ) : null}
    </div>
  );
}

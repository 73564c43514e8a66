// DOM. The case file's Referrals tab (B4.4–B4.10): every referral of the case with its status,
// history and next steps; a new referral; the case worker stays the coordinator of all of them.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '@shared/cases/contract';
import type { Referral } from '@shared/referrals/contract';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { Card, ErrorAlert, Loading } from '../../ui/misc';
import { useCategories, useCategoryLabel } from '../services/kit';
import { referralKeys } from './kit';
import { ReferralCard } from './ReferralCard';
import { ReferralForm } from './ReferralForm';
import { SendDialog } from './SendDialog';
import '../family/network.css';
import './referrals.css';

export default function ReferralsTab({ caseFile }: { caseFile: CaseFile }) {
  const { t } = useTranslation('referrals');
  const categories = useCategories();
  const categoryLabel = useCategoryLabel(categories.data);
  const list = useQuery({ queryKey: referralKeys.ofCase(caseFile.id), queryFn: () => call('referrals.list', { caseId: caseFile.id }) });
  const [form, setForm] = useState<{ draft: Referral | null; category?: string; exclude?: string } | null>(null);
  const [sending, setSending] = useState<Referral | null>(null);

  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  return (
    <Card
      title={t('title')}
      actions={
        caseFile.canWrite ? (
          <Button variant="primary" onClick={() => setForm({ draft: null })}>
            {t('form.new')}
          </Button>
        ) : null
      }
    >
      {list.data.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <ul className="network-list stacked-list">
          {list.data.map((r) => (
            <ReferralCard
              key={r.id}
              caseFile={caseFile}
              referral={r}
              categoryLabel={categoryLabel}
              actions={{ onEdit: (x) => setForm({ draft: x }), onSend: setSending, onAlternatives: (x) => setForm({ draft: null, category: x.category, exclude: x.providerId }) }}
            />
          ))}
        </ul>
      )}
      {form ? <ReferralForm caseFile={caseFile} draft={form.draft} initialCategory={form.category} excludeProviderId={form.exclude} onClose={() => setForm(null)} /> : null}
      {sending ? <SendDialog referral={sending} onClose={() => setSending(null)} /> : null}
    </Card>
  );
}

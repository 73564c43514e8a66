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
import { useResumeOnUnlock } from '../../ui/useResumeOnUnlock';
import { useCategories, useCategoryLabel } from '../services/kit';
import { newReferralDraftKey, referralDraftKeys, referralKeys } from './kit';
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
  const [form, setForm] = useState<{ draft: Referral | null; draftKey: string; category?: string; exclude?: string } | null>(null);
  const [sending, setSending] = useState<Referral | null>(null);
  const newForm = () => setForm({ draft: null, draftKey: newReferralDraftKey(caseFile.id) });
  // A new referral that was being written when the session locked opens again (the cards reopen theirs).
  useResumeOnUnlock(newReferralDraftKey(caseFile.id), newForm);

  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  return (
    <Card
      title={t('title')}
      actions={
        caseFile.canWrite ? (
          <Button variant="primary" onClick={newForm}>
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
              actions={{
                onEdit: (x) => setForm({ draft: x, draftKey: referralDraftKeys(x.caseId, x.id).edit }),
                onSend: setSending,
                onAlternatives: (x) => setForm({ draft: null, draftKey: referralDraftKeys(x.caseId, x.id).alternatives, category: x.category, exclude: x.providerId }),
              }}
            />
          ))}
        </ul>
      )}
      {form ? <ReferralForm key={form.draftKey} caseFile={caseFile} draft={form.draft} draftKey={form.draftKey} initialCategory={form.category} excludeProviderId={form.exclude} onClose={() => setForm(null)} /> : null}
      {sending ? <SendDialog referral={sending} onClose={() => setSending(null)} /> : null}
    </Card>
  );
}

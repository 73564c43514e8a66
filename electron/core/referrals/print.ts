// Node-only. The referral slip as a PDF in the provider's language (B4.11): built here from the
// same rows as the preview, so it holds exactly the chosen fields and nothing else — no case
// number, no worker's notes. Who printed it, and which fields it held, goes in the audit log.
import ar from '../../../locales/ar/referrals.json' with { type: 'json' };
import en from '../../../locales/en/referrals.json' with { type: 'json' };
import es from '../../../locales/es/referrals.json' with { type: 'json' };
import fr from '../../../locales/fr/referrals.json' with { type: 'json' };
import pt from '../../../locales/pt/referrals.json' with { type: 'json' };
import { todayIso } from '../../../shared/cases/fields';
import { AppError } from '../../../shared/contract/errors';
import { languages, type Language } from '../../../shared/i18n/languages';
import type { PdfFile } from '../../../shared/print/contract';
import { loadCase, recordCaseChange } from '../cases/scope';
import type { CoreDeps } from '../deps';
import type { HandlerEnv } from '../handler';
import type { PrintDocument } from '../print/document';
import { documentToPdfFile } from '../print/pdf';
import { documentStrings, translator } from '../print/translate';
import { referralRow } from './rows';
import { slipRows } from './slip';

const strings = documentStrings('referrals', { en, fr, es, pt, ar });

export async function referralSlip(deps: CoreDeps, env: HandlerEnv, caseId: string, referralId: string): Promise<PdfFile> {
  const kase = await loadCase(env, caseId, 'read');
  const row = await referralRow(env.db(), caseId, referralId);
  if (row.status === 'draft') throw new AppError('REFERRAL_INVALID_MOVE', 'a draft is not printed: send it first', { params: { from: 'draft', to: 'slip' } });
  const provider = await env.db().selectFrom('service_providers').select(['name', 'language']).where('id', '=', row.provider_id).executeTakeFirstOrThrow();
  const lang: Language = (languages as readonly string[]).includes(provider.language) ? (provider.language as Language) : 'en';
  const t = translator(lang, strings);
  const rows = await slipRows(env.db(), kase, row, todayIso(env.now()));
  const valueText = (field: string, value: string) => {
    if (field === 'sex') return t(`referrals:slip.sex.${value}`);
    if (field === 'urgency') return t(`referrals:urgency.${value}`);
    return value;
  };
  const doc: PrintDocument = {
    lang,
    title: t('referrals:slip.title'),
    subtitle: t('referrals:slip.to', { provider: provider.name }),
    blocks: [
      { kind: 'fields', rows: [[t('referrals:slip.sentOn'), row.sent_on ?? ''], [t('referrals:slip.respondBy'), row.due_on ?? '']] },
      { kind: 'heading', text: t('referrals:slip.about') },
      { kind: 'fields', rows: rows.map((r) => [t(`referrals:fields.${r.field}`), valueText(r.field, r.value)]) },
      { kind: 'paragraph', text: t('referrals:slip.confidential') },
      { kind: 'signatures', labels: [t('referrals:slip.referrer'), t('referrals:slip.receiver')] },
    ],
  };
  const file = await documentToPdfFile(deps, doc, t('referrals:slip.fileName'), row.sent_on ?? '');
  await env.tx(async (trx) => {
    await recordCaseChange(env, trx, caseId, 'referral.slipPrinted', { referralId, language: lang, fieldsShared: rows.map((r) => r.field) }, null);
  });
  return file;
}

// Node-only. The conference's printed documents, built here from the database (never from the
// renderer): the family's copy of the agreement, in the family's language, and an invitation in
// each invitee's language. What they hold is chosen for a family audience: no risk flags, safety
// notes, facilitator's notes, invitee list, case number or placement; the child's view of the plan
// only when the child agreed that their words be shown. The handler audits what was printed.
import ar from '../../../locales/ar/conference.json' with { type: 'json' };
import en from '../../../locales/en/conference.json' with { type: 'json' };
import es from '../../../locales/es/conference.json' with { type: 'json' };
import fr from '../../../locales/fr/conference.json' with { type: 'json' };
import pt from '../../../locales/pt/conference.json' with { type: 'json' };
import type { Language } from '../../../shared/i18n/languages';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { PrintDocument } from '../print/document';
import { documentStrings, translator } from '../print/translate';
import { parseAgreement, type ConferenceRow } from './read';

type Db = Kysely<DB> | Transaction<DB>;
const strings = documentStrings('conference', { en, fr, es, pt, ar });

const longDate = (lang: Language, iso: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

export async function familyCopy(db: Db, row: ConferenceRow): Promise<{ doc: PrintDocument; sections: string[] }> {
  const lang = row.family_language as Language;
  const t = translator(lang, strings);
  const items = await db.selectFrom('conference_commitments').selectAll().where('conference_id', '=', row.id).orderBy('position').execute();
  const agreement = parseAgreement(row);
  const dash = t('print.none');
  const blocks: PrintDocument['blocks'] = [
    { kind: 'fields', rows: [[t('print.date'), longDate(lang, row.date)]] },
    { kind: 'heading', text: t('print.agreedItems') },
    {
      kind: 'table',
      head: [t('agreement.who'), t('agreement.what'), t('agreement.byWhen'), t('agreement.supportNeeded'), t('agreement.familyPart')],
      rows: items.map((i) => [i.who, i.what, longDate(lang, i.by_when), i.support_needed || dash, i.family_part || dash]),
    },
  ];
  const sections = ['agreement'];
  if (agreement.childView && row.child_agreed_to_share === 1) {
    blocks.push({ kind: 'heading', text: t('print.childView') }, { kind: 'paragraph', text: agreement.childView });
    sections.push('childView');
  }
  if (agreement.contingency) {
    blocks.push({ kind: 'heading', text: t('print.contingency') }, { kind: 'paragraph', text: agreement.contingency });
    sections.push('contingency');
  }
  if (row.review_date) {
    blocks.push({ kind: 'fields', rows: [[t('print.reviewDate'), longDate(lang, row.review_date)]] });
    sections.push('reviewDate');
  }
  blocks.push({ kind: 'heading', text: t('print.signatures') }, { kind: 'signatures', labels: [t('print.familySignature'), t('print.workerSignature')] });
  return { doc: { lang, title: t('print.copyTitle'), subtitle: t(`purposes.${row.purpose}`), blocks }, sections };
}

export function invitation(row: ConferenceRow, invitee: { name: string; language: string }): PrintDocument {
  const lang = invitee.language as Language;
  const t = translator(lang, strings);
  const rows: Array<[string, string]> = [
    [t('print.when'), `${longDate(lang, row.date)} · ${row.time}`],
    [t('print.where'), row.venue],
    [t('print.facilitator'), row.facilitator_name],
  ];
  const blocks: PrintDocument['blocks'] = [
    { kind: 'paragraph', text: t('print.dear', { name: invitee.name }) },
    { kind: 'paragraph', text: t('print.invitationBody', { kind: t(`print.kinds.${row.kind}`), purpose: t(`print.invitationPurposes.${row.purpose}`) }) },
    { kind: 'fields', rows },
  ];
  if (row.interpreter) blocks.push({ kind: 'paragraph', text: t('print.interpreter') });
  return { lang, title: t('print.invitationTitle'), subtitle: t(`kinds.${row.kind}`), blocks };
}

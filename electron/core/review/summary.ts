// Node-only. The printable summary of a review session: its decisions and actions, in the chosen
// language, built from the database (never from the renderer), without the supervision notes
// (they stay between the supervisor and the worker), with the audit chain's head as an anchor
// (ARCHITECTURE: anchored audit) so the paper copy can later prove the log was not rewritten.
import type { ReviewSession } from '../../../shared/review/contract';
import type { Language } from '../../../shared/i18n/languages';
import ar from '../../../locales/ar/review.json' with { type: 'json' };
import en from '../../../locales/en/review.json' with { type: 'json' };
import es from '../../../locales/es/review.json' with { type: 'json' };
import fr from '../../../locales/fr/review.json' with { type: 'json' };
import pt from '../../../locales/pt/review.json' with { type: 'json' };
import type { AuditAnchor } from '../audit/anchor';
import type { PrintDocument } from '../print/document';
import { documentStrings, translator } from '../print/translate';

const strings = documentStrings('review', { en, fr, es, pt, ar });

export function reviewSummaryDocument(session: ReviewSession, lang: Language, anchor: AuditAnchor): PrintDocument {
  const t = translator(lang, strings);
  const date = (iso: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso));
  const childOf = (caseId: string) => {
    const item = session.items.find((i) => i.caseId === caseId);
    return item ? `${item.case.number} · ${item.case.givenName} ${item.case.familyName}`.trim() : caseId;
  };
  return {
    lang,
    title: t('review:print.title'),
    subtitle: t('review:print.subtitle', { date: date(session.heldOn) }),
    blocks: [
      {
        kind: 'fields',
        rows: [
          [t('review:print.heldOn'), date(session.heldOn)],
          [t('review:print.kind'), t(`review:sessions.kinds.${session.kind}`)],
          ...(session.agencies.length > 0 ? [[t('review:print.agencies'), session.agencies.join(', ')] as [string, string]] : []),
          ...(session.participants ? [[t('review:print.participants'), session.participants] as [string, string]] : []),
          [t('review:print.reviewed'), `${session.decided} / ${session.cases}`],
        ],
      },
      { kind: 'heading', text: t('review:print.decisions') },
      {
        kind: 'table',
        head: [t('review:print.case'), t('review:print.reasons'), t('review:print.decision'), t('review:print.planReview')],
        rows: session.items.map((i) => [
          childOf(i.caseId),
          i.reasons.map((r) => t(`review:rules.${r}`)).join(', '),
          i.decision ? t(`review:decision.options.${i.decision}`) : t('review:print.pending'),
          i.countsAsPlanReview ? t('review:print.yes') : t('review:print.no'),
        ]),
      },
      { kind: 'heading', text: t('review:print.actions') },
      session.actions.length > 0
        ? {
            kind: 'table',
            head: [t('review:print.case'), t('review:print.action'), t('review:print.owner'), t('review:print.due')],
            rows: session.actions.map((a) => [childOf(a.caseId), a.text, a.ownerName ?? '', date(a.dueOn)]),
          }
        : { kind: 'paragraph', text: t('review:print.noActions') },
      { kind: 'paragraph', text: t('review:print.notes') },
      { kind: 'signatures', labels: [t('review:print.signatures')] },
    ],
    footer: t('review:print.anchor', { hash: anchor.headHash, count: anchor.count, at: anchor.at }),
  };
}

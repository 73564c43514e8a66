// Node-only. A case summary as a PrintDocument, built from the database in the core: only the
// chosen sections, no phone numbers or addresses of family members (a summary is read away from
// the office), labels in the document's language. Confidential sections are checked by the handler.
import type { Kysely } from 'kysely';
import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/i18n/languages';
import type { SummarySection } from '../../../shared/reports/summary';
import casesAr from '../../../locales/ar/cases.json' with { type: 'json' };
import casesEn from '../../../locales/en/cases.json' with { type: 'json' };
import casesEs from '../../../locales/es/cases.json' with { type: 'json' };
import casesFr from '../../../locales/fr/cases.json' with { type: 'json' };
import casesPt from '../../../locales/pt/cases.json' with { type: 'json' };
import plansAr from '../../../locales/ar/plans.json' with { type: 'json' };
import plansEn from '../../../locales/en/plans.json' with { type: 'json' };
import plansEs from '../../../locales/es/plans.json' with { type: 'json' };
import plansFr from '../../../locales/fr/plans.json' with { type: 'json' };
import plansPt from '../../../locales/pt/plans.json' with { type: 'json' };
import reportsAr from '../../../locales/ar/reports.json' with { type: 'json' };
import reportsEn from '../../../locales/en/reports.json' with { type: 'json' };
import reportsEs from '../../../locales/es/reports.json' with { type: 'json' };
import reportsFr from '../../../locales/fr/reports.json' with { type: 'json' };
import reportsPt from '../../../locales/pt/reports.json' with { type: 'json' };
import tracingAr from '../../../locales/ar/tracing.json' with { type: 'json' };
import tracingEn from '../../../locales/en/tracing.json' with { type: 'json' };
import tracingEs from '../../../locales/es/tracing.json' with { type: 'json' };
import tracingFr from '../../../locales/fr/tracing.json' with { type: 'json' };
import tracingPt from '../../../locales/pt/tracing.json' with { type: 'json' };
import type { CaseDbRow } from '../cases/scope';
import type { DB } from '../db/schema';
import type { PrintBlock, PrintDocument } from '../print/document';
import { documentStrings, translator } from '../print/translate';

const bundles = [
  documentStrings('reports', { en: reportsEn, fr: reportsFr, es: reportsEs, pt: reportsPt, ar: reportsAr }),
  documentStrings('cases', { en: casesEn, fr: casesFr, es: casesEs, pt: casesPt, ar: casesAr }),
  documentStrings('plans', { en: plansEn, fr: plansFr, es: plansEs, pt: plansPt, ar: plansAr }),
  documentStrings('tracing', { en: tracingEn, fr: tracingFr, es: tracingEs, pt: tracingPt, ar: tracingAr }),
];

function dateText(lang: Language, iso: string | null): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

type Section = (db: Kysely<DB>, c: CaseDbRow, t: TFunction, lang: Language) => Promise<PrintBlock[]>;

const sections: Record<SummarySection, Section> = {
  async child(_db, c, t, lang) {
    const reasons = (JSON.parse(c.separation_reasons) as string[]).map((r) => t(`cases:separationReasons.${r}`)).join(', ');
    return [
      { kind: 'heading', text: t('summary.sections.child') },
      {
        kind: 'fields',
        rows: [
          [t('summary.name'), `${c.given_name} ${c.family_name}`.trim()],
          [t('summary.sex'), t(`cases:sexes.${c.sex}`)],
          [t('summary.born'), c.date_of_birth ? dateText(lang, c.date_of_birth) : c.estimated_age !== null ? t('summary.estimatedAge', { age: c.estimated_age }) : '—'],
          [t('summary.area'), c.area || '—'],
          [t('summary.registered'), dateText(lang, c.registered_at)],
          [t('summary.stage'), t(`cases:stages.${c.stage}`)],
          [t('summary.status'), t(`cases:status.${c.status}`)],
          [t('summary.reasons'), reasons || '—'],
          [t('summary.care'), t(`cases:careArrangements.${c.care_arrangement}`, { defaultValue: c.care_arrangement })],
        ],
      },
    ];
  },
  async family(db, c, t) {
    const members = await db.selectFrom('family_members').select(['given_name', 'family_name', 'relationship', 'kind', 'is_caregiver', 'lives_with_child', 'deceased']).where('case_id', '=', c.id).where('removed_at', 'is', null).execute();
    const yes = (v: number) => (v ? t('summary.yes') : t('summary.no'));
    return [
      { kind: 'heading', text: t('summary.sections.family') },
      members.length
        ? { kind: 'table', head: [t('summary.name'), t('summary.relationship'), t('summary.caregiver'), t('summary.livesWithChild')], rows: members.map((m) => [`${m.given_name} ${m.family_name}`.trim(), m.relationship ?? m.kind, yes(m.is_caregiver), yes(m.lives_with_child)]) }
        : { kind: 'paragraph', text: t('summary.none') },
    ];
  },
  async tracing(db, c, t, lang) {
    const actions = await db.selectFrom('tracing_actions').select(['date', 'method', 'result']).where('case_id', '=', c.id).where('removed_at', 'is', null).orderBy('date').execute();
    return [
      { kind: 'heading', text: t('summary.sections.tracing') },
      actions.length
        ? { kind: 'table', head: [t('summary.date'), t('summary.method'), t('summary.result')], rows: actions.map((a) => [dateText(lang, a.date), t(`tracing:methods.${a.method}`), t(`tracing:results.${a.result}`)]) }
        : { kind: 'paragraph', text: t('summary.none') },
    ];
  },
  async assessments(db, c, t, lang) {
    const rows = await db.selectFrom('assessments').select(['date', 'kind', 'scores']).where('case_id', '=', c.id).where('status', '=', 'completed').orderBy('date').execute();
    return [
      { kind: 'heading', text: t('summary.sections.assessments') },
      rows.length
        ? {
            kind: 'table',
            head: [t('summary.date'), t('summary.kind'), t('summary.overall')],
            rows: rows.map((a) => {
              const overall = (JSON.parse(a.scores) as { overall: number | null }).overall;
              return [dateText(lang, a.date), t(`summary.assessmentKinds.${a.kind}`), overall === null ? '—' : overall.toFixed(1)];
            }),
          }
        : { kind: 'paragraph', text: t('summary.none') },
    ];
  },
  async plan(db, c, t, lang) {
    const plan = await db.selectFrom('plan_versions').select(['id', 'version', 'acknowledged_on', 'contingency_plan']).where('case_id', '=', c.id).where('status', '=', 'current').executeTakeFirst();
    if (!plan) return [{ kind: 'heading', text: t('summary.sections.plan') }, { kind: 'paragraph', text: t('summary.none') }];
    const objectives = await db.selectFrom('plan_objectives').select(['domain', 'objective', 'target_date', 'responsible', 'status']).where('plan_version_id', '=', plan.id).orderBy('position').execute();
    return [
      { kind: 'heading', text: t('summary.sections.plan') },
      { kind: 'fields', rows: [[t('summary.planVersion'), String(plan.version)], [t('summary.acknowledged'), dateText(lang, plan.acknowledged_on)], [t('summary.contingency'), plan.contingency_plan || '—']] },
      {
        kind: 'table',
        head: [t('summary.domain'), t('summary.objective'), t('summary.targetDate'), t('summary.responsible'), t('summary.status')],
        rows: objectives.map((o) => [t(`plans:domains.${o.domain}`), o.objective, dateText(lang, o.target_date), o.responsible, t(`plans:statuses.${o.status}`)]),
      },
    ];
  },
  async reunification(db, c, t, lang) {
    const r = await db.selectFrom('reunifications').select(['reunified_on', 'willingness_stated_on']).where('case_id', '=', c.id).executeTakeFirst();
    return [
      { kind: 'heading', text: t('summary.sections.reunification') },
      r ? { kind: 'fields', rows: [[t('summary.reunifiedOn'), dateText(lang, r.reunified_on)], [t('summary.willingness'), dateText(lang, r.willingness_stated_on)]] } : { kind: 'paragraph', text: t('summary.none') },
    ];
  },
  async safety(db, c, t, lang) {
    const risk = await db.selectFrom('risk_assessments').select(['date', 'overall_level', 'summary']).where('case_id', '=', c.id).orderBy('number', 'desc').limit(1).executeTakeFirst();
    const plan = await db.selectFrom('safety_plans').select(['if_harmed', 'if_breakdown']).where('case_id', '=', c.id).orderBy('number', 'desc').limit(1).executeTakeFirst();
    const rows: Array<[string, string]> = [];
    if (risk) rows.push([t('summary.riskLevel'), `${t(`cases:risk.${risk.overall_level}`)} · ${dateText(lang, risk.date)}`], [t('summary.riskSummary'), risk.summary || '—']);
    if (plan) rows.push([t('summary.ifHarmed'), plan.if_harmed], [t('summary.ifBreakdown'), plan.if_breakdown]);
    return [{ kind: 'heading', text: t('summary.sections.safety') }, rows.length ? { kind: 'fields', rows } : { kind: 'paragraph', text: t('summary.none') }];
  },
  async bid(db, c, t, lang) {
    const bid = await db.selectFrom('bids').select(['date', 'status', 'decision', 'reasons']).where('case_id', '=', c.id).orderBy('date', 'desc').limit(1).executeTakeFirst();
    return [
      { kind: 'heading', text: t('summary.sections.bid') },
      bid ? { kind: 'fields', rows: [[t('summary.date'), dateText(lang, bid.date)], [t('summary.status'), bid.status], [t('summary.decision'), bid.decision ?? '—'], [t('summary.reasonsText'), bid.reasons || '—']] } : { kind: 'paragraph', text: t('summary.none') },
    ];
  },
  async notes(db, c, t, lang) {
    const notes = await db.selectFrom('case_notes').select(['note_date', 'text']).where('case_id', '=', c.id).orderBy('note_date', 'desc').limit(20).execute();
    return [
      { kind: 'heading', text: t('summary.sections.notes') },
      notes.length ? { kind: 'table', head: [t('summary.date'), t('summary.note')], rows: notes.map((n) => [dateText(lang, n.note_date), n.text]) } : { kind: 'paragraph', text: t('summary.none') },
    ];
  },
};

export async function buildSummary(db: Kysely<DB>, c: CaseDbRow, chosen: readonly SummarySection[], lang: Language, printedOn: string): Promise<PrintDocument> {
  const t = translator(lang, ...bundles);
  const blocks: PrintBlock[] = [];
  // Always in the form's own order, whatever order they were ticked in.
  for (const s of Object.keys(sections) as SummarySection[]) if (chosen.includes(s)) blocks.push(...(await sections[s](db, c, t, lang)));
  return {
    lang,
    title: t('summary.title'),
    subtitle: `${c.number}`,
    blocks,
    footer: t('summary.footer', { date: dateText(lang, printedOn) }),
  };
}

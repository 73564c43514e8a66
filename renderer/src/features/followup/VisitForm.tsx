// DOM. Recording a monitoring visit (G:L262-272): date and mode, the planned contact it holds, whom
// the worker spoke with (the child's own words, or why the child was not seen), observations, each
// plan objective's progress, the agreed support and referrals, the Guidelines' factors, the
// well-being re-score made with the case's form, the warning-sign checklist and, at the first
// visit, the emergency route. Typing is kept as a draft (ui/useDraft) until it is saved.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '@shared/cases/contract';
import type { ChannelOutput } from '@shared/contract';
import {
  alwaysUrgentSigns,
  deliveryStatuses,
  factorStatuses,
  isFaceToFace,
  objectiveStatuses,
  spokeWithRoles,
  visitFactors,
  visitModes,
  warningSigns,
  type FollowupSummary,
  type VisitFieldsInput,
} from '@shared/followup/contract';
import { call } from '../../api';
import { useInvalidateCase } from '../../app/caseCache';
import { applyCoreIssues } from '../../ui/errors';
import { CheckboxField, FieldGroup, SelectField, TextAreaField, TextField } from '../../ui/form/fields';
import { FormFooter } from '../../ui/form/FormFooter';
import { todayUtc, useDayFormat } from '../../ui/format';
import { Alert, ErrorAlert } from '../../ui/misc';
import { useFormDraft } from '../../ui/useDraft';
import { useWellbeingAssessments } from './queries';

type Role = (typeof spokeWithRoles)[number];
type Sign = (typeof warningSigns)[number];
type Factor = (typeof visitFactors)[number];

export interface VisitValues {
  date: string;
  mode: (typeof visitModes)[number];
  plannedContactId: string;
  people: Record<Role, { checked: boolean; view: string }>;
  childSeenAlone: boolean;
  childWords: string;
  childNotSeenReason: string;
  observations: string;
  objectives: Record<string, { status: '' | (typeof objectiveStatuses)[number]; note: string }>;
  support: { status: (typeof deliveryStatuses)[number]; note: string };
  referrals: { status: (typeof deliveryStatuses)[number]; note: string };
  factors: Record<Factor, { status: (typeof factorStatuses)[number]; note: string; referralNeeded: boolean }>;
  wellbeingAssessmentId: string;
  signs: Record<Sign, { checked: boolean; urgent: boolean; note: string }>;
  emergencyRouteConfirmed: boolean;
}

const record = <K extends string, V>(keys: readonly K[], value: () => V) => Object.fromEntries(keys.map((k) => [k, value()])) as Record<K, V>;

function emptyVisit(summary: FollowupSummary): VisitValues {
  return {
    date: todayUtc(),
    mode: 'in_person',
    plannedContactId: '',
    people: record(spokeWithRoles, () => ({ checked: false, view: '' })),
    childSeenAlone: false,
    childWords: '',
    childNotSeenReason: '',
    observations: '',
    objectives: Object.fromEntries(summary.objectives.map((o) => [o.id, { status: '' as const, note: '' }])),
    support: { status: 'none_agreed', note: '' },
    referrals: { status: 'none_agreed', note: '' },
    factors: record(visitFactors, () => ({ status: 'not_discussed' as const, note: '', referralNeeded: false })),
    wellbeingAssessmentId: '',
    signs: record(warningSigns, () => ({ checked: false, urgent: false, note: '' })),
    emergencyRouteConfirmed: false,
  };
}

/** The form's values as the channel takes them. */
export function toVisitInput(v: VisitValues, summary: FollowupSummary): VisitFieldsInput {
  return {
    date: v.date,
    mode: v.mode,
    plannedContactId: v.plannedContactId || null,
    spokeWith: spokeWithRoles.filter((r) => v.people[r]?.checked).map((role) => ({ role, view: v.people[role].view })),
    childSeenAlone: v.people.child?.checked ? v.childSeenAlone : false,
    childWords: v.people.child?.checked ? v.childWords : '',
    childNotSeenReason: v.people.child?.checked ? '' : v.childNotSeenReason,
    observations: v.observations,
    objectives: summary.objectives
      .filter((o) => v.objectives[o.id]?.status)
      .map((o) => ({ objectiveId: o.id, title: o.title.slice(0, 200), status: v.objectives[o.id].status as (typeof objectiveStatuses)[number], note: v.objectives[o.id].note })),
    support: v.support,
    referrals: v.referrals,
    factors: visitFactors.filter((f) => v.factors[f].status !== 'not_discussed' || v.factors[f].note).map((factor) => ({ factor, ...v.factors[factor] })),
    wellbeingAssessmentId: v.wellbeingAssessmentId || null,
    warningSigns: warningSigns.filter((s) => v.signs[s]?.checked).map((sign) => ({ sign, urgent: v.signs[sign].urgent || alwaysUrgentSigns.includes(sign), note: v.signs[sign].note })),
    emergencyRouteConfirmed: v.emergencyRouteConfirmed,
  };
}

export type VisitResult = ChannelOutput<'followup.recordVisit'>;

export function VisitForm({ caseFile, summary, onSaved, onClose }: { caseFile: CaseFile; summary: FollowupSummary; onSaved: (result: VisitResult) => void; onClose: () => void }) {
  const { t } = useTranslation(['followup', 'common']);
  const day = useDayFormat();
  const invalidate = useInvalidateCase(caseFile.id);
  const [failure, setFailure] = useState<unknown>(null);
  const wellbeing = useWellbeingAssessments(caseFile.id);
  const form = useForm<VisitValues>({ defaultValues: emptyVisit(summary) });
  const draft = useFormDraft(form, `case:${caseFile.id}:followup:visit`);
  const { errors, isSubmitting } = form.formState;
  const mode = useWatch({ control: form.control, name: 'mode' });
  const childSeen = useWatch({ control: form.control, name: 'people.child.checked' });
  const signs = useWatch({ control: form.control, name: 'signs' });
  const save = useMutation({ mutationFn: (visit: VisitFieldsInput) => call('followup.recordVisit', { caseId: caseFile.id, visit }) });
  const open = summary.schedule.filter((c) => c.status === 'planned' && (mode === 'in_person' || !isFaceToFace(c.type)));

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    // The same rule the core applies, said before the round trip (G:L262).
    if (values.people.child.checked && !values.childWords.trim()) {
      form.setError('childWords', { type: 'required', message: 'validation.required' }, { shouldFocus: true });
      return;
    }
    if (!values.people.child.checked && !values.childNotSeenReason.trim()) {
      form.setError('childNotSeenReason', { type: 'required', message: 'validation.required' }, { shouldFocus: true });
      return;
    }
    try {
      const result = await save.mutateAsync(toVisitInput(values, summary));
      await draft.discard();
      await invalidate();
      onSaved(result);
    } catch (error) {
      const matched = applyCoreIssues(error, form.setError, (path) => {
        const p = path[0] === 'visit' ? path.slice(1) : path;
        const known = ['date', 'mode', 'childWords', 'childNotSeenReason', 'wellbeingAssessmentId'] as const;
        return (known as readonly string[]).includes(String(p[0])) ? (p[0] as (typeof known)[number]) : null;
      });
      if (!matched) setFailure(error);
    }
  });

  return (
    <form className="stack followup-visit" noValidate onSubmit={submit}>
      {draft.restored ? <Alert tone="info">{t('followup:draftRestored')}</Alert> : null}
      <div className="form-grid">
        <TextField type="date" label={t('visit.date')} required max={todayUtc()} error={errors.date} {...form.register('date', { required: 'validation.required' })} />
        <SelectField label={t('visit.mode')} required error={errors.mode} {...form.register('mode')}>
          {visitModes.map((m) => (
            <option key={m} value={m}>
              {t(`modes.${m}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('visit.plannedContact')} description={t('visit.plannedContactHelp')} {...form.register('plannedContactId')}>
          <option value="">{t('visit.matchAutomatically')}</option>
          {open.map((c) => (
            <option key={c.id} value={c.id}>
              {t('visit.contactOption', { date: day(c.dueOn), type: t(`contactTypes.${c.type}`) })}
            </option>
          ))}
        </SelectField>
      </div>

      <FieldGroup label={t('visit.spokeWith')} description={t('visit.spokeWithHelp')}>
        <div className="followup-visit__people">
          {spokeWithRoles.map((role) => (
            <div key={role} className="stack followup-visit__person">
              <CheckboxField label={t(`roles.${role}`)} {...form.register(`people.${role}.checked`)} />
              {role !== 'child' ? <TextField label={t('visit.theirView', { who: t(`roles.${role}`) })} {...form.register(`people.${role}.view`)} /> : null}
            </div>
          ))}
        </div>
      </FieldGroup>
      {childSeen ? (
        <>
          <CheckboxField label={t('visit.childSeenAlone')} {...form.register('childSeenAlone')} />
          <TextAreaField label={t('visit.childWords')} description={t('visit.childWordsHelp')} required rows={3} dir="auto" error={errors.childWords} {...form.register('childWords')} />
        </>
      ) : (
        <TextAreaField label={t('visit.childNotSeenReason')} description={t('visit.childNotSeenHelp')} required rows={2} dir="auto" error={errors.childNotSeenReason} {...form.register('childNotSeenReason')} />
      )}
      <TextAreaField label={t('visit.observations')} rows={3} dir="auto" {...form.register('observations')} />

      {summary.objectives.length > 0 ? (
        <fieldset className="stack">
          <legend className="form-title">{t('visit.objectives')}</legend>
          {summary.objectives.map((o) => (
            <div key={o.id} className="form-grid">
              <SelectField label={o.title} {...form.register(`objectives.${o.id}.status`)}>
                <option value="">{t('visit.notReviewed')}</option>
                {objectiveStatuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`objectiveStatuses.${s}`)}
                  </option>
                ))}
              </SelectField>
              <TextField label={t('visit.progressNote', { objective: o.title })} {...form.register(`objectives.${o.id}.note`)} />
            </div>
          ))}
        </fieldset>
      ) : (
        <p className="muted">{t('visit.noObjectives')}</p>
      )}

      <fieldset className="stack">
        <legend className="form-title">{t('visit.supportTitle')}</legend>
        {(['support', 'referrals'] as const).map((k) => (
          <div key={k} className="form-grid">
            <SelectField label={t(`visit.${k}`)} {...form.register(`${k}.status`)}>
              {deliveryStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`deliveryStatuses.${s}`)}
                </option>
              ))}
            </SelectField>
            <TextField label={t('visit.noteFor', { what: t(`visit.${k}`) })} {...form.register(`${k}.note`)} />
          </div>
        ))}
      </fieldset>

      <fieldset className="stack">
        <legend className="form-title">{t('visit.factorsTitle')}</legend>
        {visitFactors.map((f) => (
          <div key={f} className="form-grid">
            <SelectField label={t(`factors.${f}`)} {...form.register(`factors.${f}.status`)}>
              {factorStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`factorStatuses.${s}`)}
                </option>
              ))}
            </SelectField>
            <TextField label={t('visit.noteFor', { what: t(`factors.${f}`) })} {...form.register(`factors.${f}.note`)} />
            <CheckboxField label={t('visit.referralNeeded', { what: t(`factors.${f}`) })} {...form.register(`factors.${f}.referralNeeded`)} />
          </div>
        ))}
      </fieldset>

      <SelectField label={t('visit.wellbeing')} description={t('visit.wellbeingHelp')} error={errors.wellbeingAssessmentId} {...form.register('wellbeingAssessmentId')}>
        <option value="">{t('visit.noRescore')}</option>
        {(wellbeing.data ?? []).map((a) => (
          <option key={a.id} value={a.id}>
            {t('visit.rescoreOption', { date: day(a.date), score: a.scores.overall ?? '—' })}
          </option>
        ))}
      </SelectField>

      <fieldset className="stack followup-signs">
        <legend className="form-title">{t('visit.signsTitle')}</legend>
        <p className="muted">{t('visit.signsHelp')}</p>
        {warningSigns.map((s) => {
          const always = alwaysUrgentSigns.includes(s);
          return (
            <div key={s} className="followup-signs__row">
              <CheckboxField label={t(`signs.${s}`)} {...form.register(`signs.${s}.checked`)} />
              {signs?.[s]?.checked ? (
                <div className="form-grid">
                  {always ? (
                    <p className="followup-signs__urgent">{t('visit.alwaysUrgent')}</p>
                  ) : (
                    <CheckboxField label={t('visit.urgent', { sign: t(`signs.${s}`) })} {...form.register(`signs.${s}.urgent`)} />
                  )}
                  <TextField label={t('visit.signNote', { sign: t(`signs.${s}`) })} {...form.register(`signs.${s}.note`)} />
                </div>
              ) : null}
            </div>
          );
        })}
      </fieldset>

      <CheckboxField
        label={t('visit.emergencyRoute')}
        description={summary.emergencyRouteConfirmed ? t('visit.emergencyRouteDone') : t('visit.emergencyRouteFirst')}
        {...form.register('emergencyRouteConfirmed')}
      />
      <ErrorAlert error={failure} />
      <FormFooter submit={t('visit.save')} busy={isSubmitting} onCancel={onClose} savedText={draft.savedAt ? t('followup:draftSaved') : null} />
    </form>
  );
}

// DOM. Do no harm: the current risk assessment (its level is the case's risk level) with each risk's
// mitigation, and the safety plan the child knows — who to contact if harmed or if reintegration
// breaks down. Saving either makes a new version; earlier versions are listed.
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CaseFile } from '@shared/cases/contract';
import { riskLevels } from '@shared/cases/fields';
import {
  riskAssessmentFields,
  riskCategories,
  riskRating,
  safetyPlanFields,
  suggestedLevel,
  type RiskAssessment,
  type SafetyPlan,
} from '@shared/safety/contract';
import { call } from '../../api';
import { useInvalidateCase } from '../../app/caseCache';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { applyCoreIssues, formSchemaOptions } from '../../ui/errors';
import { CheckboxField, FieldErrorNamespace, SelectField, TextAreaField, TextField } from '../../ui/form/fields';
import { FormFooter } from '../../ui/form/FormFooter';
import { todayUtc, useDayFormat } from '../../ui/format';
import { Alert, Badge, Card, ErrorAlert, Loading } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { useFormDraft } from '../../ui/useDraft';
import { stageOneKey } from '../assessments/kit';
import { useResumeOnUnlock } from '../../ui/useResumeOnUnlock';
import { UserText } from '../../ui/UserText';

type RiskValues = z.input<typeof riskAssessmentFields>;
type PlanValues = z.input<typeof safetyPlanFields>;
const levelTone = { low: 'success', medium: 'warning', high: 'danger' } as const;

function RiskForm({ caseFile, current, onClose }: { caseFile: CaseFile; current: RiskAssessment | null; onClose: () => void }) {
  const { t } = useTranslation(['safety', 'common', 'cases']);
  const toast = useToast();
  const invalidate = useInvalidateCase(caseFile.id);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<RiskValues, unknown, z.output<typeof riskAssessmentFields>>({
    resolver: zodResolver(riskAssessmentFields, formSchemaOptions),
    defaultValues: {
      date: todayUtc(),
      // Not yet assessed: the worker picks the level; nothing is pre-chosen for them. An empty value
      // (not undefined) so the select shows "Choose…" and the untouched form equals its defaults —
      // else the draft binding takes the select's first option for typing and skips the saved draft.
      overallLevel: current?.overallLevel ?? (caseFile.riskLevel === 'not_assessed' ? ('' as RiskValues['overallLevel']) : caseFile.riskLevel),
      summary: current?.summary ?? '',
      risks: current?.risks ?? [],
    },
  });
  const draft = useFormDraft(form, `case:${caseFile.id}:safety:risk`);
  const risks = useFieldArray({ control: form.control, name: 'risks' });
  const watched = useWatch({ control: form.control, name: 'risks' }) ?? [];
  const suggestion = suggestedLevel(watched.map((r) => ({ likelihood: r?.likelihood ?? 'low', impact: r?.impact ?? 'low' })));
  const { errors, isSubmitting } = form.formState;
  const save = useMutation({
    mutationFn: (assessment: z.output<typeof riskAssessmentFields>) =>
      call('safety.saveRiskAssessment', { caseId: caseFile.id, basedOn: current?.number ?? 0, assessment }),
  });
  const submit = form.handleSubmit(async (assessment) => {
    setFailure(null);
    try {
      await save.mutateAsync(assessment);
      await draft.discard();
      invalidate();
      toast.show(t('risk.saved'));
      onClose();
    } catch (error) {
      const matched = applyCoreIssues(error, form.setError, (path) => {
        const p = path[0] === 'assessment' ? path.slice(1) : path;
        if (p[0] === 'date' || p[0] === 'overallLevel' || p[0] === 'summary') return p[0];
        if (p[0] === 'risks' && typeof p[1] === 'number' && typeof p[2] === 'string') return `risks.${p[1]}.${p[2]}` as 'date';
        return null;
      });
      if (!matched) setFailure(error);
    }
  });
  return (
    <form className="stack" noValidate onSubmit={submit}>
      {draft.restored ? <Alert tone="info">{t('draftRestored')}</Alert> : null}
      <TextField type="date" label={t('risk.date')} required max={todayUtc()} error={errors.date} {...form.register('date')} />
      {risks.fields.map((field, index) => {
        const rating = riskRating({ likelihood: watched[index]?.likelihood ?? 'low', impact: watched[index]?.impact ?? 'low' });
        const e = errors.risks?.[index];
        return (
          <fieldset key={field.id} className="card stack">
            <legend className="form-title">
              {t('risk.number', { number: index + 1 })} · <Badge tone={levelTone[rating]}>{t(`levels.${rating}`)}</Badge>
            </legend>
            <div className="form-grid">
              <SelectField label={t('risk.category')} error={e?.category} {...form.register(`risks.${index}.category`)}>
                {riskCategories.map((c) => (
                  <option key={c} value={c}>
                    {t(`categories.${c}`)}
                  </option>
                ))}
              </SelectField>
              <SelectField label={t('risk.likelihood')} error={e?.likelihood} {...form.register(`risks.${index}.likelihood`)}>
                {riskLevels.map((l) => (
                  <option key={l} value={l}>
                    {t(`levels.${l}`)}
                  </option>
                ))}
              </SelectField>
              <SelectField label={t('risk.impact')} error={e?.impact} {...form.register(`risks.${index}.impact`)}>
                {riskLevels.map((l) => (
                  <option key={l} value={l}>
                    {t(`levels.${l}`)}
                  </option>
                ))}
              </SelectField>
            </div>
            <TextAreaField label={t('risk.description')} required rows={2} error={e?.description} {...form.register(`risks.${index}.description`)} />
            <TextAreaField label={t('risk.mitigation')} rows={2} error={e?.mitigation} {...form.register(`risks.${index}.mitigation`)} />
            <div className="form-grid">
              <TextField label={t('risk.responsible')} error={e?.responsible} {...form.register(`risks.${index}.responsible`)} />
              <TextField
                type="date"
                label={t('risk.dueDate')}
                error={e?.dueDate}
                {...form.register(`risks.${index}.dueDate`, { setValueAs: (v: string | null) => (v ? v : null) })}
              />
            </div>
            <div>
              <Button size="sm" variant="ghost" onClick={() => risks.remove(index)}>
                {t('risk.remove')}
              </Button>
            </div>
          </fieldset>
        );
      })}
      <div>
        <Button size="sm" onClick={() => risks.append({ category: 'abuse', description: '', likelihood: 'medium', impact: 'medium', mitigation: '', responsible: '', dueDate: null })}>
          {t('risk.add')}
        </Button>
      </div>
      <SelectField label={t('risk.overall')} description={t('risk.suggested', { level: t(`levels.${suggestion}`) })} required error={errors.overallLevel} {...form.register('overallLevel')}>
        <option value="" disabled>
          {t('cases:form.choose')}
        </option>
        {riskLevels.map((l) => (
          <option key={l} value={l}>
            {t(`levels.${l}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField label={t('risk.summary')} rows={3} error={errors.summary} {...form.register('summary')} />
      <ErrorAlert error={failure} />
      <FormFooter submit={t('risk.save')} busy={isSubmitting} onCancel={onClose} savedText={draft.savedAt ? t('draftSaved') : null} />
    </form>
  );
}

function PlanForm({ caseFile, current, onClose }: { caseFile: CaseFile; current: SafetyPlan | null; onClose: () => void }) {
  const { t } = useTranslation(['safety', 'common']);
  const toast = useToast();
  const invalidate = useInvalidateCase(caseFile.id);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<PlanValues, unknown, z.output<typeof safetyPlanFields>>({
    resolver: zodResolver(safetyPlanFields, formSchemaOptions),
    defaultValues: current
      ? {
          trustedContacts: current.trustedContacts,
          ifHarmed: current.ifHarmed,
          ifBreakdown: current.ifBreakdown,
          emergencyRoute: current.emergencyRoute,
          childKnows: current.childKnows,
          reviewedWithChildOn: current.reviewedWithChildOn,
          notes: current.notes,
        }
      : { trustedContacts: [{ name: '', relationship: '', phone: '', howToReach: '' }], ifHarmed: '', ifBreakdown: '', emergencyRoute: '', childKnows: false, reviewedWithChildOn: null, notes: '' },
  });
  const draft = useFormDraft(form, `case:${caseFile.id}:safety:plan`);
  const contacts = useFieldArray({ control: form.control, name: 'trustedContacts' });
  const childKnows = useWatch({ control: form.control, name: 'childKnows' });
  const { errors, isSubmitting } = form.formState;
  const save = useMutation({
    mutationFn: (plan: z.output<typeof safetyPlanFields>) => call('safety.saveSafetyPlan', { caseId: caseFile.id, basedOn: current?.number ?? 0, plan }),
  });
  const submit = form.handleSubmit(async (plan) => {
    setFailure(null);
    try {
      await save.mutateAsync(plan);
      await draft.discard();
      invalidate();
      toast.show(t('plan.saved'));
      onClose();
    } catch (error) {
      const matched = applyCoreIssues(error, form.setError, (path) => {
        const p = path[0] === 'plan' ? path.slice(1) : path;
        return p[0] === 'ifHarmed' || p[0] === 'ifBreakdown' || p[0] === 'reviewedWithChildOn' || p[0] === 'emergencyRoute' ? p[0] : null;
      });
      if (!matched) setFailure(error);
    }
  });
  return (
    <form className="stack" noValidate onSubmit={submit}>
      {draft.restored ? <Alert tone="info">{t('draftRestored')}</Alert> : null}
      <fieldset className="stack">
        <legend className="form-title">{t('plan.contacts')}</legend>
        <p className="muted">{t('plan.contactsHelp')}</p>
        {contacts.fields.map((field, index) => {
          const e = errors.trustedContacts?.[index];
          return (
            <div key={field.id} className="form-grid">
              <TextField label={t('plan.name')} required error={e?.name} {...form.register(`trustedContacts.${index}.name`)} />
              <TextField label={t('plan.relationship')} error={e?.relationship} {...form.register(`trustedContacts.${index}.relationship`)} />
              <TextField label={t('plan.phone')} type="tel" error={e?.phone} {...form.register(`trustedContacts.${index}.phone`)} />
              <TextAreaField label={t('plan.howToReach')} rows={2} error={e?.howToReach} {...form.register(`trustedContacts.${index}.howToReach`)} />
              {contacts.fields.length > 1 ? (
                <Button size="sm" variant="ghost" onClick={() => contacts.remove(index)}>
                  {t('plan.removeContact')}
                </Button>
              ) : null}
            </div>
          );
        })}
        <div>
          <Button size="sm" onClick={() => contacts.append({ name: '', relationship: '', phone: '', howToReach: '' })}>
            {t('plan.addContact')}
          </Button>
        </div>
      </fieldset>
      <TextAreaField label={t('plan.ifHarmed')} required rows={3} error={errors.ifHarmed} {...form.register('ifHarmed')} />
      <TextAreaField label={t('plan.ifBreakdown')} required rows={3} error={errors.ifBreakdown} {...form.register('ifBreakdown')} />
      <TextAreaField label={t('plan.emergencyRoute')} rows={2} error={errors.emergencyRoute} {...form.register('emergencyRoute')} />
      <CheckboxField label={t('plan.childKnows')} description={t('plan.childKnowsHelp')} error={errors.childKnows} {...form.register('childKnows')} />
      {childKnows ? (
        <TextField
          type="date"
          label={t('plan.reviewedWithChildOn')}
          required
          max={todayUtc()}
          error={errors.reviewedWithChildOn}
          {...form.register('reviewedWithChildOn', { setValueAs: (v: string | null) => (v ? v : null) })}
        />
      ) : null}
      <TextAreaField label={t('plan.notes')} rows={2} error={errors.notes} {...form.register('notes')} />
      <ErrorAlert error={failure} />
      <FormFooter submit={t('plan.save')} busy={isSubmitting} onCancel={onClose} savedText={draft.savedAt ? t('draftSaved') : null} />
    </form>
  );
}

export default function SafetyTab({ caseFile }: { caseFile: CaseFile }) {
  const { t } = useTranslation('safety');
  const day = useDayFormat();
  const [editing, setEditing] = useState<'risk' | 'plan' | null>(null);
  useResumeOnUnlock(`case:${caseFile.id}:safety:risk`, () => setEditing('risk'));
  useResumeOnUnlock(`case:${caseFile.id}:safety:plan`, () => setEditing('plan'));
  const safety = useQuery({ queryKey: stageOneKey(caseFile.id, 'safety'), queryFn: () => call('safety.get', { caseId: caseFile.id }) });
  if (safety.isPending) return <Loading />;
  if (safety.isError) return <ErrorAlert error={safety.error} />;
  const { riskAssessment: risk, riskHistory, safetyPlan: plan, safetyPlanHistory } = safety.data;

  return (
    <FieldErrorNamespace ns="safety">
      <div className="stack">
        <Card
          title={t('risk.title')}
          actions={caseFile.canWrite ? <Button variant="primary" onClick={() => setEditing('risk')}>{risk ? t('risk.update') : t('risk.new')}</Button> : null}
        >
          {risk ? (
            <div className="stack">
              <p>
                {t('risk.current', { date: day(risk.date), number: risk.number })} <Badge tone={levelTone[risk.overallLevel]}>{t(`levels.${risk.overallLevel}`)}</Badge>
              </p>
              {risk.risks.length === 0 ? <p className="muted">{t('risk.none')}</p> : null}
              <ul className="plain-list">
                {risk.risks.map((r, i) => (
                  <li key={i} className="card">
                    <p>
                      <strong>{t(`categories.${r.category}`)}</strong> · <Badge tone={levelTone[riskRating(r)]}>{t(`levels.${riskRating(r)}`)}</Badge>
                    </p>
                    <p dir="auto">{r.description}</p>
                    {r.mitigation ? <p>{t('risk.mitigation')}: <span dir="auto">{r.mitigation}</span></p> : null}
                    <p className="muted">
                      {[r.responsible, r.dueDate ? t('risk.due', { date: day(r.dueDate) }) : ''].filter(Boolean).join(' · ')}
                    </p>
                  </li>
                ))}
              </ul>
              {risk.summary ? <p dir="auto">{risk.summary}</p> : null}
              {riskHistory.length > 1 ? (
                <details className="stage-one-history">
                  <summary>{t('history')}</summary>
                  <ul className="plain-list">
                    {riskHistory.map((h) => (
                      <li key={h.id}>{t('risk.version', { number: h.number, date: day(h.date), level: t(`levels.${h.overallLevel}`), by: h.recordedBy ?? '—' })}</li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </div>
          ) : (
            <p className="muted">{t('risk.empty')}</p>
          )}
        </Card>
        <Card
          title={t('plan.title')}
          actions={caseFile.canWrite ? <Button variant="primary" onClick={() => setEditing('plan')}>{plan ? t('plan.update') : t('plan.new')}</Button> : null}
        >
          {plan ? (
            <div className="stack">
              {plan.childKnows ? (
                <Badge tone="success">{t('plan.known', { date: day(plan.reviewedWithChildOn) })}</Badge>
              ) : (
                <Alert tone="warning">{t('plan.notKnown')}</Alert>
              )}
              <h3 className="form-title">{t('plan.contacts')}</h3>
              <ul className="plain-list">
                {plan.trustedContacts.map((c, i) => (
                  <li key={i}>
                    <strong>
                      <UserText>{c.name}</UserText>
                    </strong>
                    {c.relationship ? ` (${c.relationship})` : ''} {c.phone ? <span dir="ltr">{c.phone}</span> : null}
                    {c.howToReach ? <p className="muted" dir="auto">{c.howToReach}</p> : null}
                  </li>
                ))}
              </ul>
              <dl className="record-list">
                <div className="record-list__pair">
                  <dt>{t('plan.ifHarmed')}</dt>
                  <dd dir="auto">{plan.ifHarmed}</dd>
                </div>
                <div className="record-list__pair">
                  <dt>{t('plan.ifBreakdown')}</dt>
                  <dd dir="auto">{plan.ifBreakdown}</dd>
                </div>
                <div className="record-list__pair">
                  <dt>{t('plan.emergencyRoute')}</dt>
                  <dd dir="auto">{plan.emergencyRoute || '—'}</dd>
                </div>
              </dl>
              {safetyPlanHistory.length > 1 ? (
                <details className="stage-one-history">
                  <summary>{t('history')}</summary>
                  <ul className="plain-list">
                    {safetyPlanHistory.map((h) => (
                      <li key={h.id}>{t('plan.version', { number: h.number, date: day(h.recordedAt), by: h.recordedBy ?? '—' })}</li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </div>
          ) : (
            <p className="muted">{t('plan.empty')}</p>
          )}
        </Card>
        <Dialog open={editing === 'risk'} onClose={() => setEditing(null)} title={t('risk.title')}>
          <RiskForm caseFile={caseFile} current={risk} onClose={() => setEditing(null)} />
        </Dialog>
        <Dialog open={editing === 'plan'} onClose={() => setEditing(null)} title={t('plan.title')}>
          <PlanForm caseFile={caseFile} current={plan} onClose={() => setEditing(null)} />
        </Dialog>
      </div>
    </FieldErrorNamespace>
  );
}

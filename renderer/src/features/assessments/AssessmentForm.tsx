// DOM. Any assessment template rendered from its definition: domains as sections, scale questions
// as a 1–4 radio group with the template's labels, yes/no, choices and free text; who took part;
// the child's views in their own words. Live domain scores; a draft autosaved while typing;
// "complete" checks required answers here and again in the core.
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  ageBandOf,
  answersSchema,
  checkAnswers,
  computeScores,
  localized,
  participantRoles,
  participantSchema,
  SCALE_MIN,
  type AgeBand,
  type Answer,
  type Assessment,
  type AssessmentTemplate,
  type Question,
} from '@shared/assessments/contract';
import type { CaseFile } from '@shared/cases/contract';
import { isoDate, longText } from '@shared/cases/fields';
import { call } from '../../api';
import { useInvalidateCase } from '../../app/caseCache';
import { Button } from '../../ui/Button';
import { applyCoreIssues, formSchemaOptions } from '../../ui/errors';
import { SelectField, TextAreaField, TextField } from '../../ui/form/fields';
import { todayUtc } from '../../ui/format';
import { Alert, ErrorAlert } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { ViewsAbsenceFields } from '../casework/ViewsAbsenceFields';
import { childViewsAbsenceSchema } from '@shared/casework/child-views';
import { useFormDraft } from '../../ui/useDraft';
import { ChoiceGroup } from './fields';
import { ScoreGuide } from './ScoreGuide';
import { useNumberFormat } from './kit';

// An optional question left unanswered is `undefined` in the form; it is simply not an answer.
const withoutUnanswered = (value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).filter(([, answer]) => answer !== undefined))
    : value;

const valuesSchema = z.object({
  date: isoDate,
  participants: z.array(participantSchema),
  answers: answersSchema,
  childViews: longText,
  childViewsAbsent: childViewsAbsenceSchema.nullable(),
  summary: longText,
});
const formSchema = valuesSchema.extend({ answers: z.preprocess(withoutUnanswered, answersSchema) });
type Values = z.input<typeof valuesSchema>;

function QuestionField({ question, value, onChange, error, scaleLabels, childBand }: {
  question: Question;
  value: Answer | undefined;
  onChange: (value: Answer) => void;
  error?: { message?: string };
  scaleLabels: AssessmentTemplate['definition']['scaleLabels'];
  childBand: AgeBand | null;
}) {
  const { t, i18n } = useTranslation('assessments');
  const lang = i18n.language;
  const label = localized(question.label, lang);
  const help = question.help ? localized(question.help, lang) || undefined : undefined;
  switch (question.type) {
    case 'scale': {
      const labels = question.scaleLabels ?? scaleLabels;
      // The factor's score guide sits right under its scale (ScoreGuide.tsx).
      return (
        <div className="scored-factor">
          <ChoiceGroup
            legend={label}
            description={help}
            required={question.required}
            error={error}
            value={typeof value === 'number' ? String(value) : null}
            onChange={(v) => onChange(v === null ? null : Number(v))}
            options={labels.map((l, i) => ({ value: String(SCALE_MIN + i), label: `${SCALE_MIN + i} · ${localized(l, lang)}` }))}
          />
          <ScoreGuide question={question} scaleLabels={scaleLabels} childBand={childBand} />
        </div>
      );
    }
    case 'yes_no':
      return (
        <ChoiceGroup
          legend={label}
          description={help}
          required={question.required}
          error={error}
          value={typeof value === 'boolean' ? String(value) : null}
          onChange={(v) => onChange(v === 'true')}
          options={[
            { value: 'true', label: t('yes') },
            { value: 'false', label: t('no') },
          ]}
        />
      );
    case 'choice':
      return (
        <ChoiceGroup
          legend={label}
          description={help}
          required={question.required}
          error={error}
          multiple={question.multiple}
          value={Array.isArray(value) || typeof value === 'string' ? (value as string | string[]) : null}
          onChange={(v) => onChange(v)}
          options={(question.options ?? []).map((o) => ({ value: o.value, label: localized(o.label, lang) }))}
        />
      );
    case 'text':
      return (
        <TextAreaField
          label={label}
          description={help}
          required={question.required}
          error={error}
          rows={3}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
}

export function AssessmentForm({ caseFile, template, assessment, onClose }: {
  caseFile: CaseFile;
  template: AssessmentTemplate;
  assessment: Assessment | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation(['assessments', 'common']);
  const lang = i18n.language;
  const num = useNumberFormat();
  const toast = useToast();
  const invalidate = useInvalidateCase(caseFile.id);
  const [failure, setFailure] = useState<unknown>(null);
  const definition = template.definition;
  const childBand = ageBandOf(caseFile.ageYears);
  const form = useForm<Values, unknown, z.output<typeof valuesSchema>>({
    // The resolver drops unanswered questions first; what it returns has the values' shape.
    resolver: zodResolver(formSchema, formSchemaOptions) as unknown as Resolver<Values, unknown, z.output<typeof valuesSchema>>,
    defaultValues: assessment
      ? { date: assessment.date, participants: assessment.participants, answers: assessment.answers, childViews: assessment.childViews, childViewsAbsent: assessment.childViewsAbsent, summary: assessment.summary }
      : { date: todayUtc(), participants: [{ role: 'child', name: '', perspective: '' }], answers: {}, childViews: '', childViewsAbsent: null, summary: '' },
  });
  const draft = useFormDraft(form, `case:${caseFile.id}:assessments:${assessment ? assessment.id : `new-${template.key}`}`);
  const { errors, isSubmitting } = form.formState;
  const participants = useFieldArray({ control: form.control, name: 'participants' });
  const values = useWatch({ control: form.control });
  const scores = useMemo(() => computeScores(definition, (values.answers ?? {}) as Record<string, Answer>), [definition, values.answers]);

  const save = useMutation({
    mutationFn: (input: { values: z.output<typeof formSchema>; complete: boolean }) =>
      call('assessments.save', {
        caseId: caseFile.id,
        ...(assessment ? { assessmentId: assessment.id, version: assessment.version } : {}),
        templateKey: template.key,
        templateVersion: template.version,
        ...input.values,
        complete: input.complete,
      }),
  });

  const fieldFor = (path: (string | number)[]) => {
    if (path[0] === 'answers' && typeof path[1] === 'string') return `answers.${path[1]}` as const;
    if (path[0] === 'date' || path[0] === 'childViews' || path[0] === 'summary') return path[0];
    return null;
  };

  const run = (complete: boolean) =>
    form.handleSubmit(async (fields) => {
      setFailure(null);
      if (complete) {
        const issues = checkAnswers(definition, fields.answers, { completing: true, childViews: fields.childViews, childViewsAbsent: fields.childViewsAbsent });
        if (issues.length > 0) {
          issues.forEach((issue, i) => {
            const field = fieldFor(issue.path);
            if (field) form.setError(field as 'date', { type: 'required', message: issue.code }, { shouldFocus: i === 0 });
          });
          return;
        }
      }
      try {
        await save.mutateAsync({ values: fields, complete });
        await draft.discard();
        invalidate();
        toast.show(complete ? t('completed') : t('draftStored'));
        onClose();
      } catch (error) {
        if (!applyCoreIssues(error, form.setError, (path) => fieldFor(path) as 'date' | null)) setFailure(error);
      }
    })();

  const answerError = (id: string) => (errors.answers as Record<string, { message?: string }> | undefined)?.[id];

  return (
    <form className="stack" noValidate onSubmit={(e) => { e.preventDefault(); void run(true); }}>
      {draft.restored ? <Alert tone="info">{t('draftRestored')}</Alert> : null}
      <p className="muted">{t('templateOf', { title: localized(template.title, lang), version: template.version })}</p>
      <div className="form-grid">
        <TextField type="date" label={t('fields.date')} required max={todayUtc()} error={errors.date} {...form.register('date')} />
      </div>

      <fieldset className="stack">
        <legend className="form-title">{t('participants.title')}</legend>
        <p className="muted">{t('participants.help')}</p>
        {participants.fields.map((field, index) => (
          <div key={field.id} className="form-grid">
            <SelectField label={t('participants.role')} {...form.register(`participants.${index}.role`)}>
              {participantRoles.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </SelectField>
            <TextField label={t('participants.name')} {...form.register(`participants.${index}.name`)} />
            <TextAreaField label={t('participants.perspective')} rows={2} {...form.register(`participants.${index}.perspective`)} />
            <Button size="sm" variant="ghost" onClick={() => participants.remove(index)}>
              {t('participants.remove')}
            </Button>
          </div>
        ))}
        <div>
          <Button size="sm" onClick={() => participants.append({ role: 'caregiver', name: '', perspective: '' })}>
            {t('participants.add')}
          </Button>
        </div>
      </fieldset>

      {definition.domains.map((domain) => {
        const score = scores.domains[domain.id];
        return (
          <section key={domain.id} className="card stack" aria-labelledby={`domain-${domain.id}`}>
            <div className="card__header">
              <h3 className="card__title" id={`domain-${domain.id}`}>
                {localized(domain.title, lang)}
              </h3>
              {score ? (
                <span className="muted" aria-live="polite">
                  {t('domainScore', { score: num(score.mean), answered: score.answered, total: score.total })}
                </span>
              ) : null}
            </div>
            {domain.questions.map((question) => (
              <Controller
                key={question.id}
                control={form.control}
                name={`answers.${question.id}`}
                render={({ field }) => (
                  <QuestionField
                    question={question}
                    value={field.value as Answer | undefined}
                    onChange={(v) => field.onChange(v)}
                    error={answerError(question.id)}
                    scaleLabels={definition.scaleLabels}
                    childBand={childBand}
                  />
                )}
              />
            ))}
          </section>
        );
      })}

      <ViewsAbsenceFields
        idPrefix="assessment"
        control={form.control}
        register={form.register}
        setValue={form.setValue}
        errors={errors}
        viewsField={
          <TextAreaField
            label={t('fields.childViews')}
            description={t('fields.childViewsHelp')}
            required={definition.childViewsRequired}
            rows={4}
            error={errors.childViews}
            {...form.register('childViews')}
          />
        }
      />
      <TextAreaField label={t('fields.summary')} rows={3} error={errors.summary} {...form.register('summary')} />
      {scores.overall !== null ? <p role="status">{t('overallScore', { score: num(scores.overall) })}</p> : null}
      <ErrorAlert error={failure} />
      <div className="dialog__footer">
        {draft.savedAt ? <span className="muted" role="status">{t('draftSaved')}</span> : null}
        <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
        <Button busy={isSubmitting && !save.variables?.complete} onClick={() => void run(false)}>
          {t('saveDraft')}
        </Button>
        <Button type="submit" variant="primary" busy={isSubmitting && Boolean(save.variables?.complete)}>
          {t('complete')}
        </Button>
      </div>
    </form>
  );
}

/** The score description (anchor) of a scale answer, when the factor has one. */
const chosenAnchor = (question: Question, answer: Answer | undefined) =>
  question.type === 'scale' && typeof answer === 'number' ? question.anchors?.[answer - SCALE_MIN] : undefined;

/** A completed assessment, read only: answers by domain, scores, who took part, the child's words. */
export function AssessmentView({ assessment }: { assessment: Assessment }) {
  const { t, i18n } = useTranslation('assessments');
  const lang = i18n.language;
  const num = useNumberFormat();
  const definition = assessment.template.definition;
  const show = (question: Question, answer: Answer | undefined): string => {
    if (answer === undefined || answer === null || answer === '') return '—';
    if (question.type === 'scale' && typeof answer === 'number') {
      const labels = question.scaleLabels ?? definition.scaleLabels;
      return `${num(answer)} · ${localized(labels[answer - SCALE_MIN], lang)}`;
    }
    if (typeof answer === 'boolean') return answer ? t('yes') : t('no');
    if (question.type === 'choice') {
      const picked = Array.isArray(answer) ? answer : [String(answer)];
      return picked.map((p) => localized(question.options?.find((o) => o.value === p)?.label, lang) || p).join(', ');
    }
    return String(answer);
  };
  return (
    <div className="stack">
      <p className="muted">{t('templateOf', { title: localized(assessment.template.title, lang), version: assessment.templateVersion })}</p>
      {assessment.participants.length > 0 ? (
        <section>
          <h3 className="form-title">{t('participants.title')}</h3>
          <ul className="plain-list">
            {assessment.participants.map((p, i) => (
              <li key={i}>
                <strong>{t(`roles.${p.role}`)}</strong>
                {p.name ? ` — ${p.name}` : ''}
                {p.perspective ? `: ${p.perspective}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {definition.domains.map((domain) => (
        <section key={domain.id}>
          <h3 className="form-title">
            {localized(domain.title, lang)}
            {assessment.scores.domains[domain.id] ? ` · ${t('score', { score: num(assessment.scores.domains[domain.id].mean) })}` : ''}
          </h3>
          <dl className="record-list">
            {domain.questions.map((q) => {
              // What the chosen score looks like for this factor, in the version it was made with.
              const anchor = chosenAnchor(q, assessment.answers[q.id]);
              return (
                <div key={q.id} className="record-list__pair">
                  <dt>{localized(q.label, lang)}</dt>
                  <dd dir="auto">
                    {show(q, assessment.answers[q.id])}
                    {anchor ? <span className="score-guide__chosen">{localized(anchor, lang)}</span> : null}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
      <section>
        <h3 className="form-title">{t('fields.childViews')}</h3>
        <blockquote className="child-words" dir="auto">{assessment.childViews || '—'}</blockquote>
      </section>
      {assessment.summary ? (
        <section>
          <h3 className="form-title">{t('fields.summary')}</h3>
          <p dir="auto">{assessment.summary}</p>
        </section>
      ) : null}
      {assessment.scores.overall !== null ? <p>{t('overallScore', { score: num(assessment.scores.overall) })}</p> : null}
    </div>
  );
}

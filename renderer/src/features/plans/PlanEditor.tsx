// DOM. The plan editor: SMART objectives grouped by well-being domain (add, remove, move between
// domains), family ownership, the contingency plan and legal guardianship. Saving makes (or updates)
// the draft version; the family's acknowledgement makes it the plan in force. Typing is kept as a
// draft in the core while the worker types, so closing the editor or the lock screen loses nothing.
import { ViewsAbsenceFields } from '../casework/ViewsAbsenceFields';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useFieldArray, useForm, useWatch, type Path, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '@shared/cases/contract';
import { objectiveStatuses, planContentSchema, wellbeingDomains, type PlanContent, type PlanContentInput, type WellbeingDomain } from '@shared/plans/schemas';
import { Button } from '../../ui/Button';
import { applyCoreIssues, formSchemaOptions } from '../../ui/errors';
import { CheckboxField, FieldErrorNamespace, SelectField, TextAreaField, TextField } from '../../ui/form/fields';
import { ErrorAlert } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { useFormDraft } from '../../ui/useDraft';
import { DraftStatus } from './DraftStatus';
import { planErrorPrefixes } from './kit';
import { usePlanMutation } from './queries';

export const editorDraftKey = (caseId: string) => `case:${caseId}:plans:editor`;

type Values = PlanContentInput;
type ObjectiveValues = Values['objectives'][number];

const blankObjective = (domain: WellbeingDomain): ObjectiveValues => ({
  domain,
  objective: '',
  indicator: '',
  targetDate: '',
  responsible: '',
  resources: '',
  partialSupport: null,
  status: 'not_started',
  confidential: false,
});

export const emptyPlan = (): Values => ({
  objectives: [],
  familyOwnership: '',
  contingencyPlan: '',
  guardianship: { currentHolder: '', returnsTo: '', returnsOn: null, notes: '' },
  childViews: '',
  childViewsAbsent: null,
});

function fieldFor(path: (string | number)[]): Path<Values> | null {
  const [root, ...rest] = path;
  if (root !== 'plan' || rest.length === 0) return null;
  const [first] = rest;
  if (first === 'objectives' && rest.length >= 3) return rest.slice(0, 3).join('.') as Path<Values>;
  if (first === 'objectives') return null;
  if (first === 'familyOwnership' || first === 'contingencyPlan') return first;
  if (first === 'guardianship' && rest.length === 2) return `guardianship.${String(rest[1])}` as Path<Values>;
  return null;
}

type EditorForm = UseFormReturn<Values, unknown, PlanContent>;

/** One objective of the editor; watches only its own fields, so typing re-renders one row. */
function ObjectiveRow({ form, index, onRemove, onDomainChange }: { form: EditorForm; index: number; onRemove: () => void; onDomainChange: () => void }) {
  const { t } = useTranslation('plans');
  const { register, control, setValue, formState } = form;
  const rowErrors = formState.errors.objectives?.[index];
  const watched = useWatch({ control, name: `objectives.${index}.partialSupport` }) ?? null;
  // Whether the family pays a share is this row's own state: the nested object appears and
  // disappears with it, and a watcher of a path that is not a registered field may not re-render.
  const [partialOn, setPartialOn] = useState(watched !== null);
  const text = useWatch({ control, name: `objectives.${index}.objective` });
  const label = text || t('editor.objectiveNumber', { number: index + 1 });
  return (
    <fieldset className="plan-objective">
      <legend>{label}</legend>
      <div className="form-grid">
        <SelectField label={t('objective.domain')} required error={rowErrors?.domain} {...register(`objectives.${index}.domain`, { onChange: onDomainChange })}>
          {wellbeingDomains.map((d) => (
            <option key={d} value={d}>
              {t(`domains.${d}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('objective.status')} error={rowErrors?.status} {...register(`objectives.${index}.status`)}>
          {objectiveStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField label={t('objective.objective')} description={t('objective.objectiveHelp')} required rows={2} error={rowErrors?.objective} {...register(`objectives.${index}.objective`)} />
      <TextAreaField label={t('objective.indicator')} description={t('objective.indicatorHelp')} required rows={2} error={rowErrors?.indicator} {...register(`objectives.${index}.indicator`)} />
      <div className="form-grid">
        <TextField type="date" label={t('objective.targetDate')} required error={rowErrors?.targetDate} {...register(`objectives.${index}.targetDate`)} />
        <TextField label={t('objective.responsible')} description={t('objective.responsibleHelp')} required error={rowErrors?.responsible} {...register(`objectives.${index}.responsible`)} />
      </div>
      <TextAreaField label={t('objective.resources')} description={t('objective.resourcesHelp')} rows={2} error={rowErrors?.resources} {...register(`objectives.${index}.resources`)} />
      <CheckboxField label={t('objective.confidential')} description={t('objective.confidentialHelp')} {...register(`objectives.${index}.confidential`)} />
      <CheckboxField
        label={t('objective.hasPartialSupport')}
        description={t('objective.partialSupportHelp')}
        checked={partialOn}
        onChange={(event) => {
          const on = event.target.checked;
          setPartialOn(on);
          setValue(`objectives.${index}.partialSupport`, on ? { what: watched?.what ?? '', familyShare: watched?.familyShare ?? '' } : null, { shouldDirty: true });
        }}
      />
      {partialOn ? (
        <div className="form-grid">
          <TextField label={t('objective.partialWhat')} required error={rowErrors?.partialSupport?.what} {...register(`objectives.${index}.partialSupport.what`)} />
          <TextField
            label={t('objective.partialShare')}
            description={t('objective.partialShareHelp')}
            required
            error={rowErrors?.partialSupport?.familyShare}
            {...register(`objectives.${index}.partialSupport.familyShare`)}
          />
        </div>
      ) : null}
      <div className="row row--end">
        <Button size="sm" variant="ghost" className="btn--danger-text" onClick={onRemove} aria-label={t('editor.removeObjectiveNamed', { objective: label })}>
          {t('editor.removeObjective')}
        </Button>
      </div>
    </fieldset>
  );
}

export function PlanEditor({
  caseFile,
  start,
  expectedRevision,
  basedOn,
  onClose,
}: {
  caseFile: CaseFile;
  start: Values;
  expectedRevision: number | null;
  basedOn: number | null;
  onClose: () => void;
}) {
  const { t } = useTranslation(['plans', 'common']);
  const toast = useToast();
  const [failure, setFailure] = useState<unknown>(null);
  const [newDomain, setNewDomain] = useState<WellbeingDomain>('education_skills');
  const form = useForm<Values, unknown, PlanContent>({
    resolver: zodResolver(planContentSchema, formSchemaOptions),
    defaultValues: start,
    // Errors after the first save, then as the worker fixes them. Validating on blur would flag the
    // untouched fields of the same objective row (the resolver validates the row as one).
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { register, control, formState, setFocus, handleSubmit, setError } = form;
  const { errors, isSubmitting } = formState;
  const objectives = useFieldArray({ control, name: 'objectives' });
  const values = useWatch({ control, name: 'objectives' });
  const autosave = useFormDraft(form, editorDraftKey(caseFile.id));
  const save = usePlanMutation(caseFile.id, 'plans.saveDraft');

  const submit = handleSubmit(async (plan) => {
    setFailure(null);
    try {
      await save.mutateAsync({ expectedRevision, plan });
      await autosave.discard();
      toast.show(t('editor.saved'));
      onClose();
    } catch (error) {
      if (!applyCoreIssues(error, setError, fieldFor)) setFailure(error);
    }
  });

  const add = () => {
    objectives.append(blankObjective(newDomain), { shouldFocus: false });
    const index = objectives.fields.length;
    window.setTimeout(() => setFocus(`objectives.${index}.objective`), 0);
  };

  const moveDomain = (index: number) => {
    // The row moves to its new domain's group; keep the keyboard where it was.
    window.setTimeout(() => setFocus(`objectives.${index}.domain`), 0);
  };

  const discardTyping = async () => {
    await autosave.discard();
    onClose();
  };

  const rows = objectives.fields.map((field, index) => ({ field, index, domain: (values?.[index]?.domain ?? field.domain) as WellbeingDomain }));

  return (
    <FieldErrorNamespace ns="plans" prefixes={planErrorPrefixes}>
      <form className="stack" noValidate onSubmit={submit} aria-labelledby="plan-editor-title">
        <div className="row row--between">
          <h3 id="plan-editor-title" className="card__title">
            {basedOn ? t('editor.titleRevision', { version: basedOn }) : t('editor.title')}
          </h3>
          <DraftStatus restored={autosave.restored} savedAt={autosave.savedAt} restoredText={t('editor.draftRestored')} savedText={t('editor.draftSaved')} />
        </div>
        <p className="muted">{t('editor.intro')}</p>

        <section aria-labelledby="plan-objectives-title" className="stack">
          <h4 id="plan-objectives-title">{t('view.objectives')}</h4>
          {rows.length === 0 ? <p className="muted">{t('editor.noObjectives')}</p> : null}
          {wellbeingDomains
            .filter((domain) => rows.some((r) => r.domain === domain))
            .map((domain) => (
              <section key={domain} className="plan-domain" aria-label={t(`domains.${domain}`)}>
                <h4>{t(`domains.${domain}`)}</h4>
                {rows
                  .filter((r) => r.domain === domain)
                  .map(({ field, index }) => (
                    <ObjectiveRow key={field.id} form={form} index={index} onRemove={() => objectives.remove(index)} onDomainChange={() => moveDomain(index)} />
                  ))}
              </section>
            ))}
          <div className="row">
            <label className="visually-hidden" htmlFor="plan-new-domain">
              {t('editor.newObjectiveDomain')}
            </label>
            <select id="plan-new-domain" className="input select" value={newDomain} onChange={(e) => setNewDomain(e.target.value as WellbeingDomain)}>
              {wellbeingDomains.map((d) => (
                <option key={d} value={d}>
                  {t(`domains.${d}`)}
                </option>
              ))}
            </select>
            <Button onClick={add}>{t('editor.addObjective')}</Button>
          </div>
        </section>

        <TextAreaField label={t('editor.familyOwnership')} description={t('editor.familyOwnershipHelp')} rows={3} error={errors.familyOwnership} {...register('familyOwnership')} />
        <ViewsAbsenceFields
          idPrefix="plan"
          control={form.control}
          register={register}
          setValue={form.setValue}
          errors={errors}
          viewsField={<TextAreaField label={t('editor.childViews')} description={t('editor.childViewsHelp')} rows={3} error={errors.childViews} {...register('childViews')} />}
        />
        <TextAreaField
          id="plan-editor-contingency"
          label={t('editor.contingencyPlan')}
          description={t('editor.contingencyHelp')}
          rows={4}
          error={errors.contingencyPlan}
          {...register('contingencyPlan')}
        />
        <fieldset className="stack plan-objective">
          <legend>{t('editor.guardianship')}</legend>
          <div className="form-grid">
            <TextField label={t('editor.currentHolder')} description={t('editor.currentHolderHelp')} error={errors.guardianship?.currentHolder} {...register('guardianship.currentHolder')} />
            <TextField label={t('editor.returnsTo')} error={errors.guardianship?.returnsTo} {...register('guardianship.returnsTo')} />
            <TextField type="date" label={t('editor.returnsOn')} error={errors.guardianship?.returnsOn} {...register('guardianship.returnsOn', { setValueAs: (v: string | null) => v || null })} />
          </div>
          <TextAreaField label={t('editor.guardianshipNotes')} description={t('editor.guardianshipNotesHelp')} rows={2} error={errors.guardianship?.notes} {...register('guardianship.notes')} />
        </fieldset>

        <ErrorAlert error={failure} />
        <div className="row row--end">
          <Button variant="ghost" onClick={() => void discardTyping()}>
            {t('editor.discardTyping')}
          </Button>
          <Button onClick={onClose}>{t('editor.close')}</Button>
          <Button type="submit" variant="primary" busy={isSubmitting}>
            {t('editor.save')}
          </Button>
        </div>
      </form>
    </FieldErrorNamespace>
  );
}

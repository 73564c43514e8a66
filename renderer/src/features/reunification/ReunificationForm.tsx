// DOM. The reunification record form: the date, the caregivers' written willingness, guardianship,
// the child's own choices, the package, service enrolments and the handover. Text is kept as a
// draft while the worker types (the signature or scan is not: files stay out of drafts).
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { z } from 'zod';
import type { CaseFile } from '@shared/cases/contract';
import { enrolmentServices, reunificationFieldsSchema, type ReunificationRecord } from '@shared/reunification/contract';
import { isApiError } from '../../api';
import { Button } from '../../ui/Button';
import { applyCoreIssues, formSchemaOptions } from '../../ui/errors';
import { FieldErrorNamespace, SelectField, TextAreaField, TextField } from '../../ui/form/fields';
import { todayUtc } from '../../ui/format';
import { Alert, ErrorAlert } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { useFormDraft } from '../../ui/useDraft';
import { contactErrorPrefixes } from '../contacts/formKit';
import { useSaveReunification, useStaff } from './queries';
import { WillingnessDocumentField } from './WillingnessDocument';

type FormInput = z.input<typeof reunificationFieldsSchema>;
type FormOutput = z.output<typeof reunificationFieldsSchema>;

// Files stay out of drafts: they can be large, and are chosen again in a moment.
const withoutDocument = (values: FormInput): FormInput => ({ ...values, willingness: { ...values.willingness, document: undefined } });

const nullIfEmpty = (value: unknown) => (value === '' || value === undefined ? null : value);

function defaultsFrom(record: ReunificationRecord | null): FormInput {
  return {
    reunifiedOn: record?.reunifiedOn ?? '',
    willingness: {
      statedBy: record?.willingness.statedBy ?? '',
      statedOn: record?.willingness.statedOn ?? null,
      statement: record?.willingness.statement ?? '',
      document: undefined,
    },
    guardianship: {
      from: record?.guardianship.from ?? '',
      to: record?.guardianship.to ?? '',
      transferredOn: record?.guardianship.transferredOn ?? null,
      reference: record?.guardianship.reference ?? '',
    },
    accompaniedBy: record?.accompaniedBy ?? '',
    childChoices: record?.childChoices ?? '',
    packageItems: record?.packageItems ?? [],
    enrolments: record?.enrolments ?? [],
    handoverToId: null,
    handoverNotes: record?.handoverNotes ?? '',
    notes: record?.notes ?? '',
  };
}

const formPaths = /^(reunifiedOn|willingness\.(statedBy|statedOn|statement)|guardianship\.\w+|accompaniedBy|childChoices|packageItems\.\d+\.\w+|enrolments\.\d+\.\w+|handoverToId|handoverNotes|notes)$/u;

export function ReunificationForm({ caseFile, record, onDone }: { caseFile: CaseFile; record: ReunificationRecord | null; onDone: () => void }) {
  const { t } = useTranslation('reunification');
  const toast = useToast();
  const navigate = useNavigate();
  const caseId = caseFile.id;
  const save = useSaveReunification(caseId);
  const staff = useStaff(true);
  const [failure, setFailure] = useState<unknown>(null);
  const [documentError, setDocumentError] = useState<string | undefined>();
  const [defaults] = useState(() => defaultsFrom(record));
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(reunificationFieldsSchema, formSchemaOptions),
    defaultValues: defaults,
    mode: 'onTouched',
  });
  const draft = useFormDraft(form, `case:${caseId}:reunification:record`, { toDraft: withoutDocument });
  const items = useFieldArray({ control: form.control, name: 'packageItems' });
  const enrolments = useFieldArray({ control: form.control, name: 'enrolments' });
  const [handoverToId, services] = useWatch({ control: form.control, name: ['handoverToId', 'enrolments'] });
  const { errors, isSubmitting } = form.formState;
  const handoverTo = staff.data?.find((s) => s.id === handoverToId);

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    setDocumentError(undefined);
    try {
      const result = await save.mutateAsync({ ...values, version: record?.version ?? null });
      await draft.discard();
      if (!result.stillAssigned) {
        toast.show(t('saved.handedOver', { name: result.record.handover?.toName ?? '' }), 'info');
        navigate('/');
        return;
      }
      toast.show(t('saved.ok'));
      onDone();
    } catch (error) {
      if (isApiError(error, 'VALIDATION') && error.issues.some((i) => i.path.join('.') === 'willingness.document.dataBase64')) {
        setDocumentError('fileType');
        return;
      }
      const matched = applyCoreIssues(error, form.setError, (path) => {
        const joined = path.join('.');
        return formPaths.test(joined) ? (joined as Path<FormInput>) : null;
      });
      if (!matched) setFailure(error);
    }
  });

  const staffOptions = (staff.data ?? []).filter((s) => s.id !== caseFile.workerId);

  return (
    <FieldErrorNamespace ns="reunification" prefixes={contactErrorPrefixes}>
      <form className="stack reunification-form" noValidate onSubmit={submit}>
        {draft.restoredAt ? (
          <div className="alert alert--info draft-note" role="status">
            <span>{t('draft.restored')}</span>
            <Button size="sm" variant="ghost" onClick={() => void draft.discard().then(() => form.reset(defaults))}>
              {t('draft.discard')}
            </Button>
          </div>
        ) : null}

        <section className="form-section" aria-labelledby="reunification-date">
          <h3 className="form-section__title" id="reunification-date">
            {t('sections.date')}
          </h3>
          <TextField
            label={t('fields.reunifiedOn')}
            description={t('fields.reunifiedOnHelp')}
            type="date"
            required
            max={todayUtc()}
            error={errors.reunifiedOn}
            {...form.register('reunifiedOn', { setValueAs: nullIfEmpty })}
          />
        </section>

        <section className="form-section" aria-labelledby="reunification-willingness">
          <h3 className="form-section__title" id="reunification-willingness">
            {t('sections.willingness')}
          </h3>
          <p className="muted">{t('willingness.intro')}</p>
          <div className="form-grid">
            <TextField
              label={t('fields.statedBy')}
              description={t('fields.statedByHelp')}
              autoComplete="off"
              error={errors.willingness?.statedBy}
              {...form.register('willingness.statedBy')}
            />
            <TextField label={t('fields.statedOn')} type="date" max={todayUtc()} error={errors.willingness?.statedOn} {...form.register('willingness.statedOn', { setValueAs: nullIfEmpty })} />
          </div>
          <TextAreaField rows={3} label={t('fields.statement')} description={t('fields.statementHelp')} error={errors.willingness?.statement} {...form.register('willingness.statement')} />
          <Controller
            control={form.control}
            name="willingness.document"
            render={({ field }) => (
              <WillingnessDocumentField
                caseId={caseId}
                onFile={record?.willingness.document ?? null}
                value={field.value}
                onChange={(value) => {
                  setDocumentError(undefined);
                  field.onChange(value);
                }}
                serverError={documentError}
              />
            )}
          />
        </section>

        <section className="form-section" aria-labelledby="reunification-guardianship">
          <h3 className="form-section__title" id="reunification-guardianship">
            {t('sections.guardianship')}
          </h3>
          <p className="muted">{t('guardianship.intro')}</p>
          <div className="form-grid">
            <TextField label={t('fields.guardianFrom')} autoComplete="off" error={errors.guardianship?.from} {...form.register('guardianship.from')} />
            <TextField label={t('fields.guardianTo')} autoComplete="off" error={errors.guardianship?.to} {...form.register('guardianship.to')} />
          </div>
          <div className="form-grid">
            <TextField
              label={t('fields.transferredOn')}
              type="date"
              max={todayUtc()}
              error={errors.guardianship?.transferredOn}
              {...form.register('guardianship.transferredOn', { setValueAs: nullIfEmpty })}
            />
            <TextField label={t('fields.reference')} autoComplete="off" error={errors.guardianship?.reference} {...form.register('guardianship.reference')} />
          </div>
        </section>

        <section className="form-section" aria-labelledby="reunification-child">
          <h3 className="form-section__title" id="reunification-child">
            {t('sections.child')}
          </h3>
          <TextField label={t('fields.accompaniedBy')} autoComplete="off" error={errors.accompaniedBy} {...form.register('accompaniedBy')} />
          <TextAreaField rows={3} label={t('fields.childChoices')} description={t('fields.childChoicesHelp')} error={errors.childChoices} {...form.register('childChoices')} />
        </section>

        <section className="form-section" aria-labelledby="reunification-package">
          <h3 className="form-section__title" id="reunification-package">
            {t('sections.package')}
          </h3>
          {items.fields.length === 0 ? <p className="muted">{t('package.empty')}</p> : null}
          <ol className="reunification-rows stacked-list">
            {items.fields.map((row, index) => (
              <li key={row.id} className="reunification-row reunification-row--package">
                <TextField label={t('fields.item')} required autoComplete="off" error={errors.packageItems?.[index]?.item} {...form.register(`packageItems.${index}.item`)} />
                <TextField
                  label={t('fields.quantity')}
                  type="number"
                  min={1}
                  required
                  error={errors.packageItems?.[index]?.quantity}
                  {...form.register(`packageItems.${index}.quantity`, { valueAsNumber: true })}
                />
                <TextField label={t('fields.providedBy')} description={t('fields.providedByHelp')} autoComplete="off" error={errors.packageItems?.[index]?.providedBy} {...form.register(`packageItems.${index}.providedBy`)} />
                <Button size="sm" variant="ghost" className="reunification-row__remove" onClick={() => items.remove(index)} aria-label={t('package.remove', { n: index + 1 })}>
                  {t('rows.remove')}
                </Button>
              </li>
            ))}
          </ol>
          <Button size="sm" onClick={() => items.append({ item: '', quantity: 1, providedBy: '' })} disabled={items.fields.length >= 60}>
            {t('package.add')}
          </Button>
        </section>

        <section className="form-section" aria-labelledby="reunification-enrolments">
          <h3 className="form-section__title" id="reunification-enrolments">
            {t('sections.enrolments')}
          </h3>
          <p className="muted">{t('enrolments.intro')}</p>
          {enrolments.fields.length === 0 ? <p className="muted">{t('enrolments.empty')}</p> : null}
          <ol className="reunification-rows stacked-list">
            {enrolments.fields.map((row, index) => (
              <li key={row.id} className="reunification-row reunification-row--enrolment">
                <SelectField label={t('fields.service')} required error={errors.enrolments?.[index]?.service} {...form.register(`enrolments.${index}.service`)}>
                  {enrolmentServices.map((s) => (
                    <option key={s} value={s}>
                      {t(`services.${s}`)}
                    </option>
                  ))}
                </SelectField>
                {services?.[index]?.service === 'other' ? (
                  <TextField label={t('fields.serviceOther')} required autoComplete="off" error={errors.enrolments?.[index]?.serviceOther} {...form.register(`enrolments.${index}.serviceOther`)} />
                ) : null}
                <TextField label={t('fields.provider')} autoComplete="off" error={errors.enrolments?.[index]?.provider} {...form.register(`enrolments.${index}.provider`)} />
                <TextField
                  label={t('fields.enrolledOn')}
                  type="date"
                  error={errors.enrolments?.[index]?.enrolledOn}
                  {...form.register(`enrolments.${index}.enrolledOn`, { setValueAs: nullIfEmpty })}
                />
                <TextAreaField label={t('fields.enrolmentNotes')} rows={2} className="reunification-row__wide" error={errors.enrolments?.[index]?.notes} {...form.register(`enrolments.${index}.notes`)} />
                <Button size="sm" variant="ghost" className="reunification-row__remove" onClick={() => enrolments.remove(index)} aria-label={t('enrolments.remove', { n: index + 1 })}>
                  {t('rows.remove')}
                </Button>
              </li>
            ))}
          </ol>
          <Button
            size="sm"
            onClick={() => enrolments.append({ service: 'school', serviceOther: '', provider: '', enrolledOn: null, notes: '' })}
            disabled={enrolments.fields.length >= 20}
          >
            {t('enrolments.add')}
          </Button>
        </section>

        <section className="form-section" aria-labelledby="reunification-handover">
          <h3 className="form-section__title" id="reunification-handover">
            {t('sections.handover')}
          </h3>
          {record?.handover ? <p className="muted">{t('handover.previous', { from: record.handover.fromName ?? '—', to: record.handover.toName ?? '—' })}</p> : null}
          <SelectField
            label={t('fields.handoverTo')}
            description={t('fields.handoverToHelp', { name: caseFile.workerName ?? '—' })}
            error={errors.handoverToId}
            disabled={staff.isPending}
            {...form.register('handoverToId', { setValueAs: nullIfEmpty })}
          >
            <option value="">{t('handover.none')}</option>
            {staffOptions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.displayName} — {t(`handover.roles.${s.role}`)}
              </option>
            ))}
          </SelectField>
          {handoverTo ? (
            <Alert tone="warning" live>
              {t('handover.warning', { name: handoverTo.displayName })}
            </Alert>
          ) : null}
          <TextAreaField rows={3} label={t('fields.handoverNotes')} description={t('fields.handoverNotesHelp')} error={errors.handoverNotes} {...form.register('handoverNotes')} />
        </section>

        <TextAreaField rows={3} label={t('fields.notes')} error={errors.notes} {...form.register('notes')} />

        <ErrorAlert error={failure} />
        {isApiError(failure, 'CONFLICT') ? <p className="muted">{t('conflict')}</p> : null}
        <div className="row row--end">
          {record ? <Button onClick={onDone}>{t('common:actions.cancel')}</Button> : null}
          <Button type="submit" variant="primary" busy={isSubmitting}>
            {record ? t('actions.save') : t('actions.create')}
          </Button>
        </div>
      </form>
    </FieldErrorNamespace>
  );
}

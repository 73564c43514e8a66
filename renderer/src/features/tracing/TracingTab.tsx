// DOM. The tracing log of a case: the family outcome at the top, every action in a table (newest
// first), and a form to record or correct an action (kept as a draft while typing).
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { CaseFile } from '@shared/cases/contract';
import { countryCode, tracingActionFields, tracingMethods, tracingResults, type TracingAction } from '@shared/tracing/contract';
import { call } from '../../api';
import { useInvalidateCase } from '../../app/caseCache';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { applyCoreIssues, formSchemaOptions, topLevelField } from '../../ui/errors';
import { FieldErrorNamespace, SelectField, TextAreaField, TextField } from '../../ui/form/fields';
import { FormFooter } from '../../ui/form/FormFooter';
import { todayUtc, useDayFormat } from '../../ui/format';
import { Alert, Badge, Card, ErrorAlert, Loading } from '../../ui/misc';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';
import { useFormDraft } from '../../ui/useDraft';
import { stageOneKey } from '../assessments/kit';
import { useResumeOnUnlock } from '../../ui/useResumeOnUnlock';
import { UserText } from '../../ui/UserText';

// The form lets the country stay empty (the office's country); the core gets it left out.
const formSchema = tracingActionFields.extend({ country: z.union([z.literal(''), countryCode]) });
type Values = z.input<typeof formSchema>;
const blank = (): Values => ({ date: todayUtc(), method: 'home_visit', methodOther: '', place: '', area: '', country: '', personContacted: '', result: 'lead', notes: '' });
const actionField = topLevelField(Object.keys(blank()) as (keyof Values)[], 'action');

function ActionForm({ caseFile, action, onClose }: { caseFile: CaseFile; action: TracingAction | null; onClose: () => void }) {
  const { t } = useTranslation(['tracing', 'common']);
  const toast = useToast();
  const invalidate = useInvalidateCase(caseFile.id);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<Values, unknown, z.output<typeof formSchema>>({
    resolver: zodResolver(formSchema, formSchemaOptions),
    defaultValues: action
      ? { date: action.date, method: action.method, methodOther: action.methodOther, place: action.place, area: action.area, country: action.country, personContacted: action.personContacted, result: action.result, notes: action.notes }
      : blank(),
    mode: 'onTouched',
  });
  const draft = useFormDraft(form, `case:${caseFile.id}:tracing:${action ? action.id : 'new'}`);
  const { errors, isSubmitting } = form.formState;
  const method = useWatch({ control: form.control, name: 'method' });

  const save = useMutation({
    mutationFn: (fields: z.output<typeof formSchema>) => {
      const payload = { ...fields, country: fields.country || undefined };
      return action
        ? call('tracing.update', { caseId: caseFile.id, actionId: action.id, version: action.version, action: payload })
        : call('tracing.add', { caseId: caseFile.id, action: payload });
    },
  });
  const submit = form.handleSubmit(async (fields) => {
    setFailure(null);
    try {
      await save.mutateAsync(fields);
      await draft.discard();
      invalidate();
      toast.show(t('saved'));
      onClose();
    } catch (error) {
      if (!applyCoreIssues(error, form.setError, actionField)) setFailure(error);
    }
  });

  return (
    <form className="stack" noValidate onSubmit={submit}>
      {draft.restored ? <Alert tone="info">{t('draftRestored')}</Alert> : null}
      <div className="form-grid">
        <TextField type="date" label={t('fields.date')} required max={todayUtc()} error={errors.date} {...form.register('date')} />
        <SelectField label={t('fields.method')} required error={errors.method} {...form.register('method')}>
          {tracingMethods.map((m) => (
            <option key={m} value={m}>
              {t(`methods.${m}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {method === 'other' ? <TextField label={t('fields.methodOther')} error={errors.methodOther} {...form.register('methodOther')} /> : null}
      <div className="form-grid">
        <TextField label={t('fields.place')} error={errors.place} {...form.register('place')} />
        <TextField label={t('fields.area')} description={t('fields.areaHelp')} error={errors.area} {...form.register('area')} />
        <TextField
          label={t('fields.country')}
          description={t('fields.countryHelp')}
          maxLength={2}
          autoCapitalize="characters"
          className="field--narrow"
          error={errors.country}
          {...form.register('country')}
        />
      </div>
      <div className="form-grid">
        <TextField label={t('fields.personContacted')} error={errors.personContacted} {...form.register('personContacted')} />
        <SelectField label={t('fields.result')} required error={errors.result} {...form.register('result')}>
          {tracingResults.map((r) => (
            <option key={r} value={r}>
              {t(`results.${r}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField label={t('fields.notes')} rows={4} error={errors.notes} {...form.register('notes')} />
      <ErrorAlert error={failure} />
      <FormFooter submit={t('save')} busy={isSubmitting} onCancel={onClose} savedText={draft.savedAt ? t('draftSaved') : null} />
    </form>
  );
}

function RemoveDialog({ caseFile, action, onClose }: { caseFile: CaseFile; action: TracingAction; onClose: () => void }) {
  const { t } = useTranslation(['tracing', 'common']);
  const invalidate = useInvalidateCase(caseFile.id);
  const remove = useMutation({
    mutationFn: (reason: string) => call('tracing.remove', { caseId: caseFile.id, actionId: action.id, reason }),
    onSuccess: () => {
      invalidate();
      onClose();
    },
  });
  return (
    <ReasonDialog
      title={t('remove.title')}
      description={t('remove.description')}
      reasonLabel={t('remove.reason')}
      submit={t('remove.submit')}
      busy={remove.isPending}
      error={remove.error}
      onConfirm={(reason) => remove.mutate(reason)}
      onClose={onClose}
    />
  );
}

export default function TracingTab({ caseFile }: { caseFile: CaseFile }) {
  const { t } = useTranslation('tracing');
  const day = useDayFormat();
  const [editing, setEditing] = useState<TracingAction | 'new' | null>(null);
  useResumeOnUnlock(`case:${caseFile.id}:tracing:new`, () => setEditing('new'));
  const [removing, setRemoving] = useState<TracingAction | null>(null);
  const log = useQuery({ queryKey: stageOneKey(caseFile.id, 'tracing'), queryFn: () => call('tracing.list', { caseId: caseFile.id }) });

  if (log.isPending) return <Loading />;
  if (log.isError) return <ErrorAlert error={log.error} />;
  const { actions, outcome } = log.data;

  return (
    <FieldErrorNamespace ns="tracing">
    <div className="stack">
      <Card
        title={t('title')}
        actions={
          caseFile.canWrite ? (
            <Button variant="primary" onClick={() => setEditing('new')}>
              {t('add')}
            </Button>
          ) : null
        }
      >
        <p className="muted">{t('description')}</p>
        <p role="status">
          {outcome.familyFound ? (
            <Badge tone="success">{t('outcome.found', { date: day(outcome.foundOn) })}</Badge>
          ) : (
            <Badge tone="warning">{outcome.lastOutcome ? t('outcome.notFoundAfter', { result: t(`results.${outcome.lastOutcome}`) }) : t('outcome.notFound')}</Badge>
          )}
        </p>
        <Table
          caption={t('log')}
          captionHidden
          label={t('log')}
          rows={actions}
          rowKey={(a) => a.id}
          empty={t('empty')}
          columns={[
            { key: 'date', header: t('fields.date'), cell: (a) => day(a.date), className: 'cell-nowrap', rowHeader: true },
            { key: 'method', header: t('fields.method'), cell: (a) => (a.method === 'other' && a.methodOther ? a.methodOther : t(`methods.${a.method}`)) },
            { key: 'where', header: t('fields.where'), cell: (a) => <UserText>{[a.place, a.area, a.country].filter(Boolean).join(', ')}</UserText> },
            { key: 'person', header: t('fields.personContacted'), cell: (a) => (a.personContacted ? <UserText>{a.personContacted}</UserText> : '—') },
            {
              key: 'result',
              header: t('fields.result'),
              // The result once: "Family found" as the badge, not as text and badge side by side.
              cell: (a) =>
                a.establishesFound && a.result === 'family_found' ? (
                  <Badge tone="success">{t('results.family_found')}</Badge>
                ) : (
                  <>
                    {t(`results.${a.result}`)} {a.establishesFound ? <Badge tone="success">{t('establishesFound')}</Badge> : null}
                  </>
                ),
            },
            { key: 'notes', header: t('fields.notes'), cell: (a) => (a.notes ? <UserText as="span">{a.notes}</UserText> : '—') },
            { key: 'by', header: t('recordedBy'), cell: (a) => (a.recordedBy ? <UserText>{a.recordedBy}</UserText> : '—') },
            ...(caseFile.canWrite
              ? [
                  {
                    key: 'actions',
                    header: <span className="visually-hidden">{t('rowActions')}</span>,
                    className: 'cell-actions',
                    cell: (a: TracingAction) => (
                      <div className="row-actions">
                        <Button size="sm" variant="ghost" onClick={() => setEditing(a)} aria-label={t('editAction', { date: day(a.date) })}>
                          {t('edit')}
                        </Button>
                        <Button size="sm" variant="ghost" onClick={() => setRemoving(a)} aria-label={t('removeAction', { date: day(a.date) })}>
                          {t('remove.submit')}
                        </Button>
                      </div>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Dialog open={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('add') : t('edit')}>
        {editing !== null ? <ActionForm caseFile={caseFile} action={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      </Dialog>
      {removing ? <RemoveDialog caseFile={caseFile} action={removing} onClose={() => setRemoving(null)} /> : null}
    </div>
    </FieldErrorNamespace>
  );
}

// DOM. The preparation forms: the care arrangement while the child waits, one checklist item, and
// who will monitor after reunification. Each keeps the worker's typing as a draft in the core.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CaseFile } from '@shared/cases/contract';
import type { CareArrangementRecord, Monitor, PreparationItem } from '@shared/preparation/contract';
import {
  careArrangementFormSchema,
  monitorFormSchema,
  monitorRoles,
  preparationAreas,
  preparationItemFormSchema,
  preparationItemStatuses,
  waitingArrangements,
  type PreparationArea,
} from '@shared/preparation/schemas';
import { Dialog } from '../../ui/Dialog';
import { applyCoreIssues, formSchemaOptions, topLevelField } from '../../ui/errors';
import { CheckboxField, FieldErrorNamespace, SelectField, TextAreaField, TextField } from '../../ui/form/fields';
import { FormFooter } from '../../ui/form/FormFooter';
import { todayUtc } from '../../ui/format';
import { ErrorAlert } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { useFormDraft } from '../../ui/useDraft';
import { DraftStatus } from '../plans/DraftStatus';
import { planErrorPrefixes } from '../plans/kit';
import { usePreparationMutation } from './queries';

const topLevel = <K extends string>(keys: readonly K[]) => topLevelField(keys, 'item');

type CareValues = z.input<typeof careArrangementFormSchema>;

function CareForm({ caseFile, current, onClose }: { caseFile: CaseFile; current: CareArrangementRecord | null; onClose: () => void }) {
  const { t } = useTranslation('preparation');
  const toast = useToast();
  const [failure, setFailure] = useState<unknown>(null);
  const save = usePreparationMutation(caseFile.id, 'preparation.setCareArrangement');
  const form = useForm<CareValues, unknown, z.output<typeof careArrangementFormSchema>>({
    resolver: zodResolver(careArrangementFormSchema, formSchemaOptions),
    defaultValues: {
      arrangement: (waitingArrangements as readonly string[]).includes(current?.arrangement ?? '') ? (current!.arrangement as CareValues['arrangement']) : 'kinship_care',
      place: current?.place ?? '',
      distanceKm: current?.distanceKm ?? null,
      since: todayUtc(),
      closeToHome: current?.closeToHome ?? false,
      confidential: current?.confidential ?? false,
      notes: '',
    },
    mode: 'onTouched',
  });
  const { register, handleSubmit, setError, formState } = form;
  const { errors, isSubmitting } = formState;
  const autosave = useFormDraft(form, `case:${caseFile.id}:preparation:care`);
  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await save.mutateAsync(values);
      await autosave.discard();
      toast.show(t('care.saved'));
      onClose();
    } catch (error) {
      if (!applyCoreIssues(error, setError, topLevel(['arrangement', 'place', 'distanceKm', 'since', 'closeToHome', 'notes'] as const))) setFailure(error);
    }
  });
  return (
    <form className="stack" noValidate onSubmit={submit}>
      <DraftStatus restored={autosave.restored} savedAt={null} restoredText={t('draftRestored')} savedText="" />
      <div className="form-grid">
        <SelectField label={t('care.arrangement')} required error={errors.arrangement} {...register('arrangement')}>
          {waitingArrangements.map((a) => (
            <option key={a} value={a}>
              {t(`arrangements.${a}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('care.place')} description={t('care.placeHelp')} required error={errors.place} {...register('place')} />
      </div>
      <div className="form-grid">
        <TextField
          type="number"
          inputMode="decimal"
          min={0}
          step="0.1"
          label={t('care.distance')}
          description={t('care.distanceHelp')}
          error={errors.distanceKm}
          {...register('distanceKm', { setValueAs: (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v)) })}
        />
        <TextField type="date" label={t('care.since')} required max={todayUtc()} error={errors.since} {...register('since')} />
      </div>
      <CheckboxField label={t('care.closeToHome')} description={t('care.closeToHomeHelp')} error={errors.closeToHome} {...register('closeToHome')} />
      <CheckboxField label={t('fields.confidential')} error={errors.confidential} {...register('confidential')} />
      <TextAreaField label={t('care.notes')} rows={3} error={errors.notes} {...register('notes')} />
      <ErrorAlert error={failure} />
      <FormFooter submit={t('care.save')} busy={isSubmitting} onCancel={onClose} savedText={autosave.savedAt ? t('draftSaved') : null} />
    </form>
  );
}

export function CareDialog({ caseFile, current, open, onClose }: { caseFile: CaseFile; current: CareArrangementRecord | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('preparation');
  return (
    <Dialog open={open} onClose={onClose} title={current ? t('care.change') : t('care.record')} description={t('care.description')}>
      <FieldErrorNamespace ns="preparation" prefixes={planErrorPrefixes}>
        <CareForm caseFile={caseFile} current={current} onClose={onClose} />
      </FieldErrorNamespace>
    </Dialog>
  );
}

type ItemValues = z.input<typeof preparationItemFormSchema>;

function ItemForm({ caseFile, item, area, onClose }: { caseFile: CaseFile; item: PreparationItem | null; area: PreparationArea; onClose: () => void }) {
  const { t } = useTranslation('preparation');
  const toast = useToast();
  const [failure, setFailure] = useState<unknown>(null);
  const save = usePreparationMutation(caseFile.id, 'preparation.saveItem');
  // A default item shows its text in the reader's language; left as it is, it stays a default item.
  const defaultText = item?.templateKey ? t(`defaults.${item.templateKey}`) : '';
  const form = useForm<ItemValues, unknown, z.output<typeof preparationItemFormSchema>>({
    resolver: zodResolver(preparationItemFormSchema, formSchemaOptions),
    defaultValues: {
      id: item?.id,
      area: item?.area ?? area,
      description: item ? item.description || defaultText : '',
      owner: item?.owner ?? '',
      dueDate: item?.dueDate ?? null,
      status: item?.status ?? 'open',
      notes: item?.notes ?? '',
    },
    mode: 'onTouched',
  });
  const { register, handleSubmit, setError, formState } = form;
  const { errors, isSubmitting } = formState;
  const autosave = useFormDraft(form, `case:${caseFile.id}:preparation:item:${item?.id ?? 'new'}`);
  const submit = handleSubmit(async (values) => {
    setFailure(null);
    if (!values.description) {
      setError('description', { type: 'client', message: 'validation.required' }, { shouldFocus: true });
      return;
    }
    const description = item?.templateKey && values.description === defaultText ? '' : values.description;
    try {
      await save.mutateAsync({ item: { ...values, description } });
      await autosave.discard();
      toast.show(t('items.saved'));
      onClose();
    } catch (error) {
      if (!applyCoreIssues(error, setError, topLevel(['area', 'description', 'owner', 'dueDate', 'status', 'notes'] as const))) setFailure(error);
    }
  });
  return (
    <form className="stack" noValidate onSubmit={submit}>
      <DraftStatus restored={autosave.restored} savedAt={null} restoredText={t('draftRestored')} savedText="" />
      <div className="form-grid">
        <SelectField label={t('items.area')} required error={errors.area} {...register('area')}>
          {preparationAreas.map((a) => (
            <option key={a} value={a}>
              {t(`areas.${a}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('items.status')} error={errors.status} {...register('status')}>
          {preparationItemStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField label={t('items.description')} required rows={2} error={errors.description} {...register('description')} />
      <div className="form-grid">
        <TextField label={t('items.owner')} description={t('items.ownerHelp')} error={errors.owner} {...register('owner')} />
        <TextField type="date" label={t('items.dueDate')} error={errors.dueDate} {...register('dueDate', { setValueAs: (v: string | null) => v || null })} />
      </div>
      <TextAreaField label={t('items.notes')} rows={2} error={errors.notes} {...register('notes')} />
      <ErrorAlert error={failure} />
      <FormFooter submit={t('items.save')} busy={isSubmitting} onCancel={onClose} savedText={autosave.savedAt ? t('draftSaved') : null} />
    </form>
  );
}

export function ItemDialog({
  caseFile,
  editing,
  onClose,
}: {
  caseFile: CaseFile;
  editing: { item: PreparationItem | null; area: PreparationArea } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('preparation');
  return (
    <Dialog open={editing !== null} onClose={onClose} title={editing?.item ? t('items.edit') : t('items.add')}>
      <FieldErrorNamespace ns="preparation" prefixes={planErrorPrefixes}>
        {editing ? <ItemForm caseFile={caseFile} item={editing.item} area={editing.area} onClose={onClose} /> : null}
      </FieldErrorNamespace>
    </Dialog>
  );
}

type MonitorValues = z.input<typeof monitorFormSchema>;

function MonitorForm({ caseFile, current, onClose }: { caseFile: CaseFile; current: Monitor | null; onClose: () => void }) {
  const { t } = useTranslation('preparation');
  const toast = useToast();
  const [failure, setFailure] = useState<unknown>(null);
  const save = usePreparationMutation(caseFile.id, 'preparation.setMonitor');
  const form = useForm<MonitorValues, unknown, z.output<typeof monitorFormSchema>>({
    resolver: zodResolver(monitorFormSchema, formSchemaOptions),
    defaultValues: {
      name: current?.name ?? '',
      role: current?.role ?? 'community_volunteer',
      contact: current?.contact ?? '',
      agreedOn: current?.agreedOn ?? todayUtc(),
      notes: current?.notes ?? '',
    },
    mode: 'onTouched',
  });
  const { register, handleSubmit, setError, formState } = form;
  const { errors, isSubmitting } = formState;
  const autosave = useFormDraft(form, `case:${caseFile.id}:preparation:monitor`);
  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await save.mutateAsync(values);
      await autosave.discard();
      toast.show(t('monitor.saved'));
      onClose();
    } catch (error) {
      if (!applyCoreIssues(error, setError, topLevel(['name', 'role', 'contact', 'agreedOn', 'notes'] as const))) setFailure(error);
    }
  });
  return (
    <form className="stack" noValidate onSubmit={submit}>
      <DraftStatus restored={autosave.restored} savedAt={null} restoredText={t('draftRestored')} savedText="" />
      <div className="form-grid">
        <TextField label={t('monitor.name')} required error={errors.name} {...register('name')} />
        <SelectField label={t('monitor.role')} required error={errors.role} {...register('role')}>
          {monitorRoles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form-grid">
        <TextField label={t('monitor.contact')} description={t('monitor.contactHelp')} error={errors.contact} {...register('contact')} />
        <TextField type="date" label={t('monitor.agreedOn')} required max={todayUtc()} error={errors.agreedOn} {...register('agreedOn')} />
      </div>
      <TextAreaField label={t('monitor.notes')} rows={3} error={errors.notes} {...register('notes')} />
      <ErrorAlert error={failure} />
      <FormFooter submit={t('monitor.save')} busy={isSubmitting} onCancel={onClose} savedText={autosave.savedAt ? t('draftSaved') : null} />
    </form>
  );
}

export function MonitorDialog({ caseFile, current, open, onClose }: { caseFile: CaseFile; current: Monitor | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('preparation');
  return (
    <Dialog open={open} onClose={onClose} title={current ? t('monitor.change') : t('monitor.set')} description={t('monitor.description')}>
      <FieldErrorNamespace ns="preparation" prefixes={planErrorPrefixes}>
        <MonitorForm caseFile={caseFile} current={current} onClose={onClose} />
      </FieldErrorNamespace>
    </Dialog>
  );
}

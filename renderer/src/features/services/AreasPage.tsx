// DOM. The office's areas as a tree (region → district → … as deep as the office likes), a form to
// add one, and the import of boundaries from a GeoJSON file matched to areas by code.
import { AreaOptions } from './AreaOptions';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { areaInput, servicesChannels } from '@shared/services/contract';
import { call } from '../../api';
import { useReadySession } from '../../app/session';
import { Button } from '../../ui/Button';
import { formSchemaOptions } from '../../ui/errors';
import { CheckboxField, SelectField, TextField } from '../../ui/Field';
import { Card, ErrorAlert, Loading } from '../../ui/misc';
import { Table } from '../../ui/Table';
import { useFormDraft } from '../../ui/useDraft';
import { useSubmit } from '../../ui/useSubmit';
import { areaTree, servicesKeys, useAreas } from './kit';

const errorSource = { ns: 'services', prefixes: ['problems.'] } as const;

export function AreasPage() {
  const { t } = useTranslation('services');
  const areas = useAreas();
  const canWrite = useReadySession().permissions.includes('case.write');
  const rows = areaTree(areas.data ?? []);
  return (
    <div className="stack">
      <Card title={t('areas.legend')}>
        {areas.isPending ? <Loading /> : null}
        <ErrorAlert error={areas.error} />
        <Table
          caption={t('areas.legend')}
          captionHidden
          label={t('areas.legend')}
          rows={rows}
          rowKey={(r) => r.area.id}
          empty={t('areas.empty')}
          columns={[
            { key: 'name', header: t('areas.name'), rowHeader: true, cell: (r) => <span style={{ paddingInlineStart: `${r.depth * 1.25}rem` }}>{r.area.name}</span> },
            { key: 'code', header: t('areas.code'), cell: (r) => r.area.code },
            { key: 'level', header: t('areas.level'), cell: (r) => r.area.level },
            { key: 'boundary', header: t('areas.boundary'), cell: (r) => (r.area.hasBoundary ? t('areas.hasBoundary') : t('areas.noBoundary')) },
          ]}
        />
      </Card>
      {canWrite ? <AddArea /> : null}
      {canWrite ? <ImportBoundaries /> : null}
    </div>
  );
}

const areaForm = areaInput.omit({ id: true });
type AreaValues = { code: string; name: string; level: string; parentId: string | null };
const areaProblems = ['duplicateCode', 'cycle', 'unknownArea'];
const nullIfEmpty = (value: unknown) => (value === '' ? null : value);

function AddArea() {
  const { t } = useTranslation('services');
  const areas = useAreas();
  const queryClient = useQueryClient();
  const form = useForm<AreaValues>({ resolver: zodResolver(areaForm, formSchemaOptions) as Resolver<AreaValues>, defaultValues: { code: '', name: '', level: '', parentId: null } });
  const draft = useFormDraft(form, 'services:areas:new');
  const { failure, run } = useSubmit();
  // The core's own rules land on their field, in the directory's words.
  const onError = (error: unknown) => {
    const issue = (error as { issues?: { message: string }[] }).issues?.[0]?.message;
    if (!issue || !areaProblems.includes(issue)) return false;
    form.setError(issue === 'duplicateCode' ? 'code' : 'parentId', { type: 'server', message: issue });
    return true;
  };
  const [code, name] = useWatch({ control: form.control, name: ['code', 'name'] });
  const save = form.handleSubmit((area) =>
    run(
      async () => {
        await call('services.saveArea', { area });
        // Emptied for the next area (under the same parent), then forgotten: the emptying is not kept as a draft.
        form.reset({ code: '', name: '', level: '', parentId: area.parentId });
        await draft.discard();
        await queryClient.invalidateQueries({ queryKey: servicesKeys.all });
      },
      t('areas.saved'),
      { onError },
    ),
  );
  const { errors, isSubmitting } = form.formState;
  return (
    <Card title={t('areas.add')}>
      <form className="services-row" noValidate onSubmit={(e) => void save(e)}>
        <TextField label={t('areas.code')} required maxLength={40} error={errors.code} errorSource={errorSource} {...form.register('code')} />
        <TextField label={t('areas.name')} required maxLength={120} error={errors.name} errorSource={errorSource} {...form.register('name')} />
        <TextField label={t('areas.level')} maxLength={60} error={errors.level} errorSource={errorSource} {...form.register('level')} />
        <SelectField label={t('areas.parent')} error={errors.parentId} errorSource={errorSource} {...form.register('parentId', { setValueAs: nullIfEmpty })}>
          <option value="">{t('areas.none')}</option>
          <AreaOptions areas={areas.data} />
        </SelectField>
        <Button type="submit" variant="primary" busy={isSubmitting} disabled={!code.trim() || !name.trim()}>
          {t('areas.save')}
        </Button>
      </form>
      <ErrorAlert error={failure} />
    </Card>
  );
}

const boundariesForm = servicesChannels['services.importBoundaries'].input.pick({ codeProperty: true, nameProperty: true, createMissing: true });
type BoundaryValues = { codeProperty: string; nameProperty: string; createMissing: boolean };

function ImportBoundaries() {
  const { t } = useTranslation('services');
  const queryClient = useQueryClient();
  const fileId = useId();
  const helpId = useId();
  // The file is not kept in the draft (it may be large, and the person picks it again); what was typed is.
  const [file, setFile] = useState<File | null>(null);
  const form = useForm<BoundaryValues>({ resolver: zodResolver(boundariesForm, formSchemaOptions) as Resolver<BoundaryValues>, defaultValues: { codeProperty: 'code', nameProperty: 'name', createMissing: false } });
  const draft = useFormDraft(form, 'services:areas:boundaries');
  const [result, setResult] = useState<string | null>(null);
  const { failure, run } = useSubmit();
  const codeProperty = useWatch({ control: form.control, name: 'codeProperty' });
  const importFile = form.handleSubmit(async (values) => {
    if (!file) return;
    setResult(null);
    await run(async () => {
      const r = await call('services.importBoundaries', { geojson: await file.text(), ...values });
      setResult(t('areas.boundariesDone', { matched: r.matched, created: r.created, unmatched: r.unmatched.length }));
      await draft.discard();
      await queryClient.invalidateQueries({ queryKey: servicesKeys.all });
    }, null);
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <Card title={t('areas.boundaries')}>
      <form className="stack" noValidate onSubmit={(e) => void importFile(e)}>
        <div className="field">
          <label htmlFor={fileId} className="field__label">
            {t('areas.boundaries')}
          </label>
          <p id={helpId} className="field__description">
            {t('areas.boundariesHelp')}
          </p>
          <input id={fileId} type="file" accept=".geojson,.json,application/geo+json,application/json" aria-describedby={helpId} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <div className="services-row">
          <TextField label={t('areas.codeProperty')} required maxLength={60} error={errors.codeProperty} {...form.register('codeProperty')} />
          <TextField label={t('areas.nameProperty')} maxLength={60} error={errors.nameProperty} {...form.register('nameProperty')} />
        </div>
        <CheckboxField label={t('areas.createMissing')} {...form.register('createMissing')} />
        <Button type="submit" variant="primary" busy={isSubmitting} disabled={!file || !codeProperty.trim()}>
          {t('areas.importBoundaries')}
        </Button>
        {result ? <p role="status">{result}</p> : null}
        <ErrorAlert error={failure} />
      </form>
    </Card>
  );
}

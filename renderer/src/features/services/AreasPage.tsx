// DOM. The office's areas as a tree (region → district → … as deep as the office likes), a form to
// add one, and the import of boundaries from a GeoJSON file matched to areas by code.
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { useReadySession } from '../../app/session';
import { Button } from '../../ui/Button';
import { CheckboxField, SelectField, TextField } from '../../ui/Field';
import { Card, ErrorAlert, Loading } from '../../ui/misc';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';
import { areaLabel, areaTree, servicesKeys, useAreas } from './kit';

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

function AddArea() {
  const { t } = useTranslation('services');
  const areas = useAreas();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ code: '', name: '', level: '', parentId: '' });
  const [failure, setFailure] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    setProblem(null);
    try {
      await call('services.saveArea', { area: { code: form.code, name: form.name, level: form.level, parentId: form.parentId || null } });
      await queryClient.invalidateQueries({ queryKey: servicesKeys.all });
      toast.show(t('areas.saved'));
      setForm({ code: '', name: '', level: '', parentId: form.parentId });
    } catch (error) {
      const issue = (error as { issues?: { message: string }[] }).issues?.[0]?.message;
      if (issue && ['duplicateCode', 'cycle', 'unknownArea'].includes(issue)) setProblem(issue);
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('areas.add')}>
      <form className="services-row" noValidate onSubmit={(e) => void save(e)}>
        <TextField label={t('areas.code')} required maxLength={40} value={form.code} error={problem === 'duplicateCode' ? { message: problem } : undefined} errorSource={errorSource} onChange={(e) => setForm({ ...form, code: e.target.value })} />
        <TextField label={t('areas.name')} required maxLength={120} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <TextField label={t('areas.level')} maxLength={60} value={form.level} onChange={(e) => setForm({ ...form, level: e.target.value })} />
        <SelectField label={t('areas.parent')} value={form.parentId} error={problem && problem !== 'duplicateCode' ? { message: problem } : undefined} errorSource={errorSource} onChange={(e) => setForm({ ...form, parentId: e.target.value })}>
          <option value="">{t('areas.none')}</option>
          {areaTree(areas.data ?? []).map(({ area, depth }) => (
            <option key={area.id} value={area.id}>
              {'\u00a0\u00a0'.repeat(depth)}
              {areaLabel(area)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="primary" busy={busy} disabled={!form.code.trim() || !form.name.trim()}>
          {t('areas.save')}
        </Button>
      </form>
      <ErrorAlert error={failure} />
    </Card>
  );
}

function ImportBoundaries() {
  const { t } = useTranslation('services');
  const queryClient = useQueryClient();
  const fileId = useId();
  const helpId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [codeProperty, setCodeProperty] = useState('code');
  const [nameProperty, setNameProperty] = useState('name');
  const [createMissing, setCreateMissing] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setFailure(null);
    setResult(null);
    try {
      const r = await call('services.importBoundaries', { geojson: await file.text(), codeProperty, nameProperty, createMissing });
      setResult(t('areas.boundariesDone', { matched: r.matched, created: r.created, unmatched: r.unmatched.length }));
      await queryClient.invalidateQueries({ queryKey: servicesKeys.all });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('areas.boundaries')}>
      <form className="stack" noValidate onSubmit={(e) => void run(e)}>
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
          <TextField label={t('areas.codeProperty')} required maxLength={60} value={codeProperty} onChange={(e) => setCodeProperty(e.target.value)} />
          <TextField label={t('areas.nameProperty')} maxLength={60} value={nameProperty} onChange={(e) => setNameProperty(e.target.value)} />
        </div>
        <CheckboxField label={t('areas.createMissing')} checked={createMissing} onChange={(e) => setCreateMissing(e.target.checked)} />
        <Button type="submit" variant="primary" busy={busy} disabled={!file || !codeProperty.trim()}>
          {t('areas.importBoundaries')}
        </Button>
        {result ? <p role="status">{result}</p> : null}
        <ErrorAlert error={failure} />
      </form>
    </Card>
  );
}

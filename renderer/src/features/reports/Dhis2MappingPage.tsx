// DOM. The administrator's DHIS2 mapping: the office's org unit and data set, and for each figure
// (indicator × part × split value) its data element and category option combo. Figures without a
// mapping are listed to pick from; UIDs are checked in the core (DHIS2's 11-character form).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dhis2MappingRow } from '@shared/reports/exports';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { ErrorAlert, Loading, PageHeader } from '../../ui/misc';
import { useToast } from '../../ui/Toast';

type Row = Omit<Dhis2MappingRow, 'dimension' | 'value'> & { dimension: string; value: string };
const keyOf = (r: { indicator: string; part: string; dimension: string; value: string }) => `${r.indicator}|${r.part}|${r.dimension}|${r.value}`;

export function Dhis2MappingPage() {
  const { t } = useTranslation('reports');
  const toast = useToast();
  const id = useId();
  const queryClient = useQueryClient();
  const mapping = useQuery({ queryKey: ['reports.dhisMapping'], queryFn: () => call('reports.dhisMapping', {}) });
  const [orgUnit, setOrgUnit] = useState('');
  const [dataSet, setDataSet] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [pick, setPick] = useState('');
  const [dataElement, setDataElement] = useState('');
  const [combo, setCombo] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    if (!mapping.data) return;
    setOrgUnit(mapping.data.orgUnit);
    setDataSet(mapping.data.dataSet);
    setRows(mapping.data.rows as Row[]);
  }, [mapping.data]);
  if (!mapping.data) return mapping.error ? <ErrorAlert error={mapping.error} /> : <Loading />;
  const label = (r: { indicator: string; part: string; dimension: string; value: string }) =>
    `${t(`indicator.${r.indicator}.name`, { defaultValue: r.indicator })} (${t(`part.${r.part}`)})${r.dimension ? ` · ${t(`dimension.${r.dimension}`, { defaultValue: r.dimension })}: ${r.value}` : ''}`;
  const taken = new Set(rows.map(keyOf));
  const unmapped = mapping.data.unmapped.filter((u) => !taken.has(keyOf(u)));
  const add = () => {
    const u = unmapped.find((x) => keyOf(x) === pick);
    if (!u) return;
    setRows([...rows, { ...u, part: u.part as Row['part'], dataElement: dataElement.trim(), categoryOptionCombo: combo.trim() }]);
    setPick('');
    setDataElement('');
    setCombo('');
  };
  const save = async () => {
    setFailure(null);
    try {
      await call('reports.dhisSaveMapping', { orgUnit: orgUnit.trim(), dataSet: dataSet.trim(), rows });
      await queryClient.invalidateQueries({ queryKey: ['reports.dhisMapping'] });
      toast.show(t('mapping.saved'));
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <div className="stack">
      <PageHeader title={t('mapping.title')} description={t('mapping.intro')} />
      <div className="reports__filters">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-ou`}>{t('mapping.orgUnit')}</label>
          <input id={`${id}-ou`} className="input" value={orgUnit} maxLength={11} onChange={(e) => setOrgUnit(e.target.value)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-ds`}>{t('mapping.dataSet')}</label>
          <input id={`${id}-ds`} className="input" value={dataSet} maxLength={11} onChange={(e) => setDataSet(e.target.value)} />
        </div>
      </div>
      <div className="table-wrap" role="region" aria-label={t('mapping.title')} tabIndex={0}>
        <table className="table">
          <caption className="visually-hidden">{t('mapping.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mapping.figure')}</th>
              <th scope="col">{t('dhis.dataElement')}</th>
              <th scope="col">{t('dhis.combo')}</th>
              <th scope="col"><span className="visually-hidden">{t('mapping.remove')}</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={keyOf(r)}>
                <th scope="row">{label(r)}</th>
                <td><code>{r.dataElement}</code></td>
                <td><code>{r.categoryOptionCombo}</code></td>
                <td><Button size="sm" variant="ghost" onClick={() => setRows(rows.filter((x) => keyOf(x) !== keyOf(r)))}>{t('mapping.remove')}</Button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>{t('mapping.unmapped', { count: unmapped.length })}</p>
      <fieldset className="reports__filters">
        <legend>{t('mapping.add')}</legend>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-pick`}>{t('mapping.figure')}</label>
          <select id={`${id}-pick`} className="select" value={pick} onChange={(e) => setPick(e.target.value)}>
            <option value="">—</option>
            {unmapped.map((u) => (
              <option key={keyOf(u)} value={keyOf(u)}>{label(u)}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-de`}>{t('dhis.dataElement')}</label>
          <input id={`${id}-de`} className="input" value={dataElement} maxLength={11} onChange={(e) => setDataElement(e.target.value)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-coc`}>{t('dhis.combo')}</label>
          <input id={`${id}-coc`} className="input" value={combo} maxLength={11} onChange={(e) => setCombo(e.target.value)} />
        </div>
        <Button onClick={add} disabled={!pick || !dataElement || !combo}>{t('mapping.addButton')}</Button>
      </fieldset>
      <ErrorAlert error={failure} />
      <div>
        <Button variant="primary" onClick={() => void save()}>{t('mapping.save')}</Button>
      </div>
    </div>
  );
}

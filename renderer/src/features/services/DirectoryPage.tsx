// DOM. The directory: find services by words, category, area, language and age; each row shows who
// runs it, where, for whom and when it was last verified (stale after 12 months). Providers are
// added and edited in a dialog; the CSV import and export sit below.
import { AreaOptions } from './AreaOptions';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '@shared/services/contract';
import { call } from '../../api';
import { useReadySession } from '../../app/session';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { useDayFormat } from '../../ui/format';
import { Badge, Card, ErrorAlert, Loading } from '../../ui/misc';
import { Table } from '../../ui/Table';
import { useResumeOnUnlockAny } from '../../ui/useResumeOnUnlock';
import { ImportPanel } from './ImportPanel';
import { areaLabel, servicesKeys, useAreas, useCategories, useCategoryLabel } from './kit';
import { ProviderDialog, providerDraftPrefix } from './ProviderDialog';

export function DirectoryPage() {
  const { t } = useTranslation('services');
  const day = useDayFormat();
  const session = useReadySession();
  const canWrite = session.permissions.includes('case.write');
  const areas = useAreas();
  const categories = useCategories();
  const categoryLabel = useCategoryLabel(categories.data);
  const [filters, setFilters] = useState({ text: '', category: '', areaId: '', language: '', age: '' });
  const deferred = useDeferredValue(filters);
  const input = {
    text: deferred.text,
    category: deferred.category || null,
    areaId: deferred.areaId || null,
    language: deferred.language,
    age: deferred.age === '' || Number.isNaN(Number(deferred.age)) ? null : Math.max(0, Math.min(120, Math.trunc(Number(deferred.age)))),
  };
  const search = useQuery({ queryKey: servicesKeys.search(input), queryFn: () => call('services.search', input), placeholderData: keepPreviousData });
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  // A provider being entered or edited when the session locked opens again, with the typing in it.
  useResumeOnUnlockAny(providerDraftPrefix, (rest) => setEditing(rest), canWrite);
  const set = (key: keyof typeof filters) => (e: { target: { value: string } }) => setFilters((f) => ({ ...f, [key]: e.target.value }));
  const areaName = (id: string) => {
    const a = areas.data?.find((x) => x.id === id);
    return a ? areaLabel(a) : '';
  };
  const ages = (s: Service) => (s.minAge === null && s.maxAge === null ? t('service.anyAge') : t('service.ageRange', { min: s.minAge ?? 0, max: s.maxAge ?? '…' }));

  return (
    <div className="stack">
      <Card
        title={t('search.legend')}
        actions={
          canWrite ? (
            <Button variant="primary" onClick={() => setEditing('new')}>
              {t('provider.add')}
            </Button>
          ) : null
        }
      >
        <form className="services-filters" role="search" onSubmit={(e) => e.preventDefault()}>
          <TextField label={t('search.text')} value={filters.text} onChange={set('text')} maxLength={100} />
          <SelectField label={t('search.category')} value={filters.category} onChange={set('category')}>
            <option value="">{t('search.any')}</option>
            {categories.data?.map((c) => (
              <option key={c.key} value={c.key}>
                {categoryLabel(c.key)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('search.area')} value={filters.areaId} onChange={set('areaId')}>
            <option value="">{t('search.any')}</option>
            <AreaOptions areas={areas.data} />
          </SelectField>
          <TextField label={t('search.language')} value={filters.language} onChange={set('language')} maxLength={40} />
          <TextField label={t('search.age')} type="number" min={0} max={120} inputMode="numeric" value={filters.age} onChange={set('age')} />
        </form>
        <ErrorAlert error={search.error} />
        {search.isPending ? <Loading /> : null}
        {search.data ? (
          <>
            <p className="muted" role="status">
              {t('search.results', { shown: search.data.services.length, total: search.data.total })}
            </p>
            <Table
              caption={t('search.legend')}
              captionHidden
              label={t('search.legend')}
              rows={search.data.services}
              rowKey={(s) => s.id}
              empty={t('search.empty')}
              columns={[
                {
                  key: 'provider',
                  header: t('service.provider'),
                  rowHeader: true,
                  cell: (s) =>
                    canWrite ? (
                      <button type="button" className="link-button" onClick={() => setEditing(s.providerId)}>
                        {s.providerName}
                      </button>
                    ) : (
                      s.providerName
                    ),
                },
                { key: 'name', header: t('service.name'), cell: (s) => s.name },
                { key: 'category', header: t('service.category'), cell: (s) => categoryLabel(s.category) },
                { key: 'areas', header: t('service.areas'), cell: (s) => s.areaIds.map(areaName).filter(Boolean).join(', ') },
                { key: 'ages', header: t('service.ages'), cell: ages },
                { key: 'languages', header: t('service.languages'), cell: (s) => s.languages.join(', ') },
                { key: 'cost', header: t('service.cost'), cell: (s) => [t(`costs.${s.cost}`), s.waitingDays !== null ? t('service.waiting', { days: s.waitingDays }) : ''].filter(Boolean).join(' · ') },
                {
                  key: 'verified',
                  header: t('provider.lastVerified'),
                  cell: (s) => (
                    <span className="services-verified">
                      {s.lastVerified ? t('service.verified', { date: day(s.lastVerified) }) : t('service.neverVerified')}
                      {s.stale ? <Badge tone="warning">{t('service.stale')}</Badge> : null}
                      {!s.active ? <Badge>{t('service.inactive')}</Badge> : null}
                    </span>
                  ),
                },
              ]}
            />
          </>
        ) : null}
      </Card>
      {canWrite ? <ImportPanel /> : null}
      {editing ? <ProviderDialog providerId={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}

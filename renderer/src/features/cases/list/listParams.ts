// Environment-free. The case list's search, filters and sort as URL query parameters, so Back and
// Forward walk through them and a filtered list can be reopened. Anything unknown is dropped.
import { caseSortFields, type CaseListInput } from '@shared/cases/contract';
import { caseRiskLevels, priorities } from '@shared/cases/fields';
import { caseStatuses, stages } from '@shared/cases/stages';
import { indicatorSelectionSchema } from '@shared/reports/indicators';

export type SortField = (typeof caseSortFields)[number];
export type CaseListFilters = Omit<CaseListInput, 'offset' | 'limit' | 'cursor' | 'withTotal'> & { sort: { by: SortField; dir: 'asc' | 'desc' } };

export const defaultSort = { by: 'updatedAt', dir: 'desc' } as const;

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;
const manyOf = <T extends string>(list: readonly T[], value: string | null): T[] | undefined => {
  const picked = (value ?? '')
    .split(',')
    .filter((v): v is T => (list as readonly string[]).includes(v));
  return picked.length > 0 ? [...new Set(picked)] : undefined;
};

export function filtersFromParams(params: URLSearchParams): CaseListFilters {
  const search = (params.get('q') ?? '').trim().slice(0, 100);
  const worker = params.get('worker');
  const area = (params.get('area') ?? '').trim().slice(0, 100);
  const filters: CaseListFilters = {
    sort: {
      by: oneOf(caseSortFields, params.get('sort')) ?? defaultSort.by,
      dir: oneOf(['asc', 'desc'] as const, params.get('dir')) ?? defaultSort.dir,
    },
  };
  if (search) filters.search = search;
  const stageList = manyOf(stages, params.get('stage'));
  if (stageList) filters.stages = stageList;
  const status = oneOf(caseStatuses, params.get('status'));
  if (status) filters.status = status;
  if (worker && /^[\w-]{1,64}$/u.test(worker)) filters.workerId = worker;
  const risks = manyOf(caseRiskLevels, params.get('risk'));
  if (risks) filters.riskLevels = risks;
  if (area) filters.area = area;
  if (params.get('overdue') === '1') filters.overdue = true;
  if (params.get('approval') === '1') filters.awaitingApproval = true;
  const priority = oneOf(priorities, params.get('priority'));
  if (priority) filters.priority = priority;
  // The children behind a number of the M&E dashboard; the core resolves and scopes the set.
  const indicator = params.get('indicator');
  if (indicator) {
    try {
      const parsed = indicatorSelectionSchema.safeParse(JSON.parse(indicator));
      if (parsed.success) filters.indicator = parsed.data;
    } catch {
      // not JSON: dropped like any unknown parameter
    }
  }
  return filters;
}

export function paramsFromFilters(filters: CaseListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.search) params.set('q', filters.search);
  if (filters.stages?.length) params.set('stage', filters.stages.join(','));
  if (filters.status) params.set('status', filters.status);
  if (filters.workerId) params.set('worker', filters.workerId);
  if (filters.riskLevels?.length) params.set('risk', filters.riskLevels.join(','));
  if (filters.area) params.set('area', filters.area);
  if (filters.overdue) params.set('overdue', '1');
  if (filters.awaitingApproval) params.set('approval', '1');
  if (filters.priority) params.set('priority', filters.priority);
  if (filters.indicator) params.set('indicator', JSON.stringify(filters.indicator));
  if (filters.sort.by !== defaultSort.by || filters.sort.dir !== defaultSort.dir) {
    params.set('sort', filters.sort.by);
    params.set('dir', filters.sort.dir);
  }
  return params;
}

/** How many filters (not search, not sort) are set, for the "Clear filters" button. */
export function activeFilterCount(filters: CaseListFilters): number {
  return [filters.stages?.length, filters.status, filters.workerId, filters.riskLevels?.length, filters.area, filters.overdue, filters.awaitingApproval, filters.priority, filters.indicator].filter(Boolean)
    .length;
}

/** The sort direction a column starts with when first chosen. */
export const naturalDir: Record<SortField, 'asc' | 'desc'> = {
  number: 'desc',
  name: 'asc',
  registeredAt: 'desc',
  updatedAt: 'desc',
  risk: 'desc',
  reviewDue: 'asc',
  age: 'asc',
  relevance: 'desc',
};

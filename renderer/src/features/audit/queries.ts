// DOM. The audit log, page by page (newest first), and its chain check.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { call } from '../../api';

export interface AuditFilters {
  userId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

const PAGE = 50;

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', 'list', filters],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => call('audit.list', { ...filters, ...(pageParam ? { beforeId: pageParam } : {}), limit: PAGE }),
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
  });
}

export function useAuditChain() {
  return useQuery({ queryKey: ['audit', 'verify'], queryFn: () => call('audit.verify', {}), staleTime: 0 });
}

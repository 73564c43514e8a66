// DOM. The audit log, page by page (newest first), and its chain check.
import { useEffect, useRef } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

/**
 * The full check (whole chain and the case data) runs in a worker thread in the core: started once
 * when the page opens and again on request, then polled for its progress until it is done.
 */
export function useFullCheck() {
  const queryClient = useQueryClient();
  const progress = useQuery({
    queryKey: ['audit', 'verifyFull'],
    queryFn: () => call('audit.verifyFull', {}),
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 500 : false),
  });
  const start = useMutation({
    mutationFn: () => call('audit.verifyFull', { start: true }),
    onSuccess: (data) => queryClient.setQueryData(['audit', 'verifyFull'], data),
  });
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    start.mutate();
  }, [start]);
  return { progress: progress.data, start: () => start.mutate(), error: start.error ?? progress.error, starting: start.isPending };
}

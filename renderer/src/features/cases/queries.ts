// DOM. Case data through the query cache (emptied on lock and logout). Other features' tabs change
// what the case file shows (its gates, its timeline): after a change they invalidate
// `caseKeys.file(caseId)` — and the case file also refreshes itself after any successful mutation.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CaseFile, CaseListInput } from '@shared/cases/contract';
import type { ChannelInput } from '@shared/contract';
import { call } from '../../api';

export const CASE_PAGE = 50;
export const CASE_PAGE_MORE = 200;

export const caseKeys = {
  all: ['cases'] as const,
  lists: ['cases', 'list'] as const,
  list: (filters: Omit<CaseListInput, 'offset' | 'limit' | 'cursor' | 'withTotal'>) => ['cases', 'list', filters] as const,
  file: (caseId: string) => ['cases', 'file', caseId] as const,
  photo: (caseId: string) => ['cases', 'photo', caseId] as const,
  timeline: (caseId: string) => ['cases', 'timeline', caseId] as const,
  staff: ['cases', 'staff'] as const,
  areas: ['cases', 'areas'] as const,
  myWork: ['cases', 'myWork'] as const,
  duplicates: (input: unknown) => ['cases', 'duplicates', input] as const,
};

export function useCaseList(filters: Omit<CaseListInput, 'offset' | 'limit' | 'cursor' | 'withTotal'>) {
  return useInfiniteQuery({
    queryKey: caseKeys.list(filters),
    initialPageParam: null as string | null,
    // Pages by cursor (the core seeks to the last row's key: page 200 costs what page 1 does). The
    // first page is small for a quick first paint and carries the total; later pages are larger,
    // so scrolling far takes few round trips.
    queryFn: ({ pageParam }) =>
      call('cases.list', pageParam ? { ...filters, cursor: pageParam, limit: CASE_PAGE_MORE } : { ...filters, limit: CASE_PAGE }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // A new search or filter keeps the old rows on screen until the new ones arrive.
    placeholderData: (previous) => previous,
    staleTime: 10_000,
  });
}

export function useCaseFile(caseId: string) {
  return useQuery({ queryKey: caseKeys.file(caseId), queryFn: () => call('cases.get', { caseId }), staleTime: 0 });
}

/** The child's photo as a data URL (it stays in memory only, and leaves with the cache on lock). */
export function useCasePhoto(caseId: string, hasPhoto: boolean) {
  return useQuery({
    queryKey: caseKeys.photo(caseId),
    enabled: hasPhoto,
    queryFn: async () => {
      const photo = await call('cases.getPhoto', { caseId });
      return photo ? `data:${photo.mime};base64,${photo.dataBase64}` : null;
    },
  });
}

export function useStaff(enabled = true) {
  return useQuery({ queryKey: caseKeys.staff, queryFn: () => call('cases.staff', {}), enabled, staleTime: 60_000 });
}

export function useAreas() {
  return useQuery({ queryKey: caseKeys.areas, queryFn: () => call('cases.areas', {}), staleTime: 60_000 });
}

export function useMyWork() {
  return useQuery({ queryKey: caseKeys.myWork, queryFn: () => call('cases.myWork', {}), staleTime: 0 });
}

export function useTimeline(caseId: string) {
  return useInfiniteQuery({
    queryKey: caseKeys.timeline(caseId),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => call('cases.timeline', { caseId, ...(pageParam ? { beforeId: pageParam } : {}), limit: 30 }),
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
    staleTime: 0,
  });
}

/** After a change to a case: the file gets the fresh copy, lists and "my work" are re-read. */
export function caseChanged(queryClient: QueryClient, file: CaseFile): void {
  queryClient.setQueryData(caseKeys.file(file.id), file);
  void queryClient.invalidateQueries({ queryKey: caseKeys.timeline(file.id) });
  void queryClient.invalidateQueries({ queryKey: caseKeys.lists });
  void queryClient.invalidateQueries({ queryKey: caseKeys.myWork });
}

function useCaseMutation<N extends 'cases.update' | 'cases.assign' | 'cases.moveStage' | 'cases.halt' | 'cases.resume'>(channel: N) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['cases', channel],
    mutationFn: (input: ChannelInput<N>) => call(channel, input) as Promise<CaseFile>,
    onSuccess: (file) => caseChanged(queryClient, file),
  });
}

export const useUpdateCase = () => useCaseMutation('cases.update');
export const useAssignCase = () => useCaseMutation('cases.assign');
export const useMoveStage = () => useCaseMutation('cases.moveStage');
export const useHaltCase = () => useCaseMutation('cases.halt');
export const useResumeCase = () => useCaseMutation('cases.resume');

export function useSetPhoto(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['cases', 'cases.setPhoto'],
    mutationFn: (photo: ChannelInput<'cases.setPhoto'>['photo']) => call('cases.setPhoto', { caseId, photo }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.photo(caseId) });
      void queryClient.invalidateQueries({ queryKey: caseKeys.file(caseId) });
      void queryClient.invalidateQueries({ queryKey: caseKeys.timeline(caseId) });
    },
  });
}

export function useRegisterCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['cases', 'cases.register'],
    mutationFn: (input: ChannelInput<'cases.register'>) => call('cases.register', input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.lists });
      void queryClient.invalidateQueries({ queryKey: caseKeys.areas });
      void queryClient.invalidateQueries({ queryKey: caseKeys.myWork });
    },
  });
}

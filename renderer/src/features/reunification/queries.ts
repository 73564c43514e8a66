// DOM. The reunification record through the query cache (emptied on lock and logout). Saving can
// clear the reunificationRecorded gate and reassign the case, so it refreshes the whole case.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '@shared/contract';
import { call } from '../../api';
import { invalidateCase } from '../../app/caseCache';

export const reunificationKeys = {
  record: (caseId: string) => ['case', caseId, 'reunification'] as const,
  willingness: (caseId: string) => ['case', caseId, 'reunification', 'willingness'] as const,
  staff: ['cases', 'staff'] as const,
};

export function useReunification(caseId: string) {
  return useQuery({ queryKey: reunificationKeys.record(caseId), queryFn: () => call('reunification.get', { caseId }) });
}

/** The signed or scanned statement, fetched only when the worker asks to see it. */
export function useWillingnessDocument(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: reunificationKeys.willingness(caseId),
    queryFn: () => call('reunification.getWillingnessDocument', { caseId }),
    enabled,
    gcTime: 0,
  });
}

export function useStaff(enabled: boolean) {
  return useQuery({ queryKey: reunificationKeys.staff, queryFn: () => call('cases.staff', {}), enabled, staleTime: 60_000 });
}

export function useSaveReunification(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<ChannelInput<'reunification.save'>, 'caseId'>) => call('reunification.save', { ...input, caseId }),
    onSuccess: (result) => {
      queryClient.setQueryData(reunificationKeys.record(caseId), result.record);
      if (!result.stillAssigned) {
        // Handed over: nothing of this case stays in this worker's cache.
        queryClient.removeQueries({ queryKey: ['case', caseId] });
        queryClient.removeQueries({ queryKey: ['cases', 'file', caseId] });
        void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
        void queryClient.invalidateQueries({ queryKey: ['cases', 'myWork'] });
        return;
      }
      void invalidateCase(queryClient, caseId);
    },
  });
}

// DOM. The contact log through the query cache (emptied on lock and logout). A change can move the
// supervisedVisitSucceeded gate, so every change refreshes the whole case.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '@shared/contract';
import { call } from '../../api';
import { invalidateCase } from '../../app/caseCache';

export const contactKeys = {
  list: (caseId: string) => ['case', caseId, 'contacts'] as const,
  refusals: (caseId: string) => ['case', caseId, 'contacts', 'refusals'] as const,
};

export function useContacts(caseId: string) {
  return useQuery({ queryKey: contactKeys.list(caseId), queryFn: () => call('contacts.list', { caseId }) });
}

export function useRefusals(caseId: string) {
  return useQuery({ queryKey: contactKeys.refusals(caseId), queryFn: () => call('contacts.listRefusals', { caseId }) });
}

type ContactChannel = 'contacts.plan' | 'contacts.record' | 'contacts.cancel' | 'contacts.recordRefusal';

function useContactMutation<N extends ContactChannel>(channel: N, caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<ChannelInput<N>, 'caseId'>) => call(channel, { ...input, caseId } as ChannelInput<N>),
    onSuccess: () => {
      void invalidateCase(queryClient, caseId);
    },
  });
}

export const usePlanContact = (caseId: string) => useContactMutation('contacts.plan', caseId);
export const useRecordContact = (caseId: string) => useContactMutation('contacts.record', caseId);
export const useCancelContact = (caseId: string) => useContactMutation('contacts.cancel', caseId);
export const useRecordRefusal = (caseId: string) => useContactMutation('contacts.recordRefusal', caseId);

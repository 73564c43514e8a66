// DOM. Preparation data through the query cache under ['case', caseId, 'preparation']. Every change
// can move the gate to reunification (care arrangement, monitor) or the open-items count, so the
// whole case is read again afterwards.
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ChannelInput } from '@shared/contract';
import { call } from '../../api';
import { useInvalidateCase } from '../../app/caseCache';
import { caseKey } from '../plans/kit';

export const preparationKey = (caseId: string) => caseKey(caseId, 'preparation');

export function usePreparation(caseId: string) {
  return useQuery({ queryKey: preparationKey(caseId), queryFn: () => call('preparation.get', { caseId }), staleTime: 0 });
}

type PreparationChannel =
  | 'preparation.setCareArrangement'
  | 'preparation.saveItem'
  | 'preparation.removeItem'
  | 'preparation.addDefaultItems'
  | 'preparation.setMonitor';

export function usePreparationMutation<N extends PreparationChannel>(caseId: string, channel: N) {
  const invalidate = useInvalidateCase(caseId);
  return useMutation({
    mutationKey: ['preparation', channel],
    mutationFn: (input: Omit<ChannelInput<N>, 'caseId'>) => call(channel, { ...input, caseId } as ChannelInput<N>),
    onSuccess: () => invalidate(),
  });
}

// DOM. The plan's data through the query cache (emptied on lock and logout), under
// ['case', caseId, 'plans']. Changes that can move a gate or the review date refresh the whole case.
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ChannelInput } from '@shared/contract';
import { call } from '../../api';
import { useInvalidateCase } from '../../app/caseCache';
import { dataUrl } from '../../ui/files';
import { caseKey } from './kit';

export const planKeys = {
  overview: (caseId: string) => caseKey(caseId, 'plans'),
  version: (caseId: string, version: number) => caseKey(caseId, 'plans', 'version', version),
  image: (caseId: string, version: number) => caseKey(caseId, 'plans', 'image', version),
};

export function usePlan(caseId: string) {
  return useQuery({ queryKey: planKeys.overview(caseId), queryFn: () => call('plans.get', { caseId }), staleTime: 0 });
}

export function usePlanVersion(caseId: string, version: number | null) {
  return useQuery({
    queryKey: planKeys.version(caseId, version ?? 0),
    queryFn: () => call('plans.getVersion', { caseId, version: version ?? 0 }),
    enabled: version !== null,
  });
}

/** The family's signature or thumbprint as a data URL (kept in memory only, dropped on lock). */
export function useAcknowledgementImage(caseId: string, version: number, enabled: boolean) {
  return useQuery({
    queryKey: planKeys.image(caseId, version),
    enabled,
    queryFn: async () => {
      const image = await call('plans.getAcknowledgementImage', { caseId, version });
      return image ? dataUrl(image) : null;
    },
  });
}

type PlanChannel = 'plans.saveDraft' | 'plans.discardDraft' | 'plans.acknowledge' | 'plans.updateObjective' | 'plans.review' | 'plans.approve';

/** A plan change; afterwards the case (gates, review date, timeline, lists) is read again. */
export function usePlanMutation<N extends PlanChannel>(caseId: string, channel: N) {
  const invalidate = useInvalidateCase(caseId);
  return useMutation({
    mutationKey: ['plans', channel],
    mutationFn: (input: Omit<ChannelInput<N>, 'caseId'>) => call(channel, { ...input, caseId } as ChannelInput<N>),
    onSuccess: () => invalidate(),
  });
}

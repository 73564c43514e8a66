// DOM. Conferences through the query cache (emptied on lock and logout). Every change returns the
// whole conference, which replaces the cached one; the case is refreshed (timeline, review date).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Conference } from '@shared/conference/contract';
import type { ChannelInput } from '@shared/contract';
import { call } from '../../api';
import { invalidateCase } from '../../app/caseCache';

export const conferenceKeys = {
  list: (caseId: string) => ['case', caseId, 'conferences'] as const,
  one: (caseId: string, conferenceId: string) => ['case', caseId, 'conferences', conferenceId] as const,
};

export function useConferences(caseId: string) {
  return useQuery({ queryKey: conferenceKeys.list(caseId), queryFn: () => call('conference.list', { caseId }) });
}

export function useConference(caseId: string, conferenceId: string | null) {
  return useQuery({
    queryKey: conferenceKeys.one(caseId, conferenceId ?? ''),
    queryFn: () => call('conference.get', { caseId, conferenceId: conferenceId! }),
    enabled: conferenceId !== null,
  });
}

type Changing =
  | 'conference.save'
  | 'conference.saveInvitee'
  | 'conference.removeInvitee'
  | 'conference.recordSafetyNote'
  | 'conference.saveSelection'
  | 'conference.setStep'
  | 'conference.saveNotes'
  | 'conference.saveAgreement';

export function useConferenceChange<N extends Changing>(channel: N, caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<ChannelInput<N>, 'caseId'>) => call(channel, { ...input, caseId } as ChannelInput<N>) as Promise<Conference>,
    onSuccess: (conference) => {
      queryClient.setQueryData(conferenceKeys.one(caseId, conference.id), conference);
      void queryClient.invalidateQueries({ queryKey: conferenceKeys.list(caseId) });
      // A step change touches only the timeline: reloading the whole case (and My work) would queue
      // in front of the next click, on a laptop that is also running the family's screen.
      if (channel === 'conference.setStep') void queryClient.invalidateQueries({ queryKey: ['cases', 'timeline', caseId] });
      else void invalidateCase(queryClient, caseId);
    },
  });
}

export function useMakePlanDraft(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (conferenceId: string) => call('conference.makePlanDraft', { caseId, conferenceId }),
    onSuccess: (_result, conferenceId) => {
      void queryClient.invalidateQueries({ queryKey: conferenceKeys.one(caseId, conferenceId) });
      void invalidateCase(queryClient, caseId);
    },
  });
}

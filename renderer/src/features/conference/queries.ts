// DOM. Conferences through the query cache (emptied on lock and logout).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Conference } from '@shared/conference/contract';
import type { ChannelInput } from '@shared/contract';
import { call } from '../../api';
import { invalidateCase } from '../../app/caseCache';

export const conferenceKeys = {
  list: (caseId: string) => ['case', caseId, 'conferences'] as const,
  one: (caseId: string, conferenceId: string) => ['case', caseId, 'conferences', conferenceId] as const,
  /** The office's register (the Conferences section), under its filters. */
  register: ['conferences', 'register'] as const,
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
  | 'conference.saveAgreement'
  | 'conference.recordAcknowledgement'
  | 'conference.markCommitmentDone';

/** Changes that move the case's own review date or My work's due commitments. */
const touchesCase: readonly Changing[] = ['conference.saveAgreement', 'conference.markCommitmentDone'];

/**
 * A change returns the whole conference, which replaces the cached one — it is not read again. Only
 * what the change can move is reloaded: the register and the case's conference list, the timeline,
 * and for an agreement or a commitment done also the case file (review date) and My work. Reloading
 * every query of the case (invalidateCase) after each change queued a dozen reads — the whole case
 * file among them — in front of the facilitator's next click on a step.
 */
export function useConferenceChange<N extends Changing>(channel: N, caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<ChannelInput<N>, 'caseId'>) => call(channel, { ...input, caseId } as ChannelInput<N>) as Promise<Conference>,
    onSuccess: (conference) => {
      queryClient.setQueryData(conferenceKeys.one(caseId, conference.id), conference);
      void queryClient.invalidateQueries({ queryKey: conferenceKeys.list(caseId), exact: true });
      void queryClient.invalidateQueries({ queryKey: conferenceKeys.register });
      void queryClient.invalidateQueries({ queryKey: ['cases', 'timeline', caseId] });
      if (touchesCase.includes(channel)) {
        void queryClient.invalidateQueries({ queryKey: ['cases', 'file', caseId] });
        void queryClient.invalidateQueries({ queryKey: ['cases', 'myWork'] });
      }
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

// DOM-free. Queries of the tasks feature. My work's due list lives under My work's key (a change
// to any case refreshes it); a case's tasks under the case's key (emptied on lock with the case).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '@shared/contract';
import { call } from '../../api';
import { invalidateCase } from '../../app/caseCache';

export const taskKeys = {
  due: ['cases', 'myWork', 'due'] as const,
  ofCase: (caseId: string) => ['case', caseId, 'tasks'] as const,
};

export const useDueWork = () => useQuery({ queryKey: taskKeys.due, queryFn: () => call('tasks.due', {}), staleTime: 0 });

export const useCaseTasks = (caseId: string, enabled: boolean) =>
  useQuery({ queryKey: taskKeys.ofCase(caseId), queryFn: () => call('tasks.forCase', { caseId }), enabled });

export function useCompleteTask(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<ChannelInput<'tasks.complete'>, 'caseId'>) => call('tasks.complete', { caseId, ...input }),
    onSuccess: () => invalidateCase(queryClient, caseId),
  });
}

export function useReviewHalt(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<ChannelInput<'tasks.reviewHalt'>, 'caseId'>) => call('tasks.reviewHalt', { caseId, ...input }),
    onSuccess: () => invalidateCase(queryClient, caseId),
  });
}

/** Where on the case file each kind of due work is done. */
export const taskTab = {
  home_visit: 'overview',
  risk_assessment: 'safety',
  safety_plan: 'safety',
  family_assessment: 'assessments',
  wellbeing_baseline: 'assessments',
  halt_review: 'overview',
} as const;

// DOM. The follow-up feature through the query cache. Keys sit under ['case', caseId] so any change
// to the case refreshes them (app/caseCache.ts), and My work's part under ['cases', 'myWork'].
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api';

export const followupKeys = {
  summary: (caseId: string) => ['case', caseId, 'followup'] as const,
  visit: (caseId: string, visitId: string) => ['case', caseId, 'followup', 'visit', visitId] as const,
  chart: (caseId: string) => ['case', caseId, 'followup', 'wellbeing'] as const,
  wellbeingAssessments: (caseId: string) => ['case', caseId, 'followup', 'wellbeingAssessments'] as const,
  protocol: ['followup', 'protocol'] as const,
  calendar: (from: string, to: string, workerId: string | null) => ['cases', 'myWork', 'followup', 'calendar', from, to, workerId] as const,
  myWork: ['cases', 'myWork', 'followup'] as const,
};

export function useFollowup(caseId: string) {
  return useQuery({ queryKey: followupKeys.summary(caseId), queryFn: () => call('followup.get', { caseId }) });
}

export function useWellbeingChart(caseId: string) {
  return useQuery({ queryKey: followupKeys.chart(caseId), queryFn: () => call('followup.wellbeing', { caseId }) });
}

/** Completed re-scores made with the case's well-being form, for the visit to point at. */
export function useWellbeingAssessments(caseId: string) {
  return useQuery({
    queryKey: followupKeys.wellbeingAssessments(caseId),
    queryFn: async () => (await call('assessments.list', { caseId, kind: 'wellbeing' })).filter((a) => a.status === 'completed'),
  });
}

export function useVisit(caseId: string, visitId: string | null) {
  return useQuery({
    queryKey: followupKeys.visit(caseId, visitId ?? ''),
    queryFn: () => call('followup.getVisit', { caseId, visitId: visitId! }),
    enabled: visitId !== null,
  });
}

export function useProtocol() {
  return useQuery({ queryKey: followupKeys.protocol, queryFn: () => call('followup.getProtocol', {}) });
}

export function useFollowupWork() {
  return useQuery({ queryKey: followupKeys.myWork, queryFn: () => call('followup.myWork', {}) });
}

export function useCalendar(from: string, to: string, workerId: string | null) {
  return useQuery({ queryKey: followupKeys.calendar(from, to, workerId), queryFn: () => call('followup.calendar', { from, to, workerId }) });
}

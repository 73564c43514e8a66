// DOM. What a change to a case makes stale: every tab's data of the case (['case', caseId, …]),
// the case file (header, stage, gates), its timeline, and the lists and my work that show its
// gates and badges. A change in any tab can move a gate, so every tab refreshes all of them.
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/** Resolves once the queries on screen have been read again. */
export async function invalidateCase(queryClient: QueryClient, caseId: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['case', caseId] }),
    queryClient.invalidateQueries({ queryKey: ['cases', 'file', caseId] }),
    queryClient.invalidateQueries({ queryKey: ['cases', 'timeline', caseId] }),
    queryClient.invalidateQueries({ queryKey: ['cases', 'myWork'] }),
    queryClient.invalidateQueries({ queryKey: ['cases', 'list'] }),
  ]);
}

export function useInvalidateCase(caseId: string): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(() => invalidateCase(queryClient, caseId), [queryClient, caseId]);
}

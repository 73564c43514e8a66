// DOM. Backups through the query cache. While a backup runs, its status is polled.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '@shared/contract';
import { call } from '../../api';

export const backupKeys = {
  status: ['backup', 'status'] as const,
  reminder: ['backup', 'reminder'] as const,
};

export function useBackupStatus() {
  return useQuery({
    queryKey: backupKeys.status,
    queryFn: () => call('backup.status', {}),
    refetchInterval: (query) => {
      const phase = query.state.data?.job?.phase;
      return phase === 'copying' || phase === 'verifying' ? 400 : false;
    },
  });
}

export function useBackupReminder(enabled: boolean) {
  return useQuery({ queryKey: backupKeys.reminder, queryFn: () => call('backup.reminder', {}), enabled, staleTime: 60_000 });
}

export function useStartBackup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (folder: string) => call('backup.start', { folder }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['backup'] }),
  });
}

export function useSaveBackupSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'backup.setSettings'>) => call('backup.setSettings', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['backup'] }),
  });
}

/** The desktop app's folder dialog; null when there is none (browser mode) or it was cancelled. */
export async function chooseFolder(purpose: 'backup' | 'restore'): Promise<{ supported: boolean; path: string | null }> {
  return call('backup.chooseFolder', { purpose });
}


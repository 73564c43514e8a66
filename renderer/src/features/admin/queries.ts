// DOM. Administration data through the query cache (emptied on lock and logout).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '@shared/contract';
import { call } from '../../api';

export const adminKeys = {
  users: ['admin', 'users'] as const,
  settings: ['admin', 'settings'] as const,
};

export function useUsers(enabled = true) {
  return useQuery({ queryKey: adminKeys.users, queryFn: () => call('admin.listUsers', {}), enabled });
}

export function useSettings() {
  return useQuery({ queryKey: adminKeys.settings, queryFn: () => call('admin.getSettings', {}) });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'admin.createUser'>) => call('admin.createUser', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'admin.updateUser'>) => call('admin.updateUser', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

export function useRemoveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('admin.removeUser', { id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

export function useResetPassword() {
  return useMutation({ mutationFn: (input: ChannelInput<'admin.resetPassword'>) => call('admin.resetPassword', input) });
}

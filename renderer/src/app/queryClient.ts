// DOM. The cache of everything fetched from the core. It holds confidential data, so the session
// shell empties it (`clear`) on every lock and logout.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A refusal from the core (FORBIDDEN, SESSION_LOCKED …) will not change by asking again.
        retry: (failures, error) => !(error instanceof ApiError && error.code !== 'UNREACHABLE') && failures < 2,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
        gcTime: 5 * 60_000,
      },
      mutations: { retry: false },
    },
  });
}

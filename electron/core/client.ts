// Node-only. The in-process transport, for tests and tools: the same core, the same checks, with
// arguments and results structured-cloned exactly as Electron IPC would.
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import type { Result } from '../../shared/contract/errors';
import type { Core } from './core';

export interface InProcessClient {
  call<N extends ChannelName>(channel: N, input: ChannelInput<N>): Promise<Result<ChannelOutput<N>>>;
  /** Like call, but throws the wire error: for test set-up steps that must succeed. */
  ok<N extends ChannelName>(channel: N, input: ChannelInput<N>): Promise<ChannelOutput<N>>;
  close(): void;
}

export function createInProcessClient(core: Core): InProcessClient {
  const conn = core.connect();
  const call = async <N extends ChannelName>(channel: N, input: ChannelInput<N>) =>
    structuredClone(await core.invoke(conn, channel, structuredClone(input))) as Result<ChannelOutput<N>>;
  return {
    call,
    async ok(channel, input) {
      const result = await call(channel, input);
      if (!result.ok) throw Object.assign(new Error(`${channel}: ${result.error.code} ${result.error.message}`), { wire: result.error });
      return result.value;
    },
    close: () => core.disconnect(conn),
  };
}

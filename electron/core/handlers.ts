// Node-only. Every feature's handlers in one map. A channel without a handler, or a handler
// registered twice, stops the app at start-up rather than failing on first use.
import { channelNames, type ChannelName } from '../../shared/contract';
import { createAdminHandlers } from './admin/handlers';
import { createAuditHandlers } from './audit/handlers';
import type { CoreDeps } from './deps';
import type { HandlerMap } from './handler';
import { createSessionHandlers } from './session/handlers';

export function createHandlers(deps: CoreDeps): HandlerMap {
  const features = [createSessionHandlers(deps), createAdminHandlers(deps), createAuditHandlers(deps)];
  const merged: Partial<Record<ChannelName, unknown>> = {};
  for (const feature of features) {
    for (const [name, handler] of Object.entries(feature)) {
      if (merged[name as ChannelName]) throw new Error(`channel ${name} has two handlers`);
      merged[name as ChannelName] = handler;
    }
  }
  const missing = channelNames.filter((name) => !merged[name]);
  if (missing.length > 0) throw new Error(`channels without a handler: ${missing.join(', ')}`);
  return merged as HandlerMap;
}

// Node-only. The transfer feature's handlers: partners and the office card (partners.ts),
// sending (send.ts), receiving, receipts and handovers (receive.ts), over one file store.
import type { CoreDeps } from '../deps';
import { createTransferFiles } from './files';
import { createPartnerHandlers } from './partners';
import { createReceiveHandlers } from './receive';
import { createSendHandlers } from './send';

export function createTransferHandlers(deps: CoreDeps) {
  const files = createTransferFiles(deps);
  return {
    ...createPartnerHandlers(deps),
    ...createSendHandlers(deps, files),
    ...createReceiveHandlers(deps, files),
  };
}

// Node-only. Every feature's handlers in one map. A channel without a handler, or a handler
// registered twice, stops the app at start-up rather than failing on first use.
import { channelNames, type ChannelName } from '../../shared/contract';
import { createAdminHandlers } from './admin/handlers';
import { createApprovalsHandlers } from './approvals/handlers';
import { createAssessmentsHandlers } from './assessments/handlers';
import { createAuditHandlers } from './audit/handlers';
import { createBackupHandlers } from './backup/handlers';
import { createBidHandlers } from './bid/handlers';
import { createClosureHandlers } from './closure/handlers';
import { createDuplicateFlagHandlers } from './cases/duplicate-flags';
import { createPaperHandlers } from './cases/paper-handlers';
import { createDownloadHandlers } from './cases/downloads';
import { createCasesHandlers } from './cases/handlers';
import { createConferenceHandlers } from './conference/handlers';
import { createConsentsHandlers } from './consents/handlers';
import { createContactsHandlers } from './contacts/handlers';
import type { CoreDeps } from './deps';
import { createDraftsHandlers } from './drafts/handlers';
import { createFamilyHandlers } from './family/handlers';
import { createFollowupHandlers } from './followup/handlers';
import type { HandlerMap } from './handler';
import { createNotesHandlers } from './notes/handlers';
import { createPlansHandlers } from './plans/handlers';
import { createPlanFamilyHandlers } from './plans/family-copy';
import { createPracticeHandlers } from './practice/handlers';
import { createPreparationHandlers } from './preparation/handlers';
import { createReviewHandlers } from './review/handlers';
import { createReferralsHandlers } from './referrals/handlers';
import { createDhis2Handlers } from './reports/dhis2-handlers';
import { createExportHandlers } from './reports/export-handlers';
import { createReportsHandlers } from './reports/handlers';
import { createSummaryHandlers } from './reports/summary-handlers';
import { createReunificationHandlers } from './reunification/handlers';
import { createSafetyHandlers } from './safety/handlers';
import { createServicesHandlers } from './services/handlers';
import { createCategoryHandlers } from './services/categories';
import { createReferralExchangeHandlers } from './referrals/exchange-handlers';
import { createSessionHandlers } from './session/handlers';
import { createTasksHandlers } from './tasks/handlers';
import { createTracingHandlers } from './tracing/handlers';
import { createTransferHandlers } from './transfer/handlers';

export function createHandlers(deps: CoreDeps): HandlerMap {
  const features = [
    createSessionHandlers,
    createAdminHandlers,
    createAuditHandlers,
    createDraftsHandlers,
    createCasesHandlers,
    createDuplicateFlagHandlers,
    createPaperHandlers,
    createDownloadHandlers,
    createFamilyHandlers,
    createConsentsHandlers,
    createNotesHandlers,
    createTracingHandlers,
    createAssessmentsHandlers,
    createSafetyHandlers,
    createBidHandlers,
    createPlansHandlers,
    createPlanFamilyHandlers,
    createPreparationHandlers,
    createContactsHandlers,
    createReunificationHandlers,
    createApprovalsHandlers,
    createPracticeHandlers,
    createTasksHandlers,
    createBackupHandlers,
    createTransferHandlers,
    createFollowupHandlers,
    createClosureHandlers,
    createReviewHandlers,
    createServicesHandlers,
    createCategoryHandlers,
    createReferralsHandlers,
    createReferralExchangeHandlers,
    createConferenceHandlers,
    createReportsHandlers,
    createExportHandlers,
    createDhis2Handlers,
    createSummaryHandlers,
  ].map((create) => create(deps));
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

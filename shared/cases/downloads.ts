// Environment-free. A file leaving the encrypted store as a plain file on disk (a case document,
// the caregivers' willingness statement) is recorded before the renderer hands it to the browser's
// download: who took which file of which case, and when.
import { z } from 'zod';
import { defineChannels } from '../contract/channel';
import { idSchema } from './fields';

export const downloadKinds = ['document', 'willingness'] as const;

export const downloadsChannels = defineChannels({
  'cases.recordDownload': {
    access: 'case.read',
    input: z
      .object({
        caseId: idSchema,
        kind: z.enum(downloadKinds),
        /** The document's id (kind 'document'); the willingness statement is one per case. */
        itemId: idSchema.optional(),
      })
      .strict(),
    output: z.object({ recorded: z.literal(true) }),
  },
});

// Environment-free. Form drafts, saved encrypted in the core while the user types, so closing a
// form or the lock screen never loses typing — and nothing stays in the renderer behind the lock.
import { z } from 'zod';
import { defineChannels } from '../contract/channel';

const draftKey = z.string().min(1).max(200).regex(/^[\w:.-]+$/u);

export const draftsChannels = defineChannels({
  'drafts.save': {
    access: 'session',
    input: z.object({ key: draftKey, data: z.unknown() }).strict(),
    output: z.object({ savedAt: z.string() }),
  },
  'drafts.get': {
    access: 'session',
    input: z.object({ key: draftKey }).strict(),
    output: z.object({ data: z.unknown(), savedAt: z.string() }).nullable(),
  },
  'drafts.discard': {
    access: 'session',
    input: z.object({ key: draftKey }).strict(),
    output: z.object({ discarded: z.boolean() }),
  },
});

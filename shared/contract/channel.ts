// Environment-free. One declaration per channel: name, input and output schemas, access.
import type { z } from 'zod';
import type { Access } from '../permissions';

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Calls that do not count as user activity for auto-lock (status polls). */
  passive?: boolean;
}

export function defineChannels<const T extends Record<string, ChannelDef>>(defs: T): T {
  return defs;
}

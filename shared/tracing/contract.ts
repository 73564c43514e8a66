// Environment-free. The tracing feature's channels.
import { defineChannels } from '../contract/channel';

export const tracingChannels = defineChannels({});

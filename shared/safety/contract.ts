// Environment-free. The safety feature's channels.
import { defineChannels } from '../contract/channel';

export const safetyChannels = defineChannels({});

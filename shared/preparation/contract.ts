// Environment-free. The preparation feature's channels.
import { defineChannels } from '../contract/channel';

export const preparationChannels = defineChannels({});

// Environment-free. The plans feature's channels.
import { defineChannels } from '../contract/channel';

export const plansChannels = defineChannels({});

// Environment-free. The family feature's channels.
import { defineChannels } from '../contract/channel';

export const familyChannels = defineChannels({});

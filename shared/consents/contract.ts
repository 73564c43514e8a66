// Environment-free. The consents feature's channels.
import { defineChannels } from '../contract/channel';

export const consentsChannels = defineChannels({});

// Environment-free. The bid feature's channels.
import { defineChannels } from '../contract/channel';

export const bidChannels = defineChannels({});

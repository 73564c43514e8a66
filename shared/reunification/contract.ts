// Environment-free. The reunification feature's channels.
import { defineChannels } from '../contract/channel';

export const reunificationChannels = defineChannels({});

// Environment-free. The notes feature's channels.
import { defineChannels } from '../contract/channel';

export const notesChannels = defineChannels({});

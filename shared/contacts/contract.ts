// Environment-free. The contacts feature's channels.
import { defineChannels } from '../contract/channel';

export const contactsChannels = defineChannels({});

// Environment-free. The assessments feature's channels.
import { defineChannels } from '../contract/channel';

export const assessmentsChannels = defineChannels({});

import { getMeetingOperation } from '../meeting/shared/getMeeting';
import { PERSONAL_MEETINGS } from './family';

export const { description, prepare } = getMeetingOperation(PERSONAL_MEETINGS);

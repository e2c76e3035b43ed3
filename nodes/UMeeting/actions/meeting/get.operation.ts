import { ROOM_MEETINGS } from './shared/family';
import { getMeetingOperation } from './shared/getMeeting';

export const { description, prepare } = getMeetingOperation(ROOM_MEETINGS);

import { searchMeetings } from './listSearch';

export const listSearch = { searchMeetings };

import { listMeetingsOperation } from './shared/listMeetings';

export const { description, prepare } = listMeetingsOperation({
	operation: 'getHistory',
	endpoint: 'share/history',
	what: 'cancelled or ended meetings',
});

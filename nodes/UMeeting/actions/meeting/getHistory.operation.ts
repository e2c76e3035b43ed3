import { listMeetingsOperation } from './shared/listMeetings';

export const { description, execute } = listMeetingsOperation({
	operation: 'getHistory',
	endpoint: 'share/history',
	what: 'cancelled or ended meetings',
});

import { listMeetingsOperation } from './shared/listMeetings';

export const { description, prepare } = listMeetingsOperation({
	operation: 'getAll',
	endpoint: 'share/list',
	what: 'scheduled or running meetings',
});

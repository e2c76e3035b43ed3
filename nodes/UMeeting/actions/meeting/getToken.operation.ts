import { hostToken } from '../../meetings/answers';
import { hostSecretOperation } from './shared/hostSecret';

export const { description, prepare } = hostSecretOperation({
	operation: 'getToken',
	name: 'Get Host Token',
	endpoint: 'share/token',
	meetingField: 'meeting_id',
	answer: hostToken,
	locatorDescription:
		'The meeting whose host ID and host token to get. The token starts the meeting as its host: send it to the host only, never to attendees or a log.',
});

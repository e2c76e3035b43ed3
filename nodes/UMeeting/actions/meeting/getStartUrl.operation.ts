import { startUrl } from '../../meetings/answers';
import { hostSecretOperation } from './shared/hostSecret';

export const { description, prepare } = hostSecretOperation({
	operation: 'getStartUrl',
	name: 'Get Start URL',
	endpoint: 'share/getStartUrl',
	meetingField: 'id',
	answer: startUrl,
	locatorDescription:
		"The meeting whose host start URL to get. UMeeting gives it only inside the meeting's early-join window (from its ready time, usually 15 minutes, before the start); earlier the service refuses. The URL logs the host in: send it to the host only.",
});

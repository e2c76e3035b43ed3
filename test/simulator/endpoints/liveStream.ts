import { type Form, onlyKeys } from '../formRules';
import { ServiceRefusal } from '../refusals';
import { CREDENTIALS, type EndpointContext } from './context';

export const LIVE_STREAM_NOT_FOUND = 'live stream not found';

/**
 * live/{live_id}/delete: the live id comes in the path (see the route in index.ts), the form holds
 * the credential only. The meeting streaming under that id loses its stream for good: its answers
 * carry no live_id, play_addr or watch_url any more, and streaming is off, so an update that does not
 * turn it on again opens no new stream. A live id no meeting holds (unknown, or deleted already) is
 * refused. The manual's answer carries an explicit null.
 */
export function deleteLiveStream(form: Form, { store, pathParams }: EndpointContext) {
	onlyKeys(form, CREDENTIALS);
	const meeting = store.all().find((m) => m.live?.live_id === pathParams.liveId);
	if (!meeting) throw new ServiceRefusal(404, LIVE_STREAM_NOT_FOUND);
	meeting.live = undefined;
	meeting.flags.allow_live_streaming = false;
	return null;
}

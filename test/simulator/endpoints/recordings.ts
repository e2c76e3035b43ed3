import { DateTime } from 'luxon';

import { type Form, onlyKeys, requireText, serviceTime } from '../formRules';
import { recordingsListed } from '../clockLifecycle';
import { notFound } from '../refusals';
import { findSession, type HeldSession, utcText } from '../sessions';
import { CREDENTIALS, type EndpointContext } from './context';

/**
 * cloud/recording: the files recorded in a meeting's held sessions (meeting_id a meeting number), or
 * in one held session (meeting_id its uuid), that began at or after start_time (a service text).
 * Times come back in UTC, as the manual shows; each file names its session's uuid as meeting_id.
 * A meeting that has not ended, or was not booked with cloud recording, has none; nor has one whose
 * files are still being processed (SimulatorOptions.recordingReadyAfterMinutes).
 */
export function cloudRecording(form: Form, { store, clock }: EndpointContext) {
	onlyKeys(form, [...CREDENTIALS, 'start_time', 'meeting_id']);
	const from = clock.parse(serviceTime(form, 'start_time', true)!);
	const id = requireText(form, 'meeting_id');
	const meeting = store.get(id);
	const found = meeting ? undefined : findSession(store, id);
	if (!meeting && !found) throw notFound();
	const sessions: HeldSession[] = meeting ? (meeting.sessions ?? []) : [found!.session];
	return sessions
		.flatMap((session) => session.recordings.map((file) => ({ session, file })))
		.filter(({ session, file }) => recordingsListed(file.ready ?? session.ready, clock))
		.filter(({ file }) => DateTime.fromISO(file.start) >= from)
		.sort((a, b) => (a.file.start < b.file.start ? -1 : a.file.start > b.file.start ? 1 : 0))
		.map(({ session, file }) => ({
			id: file.id,
			meeting_id: session.uuid,
			recording_start: utcText(file.start),
			recording_end: utcText(file.end),
			file_type: file.file_type,
			file_size: file.file_size,
			play_url: file.play_url,
			download_url: file.download_url,
			status: file.status,
		}));
}

import { DateTime } from 'luxon';

import { hostToken, meetingDetails, meetingPage } from '../../nodes/UMeeting/meetings/answers';
import { recordingList } from '../../nodes/UMeeting/meetings/recordings';
import {
	meetingParticipants,
	meetingReports,
	sessionAttendees,
} from '../../nodes/UMeeting/actions/participant/answers';
import {
	historyList,
	metricsList,
	roomSummaryPage,
	roomUsagePage,
} from '../../nodes/UMeeting/actions/report/shared/answers';
import { SERVICE_DATE_FORMAT } from '../../nodes/UMeeting/actions/report/shared/period';
import { freeRoomCount, license, roomList } from '../../nodes/UMeeting/actions/room/answers';
import { readServiceTime, SERVICE_TIME_FORMAT } from '../../nodes/UMeeting/helpers/time';
import type { Recorder } from './report';
import type { LiveSettings } from './settings';

/** Rows asked for per page: enough to see a row's shape, little for the service to send. */
export const SMALL_PAGE = '5';

/** Days of the reports' period, ending today in the service zone. */
const REPORT_DAYS = 7;

type Row = { id: string; status?: number; start_time?: string };

/** What the reads found that the --write round trip needs. */
export interface ReadFindings {
	/** The smallest room size the license has rooms of, for a meeting that fits the account. */
	capacity?: number;
}

/**
 * Calls every read endpoint the node uses once, with small pages, in an order that lets later
 * calls use what earlier ones found (a meeting, its host, a held session). A call that needs
 * something no earlier answer gave is reported as skipped, with what it needs.
 */
export async function checkReads(recorder: Recorder, settings: LiveSettings): Promise<ReadFindings> {
	const page = { page_size: SMALL_PAGE, page_number: '1' };
	const rowsOf = (answer: Awaited<ReturnType<Recorder['call']>>) =>
		answer.ok ? (answer.data as { meetings: Row[] }).meetings : [];
	const listed = rowsOf(await recorder.call('share/list', page, meetingPage));
	const past = rowsOf(await recorder.call('share/history', page, meetingPage));
	// An ended meeting serves every call; a scheduled one the calls about the meeting itself.
	const held = past.find((row) => row.status === 3);
	const subject = held ?? listed[0] ?? past[0];

	let topic: string | undefined;
	let hostId: string | undefined;
	if (subject) {
		const got = await recorder.call('share/get', { meeting_id: subject.id }, meetingDetails);
		topic = got.ok ? (got.data as { topic?: string }).topic : undefined;
		// Answers a host token too: the report shows its shape only. The host id is what is needed.
		const token = await recorder.call('share/token', { meeting_id: subject.id }, hostToken);
		hostId = token.ok ? (token.data as { host_id: string }).host_id : undefined;
	} else {
		const reason = 'needs a meeting: share/list and share/history listed none';
		recorder.skip('share/get', reason);
		recorder.skip('share/token', reason);
	}
	recorder.skip(
		'share/getStartUrl',
		'not called: it answers a host login (start_url), and only shortly before a meeting starts',
	);
	await checkHeld(recorder, settings, held && { ...held, topic, hostId });

	await recorder.call('share/rooms', {}, roomList);
	const licensed = await recorder.call('licensing', {}, license);
	const capacity = licensed.ok ? smallestRoom(licensed.data) : undefined;
	if (capacity === undefined) {
		recorder.skip('share/freeRooms', 'needs a room size: licensing named none with rooms');
	} else {
		const start = DateTime.now().setZone(settings.serviceTimeZone).plus({ years: 1 }).startOf('day');
		await recorder.call(
			'share/freeRooms',
			{
				meeting_capacity: String(capacity),
				start_time: start.set({ hour: 10 }).toFormat(SERVICE_TIME_FORMAT),
				duration: '60',
			},
			freeRoomCount,
		);
	}

	const today = DateTime.now().setZone(settings.serviceTimeZone);
	const period = {
		from: today.minus({ days: REPORT_DAYS - 1 }).toFormat(SERVICE_DATE_FORMAT),
		to: today.toFormat(SERVICE_DATE_FORMAT),
	};
	await recorder.call('share/detail', { ...period, ...page }, roomUsagePage);
	await recorder.call('share/summary', { ...period, ...page }, roomSummaryPage);
	await recorder.call('share/hisMeeting', period, historyList);
	await recorder.call('metrics/meetings', { ...period, type: 'past' }, metricsList);

	if (settings.personalMeetingId) {
		await recorder.call('private/get', { meeting_id: settings.personalMeetingId }, meetingDetails);
	} else {
		recorder.skip(
			'private/get',
			"needs UMEETING_PERSONAL_MEETING_ID: the manual's personal-account lists are deprecated, so the suite cannot find such a meeting itself",
		);
	}
	return { capacity };
}

/** The calls about a held (ended) meeting: its report, its attendees and its recordings. */
async function checkHeld(
	recorder: Recorder,
	settings: LiveSettings,
	held: (Row & { topic?: string; hostId?: string }) | undefined,
) {
	const participantsPath = 'share/meeting/{id}/participants';
	if (!held) {
		const reason = 'needs an ended meeting: share/history listed none';
		for (const endpoint of ['share/meetingdetail', participantsPath, 'share/participants', 'cloud/recording'])
			recorder.skip(endpoint, reason);
		return;
	}
	const report = await recorder.call(
		'share/meetingdetail',
		{ meeting_id: held.id, type: '2', page_size: SMALL_PAGE, page_number: '1' },
		meetingReports,
	);
	const uuid = report.ok ? (report.data as Array<{ uuid?: string }>)[0]?.uuid : undefined;

	if (held.topic && held.hostId) {
		await recorder.call(
			`share/meeting/${held.id}/participants`,
			{ topic: held.topic, host_id: held.hostId },
			meetingParticipants,
		);
	} else {
		recorder.skip(
			participantsPath,
			'needs the topic (share/get) and host id (share/token) of an ended meeting',
		);
	}

	if (uuid) await recorder.call('share/participants', { uuid }, sessionAttendees);
	else recorder.skip('share/participants', 'needs a held session uuid: share/meetingdetail gave none');

	const start = held.start_time ? readServiceTime(held.start_time, settings.serviceTimeZone) : null;
	if (start) {
		const since = start.minus({ days: 1 }).toFormat(SERVICE_TIME_FORMAT);
		await recorder.call('cloud/recording', { meeting_id: held.id, start_time: since }, recordingList);
	} else {
		recorder.skip('cloud/recording', 'needs the start time of an ended meeting: share/history gave none');
	}
}

function smallestRoom(answer: unknown): number | undefined {
	const sizes = (
		answer as { rooms_per_capacity: Array<{ meeting_capacity: number | string; rooms: number }> }
	).rooms_per_capacity;
	const size = sizes.find((entry) => typeof entry.meeting_capacity === 'number' && entry.rooms > 0);
	return size?.meeting_capacity as number | undefined;
}

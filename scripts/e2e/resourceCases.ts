import { DateTime } from 'luxon';

import type { UMeetingSimulator } from '../../test/simulator';
import type { EndpointContext } from '../../test/simulator/endpoints/context';
import { freeRooms } from '../../test/simulator/endpoints/rooms';
import { schedule } from '../../test/simulator/endpoints/schedule';
import type { E2eCase } from './cases';
import { instant, millis, umeetingItems } from './cases';
import type { Checks } from './checks';
import { readExample } from './harness';
import { WORKFLOW_ZONE } from './integrationCases';
import type { CliResult } from './n8nCli';

/**
 * The examples that chain the resources beyond Meeting: a meeting held and ended, then its
 * attendees (Participant) and its cloud recording (Recording); and a room checked before a meeting is
 * booked (Room → IF → Schedule). Like the integration examples they carry no zone of their own, so
 * they run in the instance's zone (GENERIC_TIMEZONE America/New_York) against the simulator in
 * Asia/Shanghai: every instant compared below is compared as an instant, and the texts on the wire
 * must be the service zone's.
 */

const HELD = 'meeting-ended-participants-recordings.json';
const ROOMS = 'check-availability-then-schedule.json';

/** The items a node gave on one of its outputs (0 unless it has several, as IF has). */
function outputItems(result: CliResult, node: string, output = 0) {
	return result.json?.data?.resultData?.runData?.[node]?.[0]?.data?.main?.[output] ?? [];
}

const ranNodes = (result: CliResult) => Object.keys(result.json?.data?.resultData?.runData ?? {});

/** A UTC instant written as the node writes times: ISO 8601 with the workflow zone's offset. */
const inWorkflowZone = (iso: string) =>
	DateTime.fromISO(iso, { zone: 'utc' }).setZone(WORKFLOW_ZONE).toISO({ suppressMilliseconds: true });

const paths = (simulator: UMeetingSimulator) =>
	simulator.requests.map((r) => r.path.replace('/umeeting/', ''));

const context = (simulator: UMeetingSimulator): EndpointContext => ({
	store: simulator.store,
	clock: simulator.clock,
	publicUrl: simulator.url,
	pathParams: {},
});

/** Schedule → End → Participant: Get Many → Recording: Get Many (Execute Once). */
const heldCase: E2eCase = {
	file: HELD,
	title: 'meeting ended: attendees and cloud recording',
	expectExit: 0,
	verify(result, simulator, check) {
		const example = readExample(HELD);
		const scheduleNode = example.nodes.find((n) => n.name === 'Schedule')!;
		const wallStart = String(scheduleNode.parameters.startTime);
		const intended = instant(wallStart, WORKFLOW_ZONE);

		const [scheduled] = umeetingItems(result, 'Schedule');
		const id = String(scheduled?.json.meeting_id);
		const meeting = simulator.store.get(id);
		check.that(meeting !== undefined, 'UMeeting booked the meeting', scheduled?.json);
		if (!meeting) return;
		check.equal(
			[meeting.start_instant, meeting.recording, meeting.host_name],
			[intended, 'cloud', 'Wang Fang'],
			'the service stored the start read in the workflow zone, cloud recording and the host name',
		);

		check.equal(
			paths(simulator),
			['share/schedule', 'share/end', `share/meeting/${id}/participants`, 'cloud/recording'],
			'the calls, in order: schedule, end, participants of that meeting, its recordings (once: Execute Once)',
		);
		const [, ended, attendance, recording] = simulator.requests;
		check.equal(ended?.form.id, id, 'End ended the meeting Schedule booked');
		check.equal(
			[attendance?.form.topic, attendance?.form.host_id],
			[scheduleNode.parameters.topic, meeting.host_id],
			"Participant sent the Schedule node's topic and the meeting's host ID (no lookups)",
		);
		check.equal(
			[recording?.form.meeting_id, recording?.form.start_time],
			[id, simulator.clock.format(DateTime.fromISO(intended))],
			'Recording asked for that meeting from its start, written in the service zone',
		);
		check.equal(
			umeetingItems(result, 'End')[0]?.json,
			{ success: true, meeting_id: id, ended: true },
			'End ends it',
		);
		check.equal(meeting.status, 3, 'the simulator holds the meeting as ended');

		const sessions = meeting.sessions ?? [];
		check.equal(sessions.length, 1, 'the simulator holds one held session of it');
		const [session] = sessions;
		if (!session) return;
		const people = [...session.participants].sort((a, b) => (a.join < b.join ? -1 : a.join > b.join ? 1 : 0));

		const attendees = umeetingItems(result, 'Attendees').map((item) => item.json);
		check.that(people.length >= 2, 'the held session has attendees', people.length);
		check.equal(
			attendees.map((a) => a.user_name),
			people.map((p) => p.user_name),
			"one item per attendee of the held session, by join time, with the simulator's names",
		);
		check.that(
			attendees[0]?.user_name === 'Wang Fang',
			'the host (Host Name of Schedule) is among them, joining first',
			attendees[0],
		);
		check.equal(
			attendees.map((a) => [millis(a.join_time_iso), millis(a.leave_time_iso)]),
			people.map((p) => [millis(p.join), millis(p.leave)]),
			'join_time_iso and leave_time_iso are the instants the simulator holds',
		);
		check.equal(
			attendees.map((a) => [a.join_time_iso, a.leave_time_iso]),
			people.map((p) => [inWorkflowZone(p.join), inWorkflowZone(p.leave)]),
			"…written with the workflow zone's offset (the service wrote them as Shanghai texts)",
		);
		check.that(
			attendees.every(
				(a) =>
					a.meeting_id === id &&
					a.meeting_topic === scheduleNode.parameters.topic &&
					a.time_zone === WORKFLOW_ZONE &&
					millis(a.meeting_start_time_iso) === millis(intended) &&
					a.total_participants === people.length,
			),
			"every attendee item carries the meeting's number, topic, start, count and the workflow zone",
			attendees[0],
		);
		check.equal(
			umeetingItems(result, 'Attendees').map((item) => item.pairedItem),
			people.map(() => ({ item: 0 })),
			'every attendee item is paired with the one End item',
		);

		const files = [...session.recordings].sort((a, b) =>
			a.start < b.start ? -1 : a.start > b.start ? 1 : 0,
		);
		const recordings = umeetingItems(result, 'Recordings').map((item) => item.json);
		check.equal(files.length, 2, 'the simulator recorded the meeting (cloud): a video and an audio file');
		check.equal(
			recordings.map((r) => [r.id, r.file_type, r.meeting_id, r.play_url, r.download_url]),
			files.map((f) => [f.id, f.file_type, session.uuid, f.play_url, f.download_url]),
			"one item per recorded file, once (not per attendee), naming the held session's uuid",
		);
		check.equal(
			recordings.map((r) => [millis(r.recording_start_iso), millis(r.recording_end_iso)]),
			files.map((f) => [millis(f.start), millis(f.end)]),
			'recording_start_iso and recording_end_iso parse to the instants the simulator recorded',
		);
		check.equal(
			recordings.map((r) => [r.recording_start_iso, r.time_zone]),
			files.map((f) => [inWorkflowZone(f.start), WORKFLOW_ZONE]),
			"…written with the workflow zone's offset (the service wrote them in UTC)",
		);
	},
};

/** The slot the example's Meeting Request node asks for. */
function requestedSlot() {
	const node = readExample(ROOMS).nodes.find((n) => n.name === 'Meeting Request')!;
	const { assignments } = node.parameters.assignments as {
		assignments: Array<{ name: string; value: unknown }>;
	};
	const value = (name: string) => assignments.find((a) => a.name === name)?.value;
	return {
		topic: String(value('topic')),
		capacity: Number(value('capacity')),
		start: String(value('start')),
		duration: Number(value('duration')),
	};
}

/** The slot as the service reads it: its start written in the service zone. */
function slotForm(simulator: UMeetingSimulator) {
	const slot = requestedSlot();
	return {
		meeting_capacity: String(slot.capacity),
		start_time: simulator.clock.format(DateTime.fromISO(instant(slot.start, WORKFLOW_ZONE))),
		duration: String(slot.duration),
	};
}

/** What share/freeRooms answers now for the example's slot (asked of the simulator directly). */
const roomsNow = (simulator: UMeetingSimulator) => freeRooms(slotForm(simulator), context(simulator));

function checkAvailabilityAsked(result: CliResult, simulator: UMeetingSimulator, check: Checks) {
	const slot = requestedSlot();
	const form = slotForm(simulator);
	const [asked] = simulator.requestsTo('share/freeRooms');
	check.equal(
		asked?.form,
		{ ...form, api_key: simulator.apiKey, api_secret: simulator.apiSecret },
		'Check Availability asked about the slot, its New York start written in the service zone',
	);
	const [checked] = umeetingItems(result, 'Check Availability');
	check.equal(
		[
			checked?.json.meeting_capacity,
			checked?.json.duration,
			checked?.json.start_time,
			checked?.json.start_time_iso,
			checked?.json.time_zone,
		],
		[
			slot.capacity,
			slot.duration,
			form.start_time,
			inWorkflowZone(instant(slot.start, WORKFLOW_ZONE)),
			WORKFLOW_ZONE,
		],
		'its item states the slot: capacity, duration, service text and start in the workflow zone',
	);
	return checked?.json;
}

/** Manual Trigger → Edit Fields (slot) → Room: Check Availability → IF available → Schedule / No Room Free. */
const roomFreeCase: E2eCase = {
	file: ROOMS,
	title: 'check availability then schedule: a room is free',
	expectExit: 0,
	verify(result, simulator, check) {
		const slot = requestedSlot();
		const checked = checkAvailabilityAsked(result, simulator, check);
		check.equal(
			[checked?.available, checked?.free, checked?.total],
			[true, 2, 2],
			'the rooms are free: available, 2 of 2 rooms of the size a meeting of 40 takes (50)',
		);
		check.equal(outputItems(result, 'Room Free?', 0).length, 1, 'IF passed the item on its true output');
		check.equal(outputItems(result, 'Room Free?', 1).length, 0, 'and nothing on its false output');
		check.that(
			ranNodes(result).includes('Schedule Meeting') && !ranNodes(result).includes('No Room Free'),
			'the true branch ran, the false branch did not',
			ranNodes(result),
		);

		check.equal(
			paths(simulator),
			['share/freeRooms', 'share/schedule'],
			'the calls: check, then one schedule',
		);
		const [booking] = simulator.requestsTo('share/schedule');
		check.equal(
			booking?.form,
			{
				topic: slot.topic,
				...slotForm(simulator),
				api_key: simulator.apiKey,
				api_secret: simulator.apiSecret,
			},
			'Schedule booked exactly the checked slot (fields dragged from the availability item)',
		);
		const [scheduled] = umeetingItems(result, 'Schedule Meeting');
		const meeting = simulator.store.get(String(scheduled?.json.meeting_id));
		check.equal(simulator.store.created, 1, 'one meeting booked');
		check.equal(
			[meeting?.topic, meeting?.meeting_capacity, meeting?.duration, meeting?.start_instant],
			[slot.topic, slot.capacity, slot.duration, instant(slot.start, WORKFLOW_ZONE)],
			"the simulator holds it at the slot's instant (the start read in the workflow zone)",
		);
		check.equal(
			[scheduled?.json.start_time_iso, scheduled?.json.time_zone],
			[checked?.start_time_iso, WORKFLOW_ZONE],
			'the Schedule output starts when the availability item said',
		);
		check.equal(
			roomsNow(simulator),
			{ total: 2, free: 1 },
			'the meeting took one of the two rooms for the slot',
		);
	},
};

const roomsBookedCase: E2eCase = {
	file: ROOMS,
	title: 'check availability then schedule: every room of the size booked',
	/**
	 * Books both rooms of size 50 (the size a meeting of 40 takes) for parts of the slot, through
	 * the simulator's own schedule endpoint on its store (no request is recorded): one from half an
	 * hour before the slot's start to half an hour into it, one from a quarter hour into the slot to
	 * its end. They overlap each other, so they take both rooms; neither covers the whole slot. The
	 * one room of 100 stays free, which does not help: the service counts the rooms of the size the
	 * meeting takes.
	 */
	arrange(simulator) {
		const { start_time: slotStart } = slotForm(simulator);
		const at = (minutes: number) =>
			simulator.clock.format(simulator.clock.parse(slotStart).plus({ minutes }));
		for (const [topic, capacity, start, duration] of [
			['Board meeting', 30, at(-30), 60],
			['All hands', 50, at(15), 45],
		] as const) {
			schedule(
				{
					topic,
					meeting_capacity: String(capacity),
					start_time: start,
					duration: String(duration),
				},
				context(simulator),
			);
		}
	},
	expectExit: 0,
	verify(result, simulator, check) {
		check.equal(
			roomsNow(simulator),
			{ total: 2, free: 0 },
			'the simulator has no room of the size free for the slot (booked before the run)',
		);
		const checked = checkAvailabilityAsked(result, simulator, check);
		check.equal(
			[checked?.available, checked?.free, checked?.total],
			[false, 0, 2],
			'Check Availability says so: not available, 0 of 2 free',
		);
		check.equal(paths(simulator), ['share/freeRooms'], 'the only call is the check: no schedule request');
		check.equal(simulator.store.created, 2, 'no meeting booked beyond the two booked before the run');
		check.equal(outputItems(result, 'Room Free?', 0).length, 0, 'IF passed nothing on its true output');
		check.equal(outputItems(result, 'Room Free?', 1).length, 1, 'and the item on its false output');
		check.that(
			ranNodes(result).includes('No Room Free') && !ranNodes(result).includes('Schedule Meeting'),
			'the false branch ran, Schedule did not',
			ranNodes(result),
		);
		const slot = requestedSlot();
		const [notice] = umeetingItems(result, 'No Room Free');
		check.equal(
			notice?.json.message,
			`No room for ${slot.capacity} people is free from ${checked?.start_time_iso} for ${slot.duration} minutes (0 of 2 rooms free).`,
			'the false branch says that no room is free, for which slot',
		);
	},
};

export const RESOURCE_CASES: E2eCase[] = [heldCase, roomFreeCase, roomsBookedCase];

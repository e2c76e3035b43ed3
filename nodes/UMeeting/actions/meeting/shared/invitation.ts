import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RunInfo } from '../../operation';
import {
	buildInvitation,
	invitationSequence,
	isOrganizerEmail,
	type InvitationInput,
} from '../../../helpers/ics';
import { nextInvitationStamp } from './invitationStamp';

/** The form fields that describe a recurrence, as schedule and update send them. */
const RECURRENCE_FIELDS = [
	'recurrence_type',
	'daily_type',
	'weekly_days',
	'monthly_day',
	'monthly_week',
	'monthly_week_day',
	'end_times',
	'end_date_time',
];

/** Attach Invitation (.ics) and the binary property it goes to. */
export function invitationFields(kind: 'invitation' | 'cancellation'): INodeProperties[] {
	const invitation = kind === 'invitation';
	return [
		{
			displayName: invitation ? 'Attach Invitation (.ics)' : 'Attach Cancellation (.ics)',
			name: 'attachInvitation',
			type: 'boolean',
			default: false,
			description: invitation
				? 'Whether to add the meeting as an iCalendar file (binary), ready to attach to an e-mail or import into a calendar. It holds the topic, times, recurrence, join URL, meeting number and password, never a host secret. UMeeting reports no recurrence when a meeting is read: for a series, attach the file where the recurrence is sent (Schedule, or Update with Recurrence Change set to Set).'
				: 'Whether to add an iCalendar cancellation (binary) that removes the meeting from the calendars that got its invitation. Needs the meeting number (not an occurrence uuid); the meeting is read first.',
		},
		{
			displayName: 'Put File in Field',
			name: 'invitationBinaryProperty',
			type: 'string',
			default: 'invite',
			required: true,
			displayOptions: { show: { attachInvitation: [true] } },
			description:
				'Name of the binary field to put the .ics file in (the file is named meeting-&lt;ID&gt;.ics)',
		},
		{
			displayName: 'Organizer Email',
			name: 'organizerEmail',
			type: 'string',
			placeholder: 'host@example.com',
			default: '',
			required: true,
			displayOptions: { show: { attachInvitation: [true] } },
			description:
				"The address the file names as the meeting's organizer (ORGANIZER, with the host name when one is set). Calendars need it to accept the file; use the address the e-mail is sent from.",
		},
	];
}

/** Where an item's .ics file goes and who organizes the meeting. */
export interface InvitationTarget {
	property: string;
	organizerEmail: string;
}

/**
 * Where an item's invitation goes, or undefined when none was asked for. The organizer's address is
 * checked here, before anything is sent: a file without a valid ORGANIZER is not one to mail.
 */
export function invitationTarget(
	context: IExecuteFunctions,
	run: RunInfo,
	itemIndex: number,
): InvitationTarget | undefined {
	if (run.parameter('attachInvitation', itemIndex, false) !== true) return undefined;
	const property = String(run.parameter('invitationBinaryProperty', itemIndex, 'invite')).trim() || 'invite';
	const email = run.parameter('organizerEmail', itemIndex, '');
	const organizerEmail = typeof email === 'string' ? email.trim() : '';
	if (!isOrganizerEmail(organizerEmail)) {
		const got = typeof email === 'string' ? `"${email}"` : typeof email;
		throw new NodeOperationError(
			context.getNode(),
			`Invalid input in item ${itemIndex}: "Organizer Email" must be an e-mail address such as host@example.com (got ${got})`,
			{
				itemIndex,
				description:
					'The .ics file names its organizer by e-mail (RFC 5546 requires it). Fix the field and run again; nothing was sent to UMeeting.',
			},
		);
	}
	return { property, organizerEmail };
}

/** What the node knows of a meeting for its .ics file, from its request and the service's answer. */
export interface InvitationFacts {
	meetingId: string;
	topic: string;
	joinUrl?: string;
	password?: string;
	start: string;
	durationMinutes: number;
	/** The host name, the organizer's CN, when the node knows it. */
	hostName?: string;
	/** The request or answer the recurrence fields are read from, if the meeting is a series. */
	recurrenceSource?: Record<string, unknown>;
}

/** Adds the .ics file of a meeting to an output item as a binary property. */
export async function attachInvitation(
	context: IExecuteFunctions,
	item: INodeExecutionData,
	target: InvitationTarget,
	facts: InvitationFacts,
	serviceZone: string,
	method: InvitationInput['method'] = 'PUBLISH',
): Promise<INodeExecutionData> {
	// Every later file of a meeting replaces the earlier one in a calendar: its stamp, and with it
	// SEQUENCE, is later than that of any file of the same meeting this process wrote before.
	const stamp = nextInvitationStamp(facts.meetingId, Date.now());
	const hostName = facts.hostName?.trim();
	const text = buildInvitation({
		method,
		meetingId: facts.meetingId,
		topic: facts.topic,
		joinUrl: facts.joinUrl,
		password: facts.password,
		organizer: { email: target.organizerEmail, ...(hostName ? { name: hostName } : {}) },
		start: facts.start,
		serviceZone,
		durationMinutes: facts.durationMinutes,
		recurrence: recurrenceOf(facts.recurrenceSource),
		sequence: invitationSequence(stamp),
		stamp,
	});
	const binary = await context.helpers.prepareBinaryData(
		Buffer.from(text, 'utf8'),
		`meeting-${facts.meetingId}.ics`,
		'text/calendar',
	);
	return { ...item, binary: { ...item.binary, [target.property]: binary } };
}

/** The invitation facts of a meeting as share/get describes it; refuses a meeting it cannot describe. */
export function meetingFacts(
	context: IExecuteFunctions,
	meeting: Record<string, unknown>,
	itemIndex: number,
): InvitationFacts {
	const { id, topic, start_time: start, duration, join_url: joinUrl, password, host_name } = meeting;
	if (typeof start !== 'string' || typeof duration !== 'number') {
		throw new NodeOperationError(
			context.getNode(),
			`UMeeting did not give the start time and duration of meeting ${String(id)}, which its .ics file needs`,
			{ itemIndex, description: 'Turn off the .ics option for this meeting.' },
		);
	}
	return {
		meetingId: String(id),
		topic: typeof topic === 'string' ? topic : '',
		joinUrl: typeof joinUrl === 'string' ? joinUrl : undefined,
		password: typeof password === 'string' ? password : undefined,
		hostName: typeof host_name === 'string' ? host_name : undefined,
		start,
		durationMinutes: duration,
		recurrenceSource: meeting,
	};
}

function recurrenceOf(source: Record<string, unknown> | undefined): Record<string, string> | undefined {
	if (!source || typeof source.recurrence_type !== 'string' || source.recurrence_type === '')
		return undefined;
	const fields: Record<string, string> = {};
	for (const key of RECURRENCE_FIELDS) {
		const value = source[key];
		if (typeof value === 'string' || typeof value === 'number') fields[key] = String(value);
	}
	return fields;
}

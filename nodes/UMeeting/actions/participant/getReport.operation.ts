import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { parseParameters } from '../../helpers/validation';
import { callUMeeting } from '../../transport';
import { meetingLocator } from '../meeting/shared/meetingLocator';
import { PageGuard } from '../../meetings/paging';
import { timeZoneField } from '../../meetings/timeZone.field';
import { readZones } from '../readZones';
import { jsonItems, type RunInfo, type Send } from '../operation';
import { type MeetingReport, meetingReports, presentAttendee, presentReport } from './answers';
import { getReportSchema } from './getReport.schema';
import { displayFor } from '../../helpers/displayFor';

const ENDPOINT = 'share/meetingdetail';

const fields: INodeProperties[] = [
	meetingLocator({
		occurrences: true,
		description:
			"A meeting number gives the report of its latest ended session (or, with Meeting State In Progress, of the session running now). The uuid of one held session (an occurrence uuid, or the meeting_id of a recording) gives that session's report.",
	}),
	{
		displayName: 'Meeting State',
		name: 'meetingState',
		type: 'options',
		default: 'ended',
		options: [
			{
				name: 'Ended',
				value: 'ended',
				description: 'The report of its latest session that has ended',
			},
			{
				name: 'In Progress',
				value: 'live',
				description: 'The report of the session running now',
			},
		],
		description: 'Which report of a meeting number to read; not used with a uuid',
	},
	timeZoneField(
		"Zone in which the output's times are shown: start_time_iso, end_time_iso and each attendee's join_time_iso and leave_time_iso carry its offset, time_zone its name.",
	),
];

export const description = displayFor(
	{ show: { resource: ['participant'], operation: ['getReport'] } },
	fields,
);

export function prepare(this: IExecuteFunctions, itemIndex: number, run: RunInfo): Send {
	const { byNumber, form, zones } = parseParameters(
		this,
		getReportSchema,
		{
			meetingId: run.parameter('meetingId', itemIndex, '', { extractValue: true }),
			meetingState: run.parameter('meetingState', itemIndex, 'ended'),
			...readZones(this, itemIndex, run),
		},
		description,
		itemIndex,
	);
	const present = (report: MeetingReport, participants: MeetingReport['participants']) =>
		presentReport(
			report,
			participants.map((person) => presentAttendee(person, zones)),
			zones,
		);
	const noReport = () =>
		new NodeApiError(
			this.getNode(),
			{ endpoint: ENDPOINT },
			{
				message: `UMeeting has no report for ${form.meeting_id ?? form.uuid}`,
				description: 'The service answered with no report. Check the meeting number or uuid.',
				itemIndex,
			},
		);

	if (!byNumber) {
		return async () => {
			const reports: MeetingReport[] = await callUMeeting.call(this, {
				endpoint: ENDPOINT,
				form,
				itemIndex,
				data: meetingReports,
			});
			if (reports.length === 0) throw noReport();
			return jsonItems(reports.map((report) => present(report, report.participants)));
		};
	}

	// Asked by meeting number, the report comes with one page of attendees per request.
	return async () => {
		const pages = new PageGuard(this.getNode(), ENDPOINT, itemIndex);
		let first: MeetingReport | undefined;
		const participants: MeetingReport['participants'] = [];
		for (let page = 1; ; page++) {
			const [report]: MeetingReport[] = await callUMeeting.call(this, {
				endpoint: ENDPOINT,
				form: { ...form, page_number: String(page) },
				itemIndex,
				data: meetingReports,
			});
			if (!report) throw noReport();
			const head: MeetingReport = first ?? report;
			first = head;
			participants.push(...report.participants);
			const total = head.participants_count ?? Number.POSITIVE_INFINITY;
			const more =
				report.participants.length > 0 && page < (report.page_count ?? 1) && participants.length < total;
			pages.check(
				report.participants.map((person) => ({
					id: `${String(person.user_id)}@${String(person.join_time)}`,
				})),
				more,
			);
			if (!more) break;
		}
		return [{ json: present(first!, participants) }];
	};
}

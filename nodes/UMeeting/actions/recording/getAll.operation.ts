import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseParameters } from '../../helpers/validation';
import { callUMeeting } from '../../transport';
import { meetingLocator } from '../meeting/shared/meetingLocator';
import { timeZoneField } from '../../meetings/timeZone.field';
import { readZones } from '../readZones';
import { jsonItems, type RunInfo, type Send } from '../operation';
import { presentRecording, type RecordingFile, recordingList } from '../../meetings/recordings';
import { getRecordingsSchema } from './getAll.schema';
import { returnAllFields } from '../meeting/shared/returnAll.fields';
import { startTimeField } from '../meeting/shared/meetingFields';
import { displayFor } from '../../helpers/displayFor';

const fields: INodeProperties[] = [
	meetingLocator({
		occurrences: true,
		description:
			'A meeting number lists the cloud recordings of every session of it held so far; the uuid of one held session (an occurrence uuid) lists that session only. A meeting has recordings once it has ended, if it was booked with cloud recording.',
	}),
	startTimeField(
		"Only recordings that began at or after this time. The meeting's own start (start_time_iso in the output of Schedule, dragged in) finds all of its recordings. A time without an offset is meant in the Time Zone below; an ISO 8601 time with an offset or Z, or a DateTime, is that instant whatever the zones.",
	),
	...returnAllFields(),
	timeZoneField(
		"Zone in which a Start Time without an offset is meant, and in which the output's times are shown: recording_start_iso and recording_end_iso carry its offset (UMeeting gives these times in UTC), time_zone its name.",
	),
];

export const description = displayFor({ show: { resource: ['recording'], operation: ['getAll'] } }, fields);

export function prepare(this: IExecuteFunctions, itemIndex: number, run: RunInfo): Send {
	const returnAll = run.parameter('returnAll', itemIndex, false);
	const { form, wanted, zones } = parseParameters(
		this,
		getRecordingsSchema,
		{
			meetingId: run.parameter('meetingId', itemIndex, '', { extractValue: true }),
			startTime: run.parameter('startTime', itemIndex, ''),
			returnAll,
			limit: returnAll ? 1 : run.parameter('limit', itemIndex, 50),
			...readZones(this, itemIndex, run),
		},
		description,
		itemIndex,
	);
	return async () => {
		const files: RecordingFile[] = await callUMeeting.call(this, {
			endpoint: 'cloud/recording',
			form,
			itemIndex,
			data: recordingList,
		});
		return jsonItems(files.slice(0, wanted).map((file) => presentRecording(file, zones)));
	};
}

import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { count, idText } from '../helpers/answerFields';
import { anyServiceTimeToIso, type TimeZones } from '../helpers/time';

/**
 * A recorded file as cloud/recording lists it. Its meeting_id is the uuid of the held session it
 * was recorded in; its times are UTC (`...Z`), unlike the meeting texts, and are read as such
 * (a time without a zone marker would be read in the service zone).
 */
const recordingFile = z
	.object({
		id: idText,
		meeting_id: idText.optional(),
		recording_start: z.string().nullable().optional(),
		recording_end: z.string().nullable().optional(),
		file_type: z.string().optional(),
		file_size: count.optional(),
		play_url: z.string().optional(),
		download_url: z.string().optional(),
		status: z.string().optional(),
	})
	.passthrough();

export type RecordingFile = z.output<typeof recordingFile>;

/** data of cloud/recording; none recorded may come as null. */
export const recordingList = z
	.array(recordingFile)
	.nullable()
	.transform((files) => files ?? []);

function isoOf(text: unknown, zones: TimeZones): string | null {
	return typeof text === 'string' && text.trim() !== '' ? anyServiceTimeToIso(text, zones) : null;
}

export function presentRecording(file: RecordingFile, zones: TimeZones): IDataObject {
	return {
		...(file as IDataObject),
		recording_start_iso: isoOf(file.recording_start, zones),
		recording_end_iso: isoOf(file.recording_end, zones),
		time_zone: zones.item,
	};
}

import { z } from 'zod';

import { text, wholeNumber } from '../../helpers/fieldSchemas';
import { meetingOptions, optionsToForm } from './shared/meetingOptions.schema';
import { zoneParameters, zonesOf } from './shared/zones';

/** share/instant: the parameters of Start Instant Meeting and their form body. */
export const INSTANT_OPTIONS = [
	'allowLiveStreaming',
	'hostName',
	'hostVideo',
	'joinBeforeHost',
	'muteUponEntry',
	'participantsVideo',
	'recording',
	'usePmi',
	'userKey',
	'waitingRoom',
] as const;

export const instantSchema = z
	.object({
		topic: text({ required: true }),
		meetingCapacity: wholeNumber({ min: 1 }),
		...zoneParameters,
		additionalFields: meetingOptions(INSTANT_OPTIONS)
			.extend({ duration: wholeNumber({ greaterThan: 30 }).optional() })
			.default({}),
	})
	.transform((params, ctx) => {
		const { duration, ...options } = params.additionalFields;
		const form: Record<string, string> = {
			topic: params.topic,
			meeting_capacity: String(params.meetingCapacity),
			...(duration === undefined ? {} : { duration: String(duration) }),
			...optionsToForm(options, 'additionalFields', ctx),
		};
		return { form, zones: zonesOf(params) };
	});

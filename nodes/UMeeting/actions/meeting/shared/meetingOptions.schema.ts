import { z } from 'zod';

import { flag, oneOf, text } from '../../../helpers/fieldSchemas';

/**
 * The optional meeting settings the schedule, instant and update calls share (of the public rooms
 * and of personal accounts): the node's parameter name, the API's wire name and the rule for each.
 * Each operation takes the ones its endpoint documents.
 */
export const MEETING_OPTIONS = {
	password: { wire: 'password', schema: text() },
	userKey: { wire: 'user_key', schema: text({ maxBytes: 200 }) },
	muteUponEntry: { wire: 'mute_upon_entry', schema: flag, notForWebinar: true },
	usePmi: { wire: 'use_pmi', schema: flag },
	hostVideo: { wire: 'option_host_video', schema: flag, notForWebinar: true },
	participantsVideo: { wire: 'option_participants_video', schema: flag, notForWebinar: true },
	recording: { wire: 'recording', schema: oneOf(['cloud', 'none']) },
	hostName: { wire: 'host_name', schema: text() },
	allowLiveStreaming: { wire: 'allow_live_streaming', schema: flag, notForWebinar: true },
	waitingRoom: { wire: 'waiting_room', schema: flag, notForWebinar: true },
	enableWebinar: { wire: 'enable_webinar', schema: flag },
	joinBeforeHost: { wire: 'option_jbh', schema: flag },
	/** The personal-account calls' name for a webinar; their manual excludes no option from one. */
	webinar: { wire: 'webinar', schema: flag },
} as const;

export type MeetingOption = keyof typeof MEETING_OPTIONS;

type OptionsShape<K extends MeetingOption> = {
	[N in K]: z.ZodOptional<(typeof MEETING_OPTIONS)[N]['schema']>;
};

/** A strict object of the named options: an unknown key is refused rather than dropped. */
export function meetingOptions<K extends MeetingOption>(names: readonly K[]) {
	const shape = Object.fromEntries(names.map((name) => [name, MEETING_OPTIONS[name].schema.optional()]));
	return z.object(shape as OptionsShape<K>).strict();
}

const WEBINAR_EXCLUDED = 'is not available for webinars: remove it or turn off Enable Webinar';

/**
 * Writes the options the user set into the form body (an explicit false included, empty text
 * left out) and refuses, on the given path, options a webinar does not have.
 */
export function optionsToForm(
	values: Partial<Record<MeetingOption, string>>,
	path: string,
	ctx: z.RefinementCtx,
): Record<string, string> {
	const form: Record<string, string> = {};
	const webinar = values.enableWebinar === 'true';
	for (const [name, value] of Object.entries(values)) {
		if (value === undefined || value === '') continue;
		const option = MEETING_OPTIONS[name as MeetingOption];
		if (webinar && 'notForWebinar' in option && value === 'true') {
			ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path, name], message: WEBINAR_EXCLUDED });
		}
		form[option.wire] = value;
	}
	return form;
}

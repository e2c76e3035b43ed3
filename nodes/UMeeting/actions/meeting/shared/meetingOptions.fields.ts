import type { INodeProperties } from 'n8n-workflow';

import { byLabel } from '../../../helpers/byLabel';
import type { MeetingOption } from './meetingOptions.schema';

/** Editor fields of the optional meeting settings; each operation shows the ones its endpoint takes. */
const FIELDS: Record<MeetingOption, INodeProperties> = {
	allowLiveStreaming: {
		displayName: 'Allow Live Streaming',
		name: 'allowLiveStreaming',
		type: 'boolean',
		default: false,
		description: 'Whether the meeting may be streamed live (not available for webinars)',
	},
	enableWebinar: {
		displayName: 'Enable Webinar',
		name: 'enableWebinar',
		type: 'boolean',
		default: false,
		description:
			'Whether to create a webinar instead of a meeting. Webinars have no mute on entry, video settings, live streaming or waiting room: turning one of those on as well is refused.',
	},
	hostName: {
		displayName: 'Host Name',
		name: 'hostName',
		type: 'string',
		default: '',
		description: 'Name shown for the host',
	},
	hostVideo: {
		displayName: 'Host Video',
		name: 'hostVideo',
		type: 'boolean',
		default: false,
		description: "Whether the host's camera is on when the meeting starts (not available for webinars)",
	},
	muteUponEntry: {
		displayName: 'Mute Upon Entry',
		name: 'muteUponEntry',
		type: 'boolean',
		default: false,
		description: 'Whether participants are muted when they join (not available for webinars)',
	},
	participantsVideo: {
		displayName: 'Participants Video',
		name: 'participantsVideo',
		type: 'boolean',
		default: false,
		description: "Whether participants' cameras are on when they join (not available for webinars)",
	},
	password: {
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'Password participants must enter to join; leave empty for none',
	},
	recording: {
		displayName: 'Recording',
		name: 'recording',
		type: 'options',
		default: 'none',
		options: [
			{ name: 'Cloud', value: 'cloud', description: 'Record the meeting in the UMeeting cloud' },
			{ name: 'None', value: 'none', description: 'Do not record (the service default)' },
		],
	},
	usePmi: {
		displayName: 'Use Personal Meeting ID',
		name: 'usePmi',
		type: 'boolean',
		default: false,
		description:
			'Whether to hold the meeting in the personal meeting room of the account (only accounts set up for it by UMeeting)',
	},
	userKey: {
		displayName: 'User Key',
		name: 'userKey',
		type: 'string',
		default: '',
		description:
			'Your own identifier for whom the meeting is booked for (for example a CRM user ID), at most 200 bytes in UTF-8: about 66 Chinese characters. Meeting lists can be filtered by it.',
	},
	waitingRoom: {
		displayName: 'Waiting Room',
		name: 'waitingRoom',
		type: 'boolean',
		default: false,
		description: 'Whether participants wait until the host admits them (not available for webinars)',
	},
	joinBeforeHost: {
		displayName: 'Allow Join Before Host',
		name: 'joinBeforeHost',
		type: 'boolean',
		default: false,
		description: 'Whether participants may join before the host arrives',
	},
	webinar: {
		displayName: 'Webinar',
		name: 'webinar',
		type: 'boolean',
		default: false,
		description: 'Whether to hold a webinar (presenters and an audience) instead of a meeting',
	},
};

/** The named fields, and any of the operation's own, in the order the editor expects (by label). */
export function meetingOptionFields(
	names: readonly MeetingOption[],
	own: INodeProperties[] = [],
): INodeProperties[] {
	return [...names.map((name) => FIELDS[name]), ...own].sort((a, b) => byLabel(a.displayName, b.displayName));
}

import type { INodeProperties } from 'n8n-workflow';

import * as meeting from './meeting';
import type { Operation } from './operation';
import * as participant from './participant';
import * as personalMeeting from './personalMeeting';
import * as recording from './recording';
import * as report from './report';
import * as room from './room';

export interface Resource {
	/** The resource as the editor's Resource list shows it. */
	displayName: string;
	/** Its Operation selector and every operation's fields. */
	description: INodeProperties[];
	operations: Record<string, Operation>;
}

/** Every resource of the node by its parameter value; each lives in a folder of its own. */
export const RESOURCES: Record<string, Resource> = {
	meeting: { displayName: 'Meeting', ...meeting },
	participant: { displayName: 'Participant', ...participant },
	personalMeeting: { displayName: 'Personal Meeting', ...personalMeeting },
	recording: { displayName: 'Recording', ...recording },
	report: { displayName: 'Report', ...report },
	room: { displayName: 'Room', ...room },
};

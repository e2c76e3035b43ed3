import { resetCapacity } from './capacity';
import type { Endpoint, EndpointContext } from './context';
import { get, getStartUrl, token } from './details';
import { instant } from './instant';
import { end, remove } from './lifecycle';
import { history, list } from './listing';
import { meetingDetail, meetingParticipants, sessionParticipants } from './participants';
import {
	personalDelete,
	personalEnd,
	personalGet,
	personalInstant,
	personalSchedule,
	personalUpdate,
} from './personal';
import { cloudRecording } from './recordings';
import { deleteLiveStream } from './liveStream';
import { freeRooms, licensing, rooms } from './rooms';
import { detail, hisMeeting, metricsMeetings, summary } from './reports';
import { schedule } from './schedule';
import { update } from './update';

export type { Endpoint, EndpointContext } from './context';
export { START_URL_WINDOW } from './details';
export { INSTANT_DURATION } from './instant';
export { OCCURRENCE_CAP } from './recurrenceForm';
export { checkSchedule, type ScheduleRequest } from './schedule';
export { checkUpdate, type UpdateRequest } from './update';

/** Endpoints at a fixed path. */
export const ENDPOINTS: Record<string, Endpoint> = {
	'/umeeting/share/schedule': schedule,
	'/umeeting/share/instant': instant,
	'/umeeting/share/get': get,
	'/umeeting/share/update': update,
	'/umeeting/share/end': end,
	'/umeeting/share/delete': remove,
	'/umeeting/share/list': list,
	'/umeeting/share/history': history,
	'/umeeting/share/token': token,
	'/umeeting/share/getStartUrl': getStartUrl,
	'/umeeting/share/meetingdetail': meetingDetail,
	'/umeeting/share/participants': sessionParticipants,
	'/umeeting/cloud/recording': cloudRecording,
	'/umeeting/share/rooms': rooms,
	'/umeeting/share/freeRooms': freeRooms,
	'/umeeting/licensing': licensing,
	'/umeeting/share/detail': detail,
	'/umeeting/share/summary': summary,
	'/umeeting/share/hisMeeting': hisMeeting,
	'/umeeting/metrics/meetings': metricsMeetings,
	'/umeeting/private/schedule': personalSchedule,
	'/umeeting/private/instant': personalInstant,
	'/umeeting/private/get': personalGet,
	'/umeeting/private/update': personalUpdate,
	'/umeeting/private/end': personalEnd,
	'/umeeting/private/delete': personalDelete,
};

/** Endpoints carrying a value in the path; named groups become EndpointContext.pathParams. */
const PATTERNS: [RegExp, Endpoint][] = [
	[/^\/umeeting\/share\/resetCapacity\/(?<meetingId>[^/]+)$/, resetCapacity],
	[/^\/umeeting\/share\/meeting\/(?<meetingId>[^/]+)\/participants$/, meetingParticipants],
	[/^\/umeeting\/live\/(?<liveId>[^/]+)\/delete$/, deleteLiveStream],
];

export function route(
	path: string,
): { endpoint: Endpoint; pathParams: EndpointContext['pathParams'] } | undefined {
	const fixed = Object.prototype.hasOwnProperty.call(ENDPOINTS, path) ? ENDPOINTS[path] : undefined;
	if (fixed) return { endpoint: fixed, pathParams: {} };
	for (const [pattern, patterned] of PATTERNS) {
		const match = pattern.exec(path);
		if (match) return { endpoint: patterned, pathParams: { ...match.groups } };
	}
	return undefined;
}

import { DEFAULT_BASE_URL } from '../../credentials/UMeetingApi.credentials';
import { isValidTimeZone, SERVICE_TIME_ZONE_DEFAULT } from '../../nodes/UMeeting/helpers/timeZones';
import { baseUrlProblem } from '../../nodes/UMeeting/transport/baseUrl';

/** What the suite needs to talk to an account, read from the environment as a credential holds it. */
export interface LiveSettings {
	apiKey: string;
	apiSecret: string;
	baseUrl: string;
	serviceTimeZone: string;
	/** A personal-account meeting for private/get, the one personal read the manual still documents. */
	personalMeetingId?: string;
	/** Whether to book, change and delete one meeting (--write). */
	write: boolean;
	/** Where to write the report as JSON as well (--json <file>). */
	jsonFile?: string;
}

export type ReadSettings =
	| { kind: 'run'; settings: LiveSettings }
	| { kind: 'skip'; missing: string[] }
	| { kind: 'invalid'; problem: string };

export const USAGE = `Set the credential of the account to check, then run again:
  UMEETING_API_KEY             the api_key UMeeting issued to you (required)
  UMEETING_API_SECRET          the matching api_secret (required; never printed)
  UMEETING_BASE_URL            default ${DEFAULT_BASE_URL}
  UMEETING_SERVICE_TIME_ZONE   default ${SERVICE_TIME_ZONE_DEFAULT}
  UMEETING_PERSONAL_MEETING_ID optional: a personal-account meeting, for private/get
Options: --write (also book, update and delete one meeting a year ahead), --json <file> (the report as JSON)`;

export function readSettings(env: NodeJS.ProcessEnv, args: readonly string[]): ReadSettings {
	const value = (name: string) => env[name]?.trim() || undefined;
	const apiKey = value('UMEETING_API_KEY');
	const apiSecret = value('UMEETING_API_SECRET');
	const missing = [...(apiKey ? [] : ['UMEETING_API_KEY']), ...(apiSecret ? [] : ['UMEETING_API_SECRET'])];
	if (!apiKey || !apiSecret) return { kind: 'skip', missing };

	const baseUrl = value('UMEETING_BASE_URL') ?? DEFAULT_BASE_URL;
	// The credential's own rule: the secret goes over https, or plain http on loopback only.
	const problem = baseUrlProblem(baseUrl, false);
	if (problem) return { kind: 'invalid', problem: `UMEETING_BASE_URL: ${problem}` };
	const serviceTimeZone = value('UMEETING_SERVICE_TIME_ZONE') ?? SERVICE_TIME_ZONE_DEFAULT;
	if (!isValidTimeZone(serviceTimeZone))
		return {
			kind: 'invalid',
			problem: `UMEETING_SERVICE_TIME_ZONE "${serviceTimeZone}" is not an IANA time zone`,
		};

	const unknown = args.filter((arg, at) => !['--write', '--json'].includes(arg) && args[at - 1] !== '--json');
	if (unknown.length) return { kind: 'invalid', problem: `unknown argument ${unknown.join(' ')}\n${USAGE}` };
	const jsonAt = args.indexOf('--json');
	if (jsonAt >= 0 && !args[jsonAt + 1]) return { kind: 'invalid', problem: '--json needs a file name' };
	return {
		kind: 'run',
		settings: {
			apiKey,
			apiSecret,
			baseUrl,
			serviceTimeZone,
			personalMeetingId: value('UMEETING_PERSONAL_MEETING_ID'),
			write: args.includes('--write'),
			jsonFile: jsonAt >= 0 ? args[jsonAt + 1] : undefined,
		},
	};
}

/* eslint-disable no-console -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import ICAL from 'ical.js';
import { DateTime } from 'luxon';

import type { StoredMeeting } from '../../test/simulator/meetings';
import type { E2eCase, E2eContext } from './cases';
import { instant, millis, umeetingItems } from './cases';
import type { Checks } from './checks';
import { type ExampleWorkflow, readExample } from './harness';
import { exitOf } from './n8nCli';
import type { ReceivedMail } from './smtpReceiver';

/**
 * The examples that put UMeeting between other services: a booking form that mails the attendee an
 * invitation (.ics) and the host the start link, a CRM webhook that books a meeting and creates a
 * Google Calendar event, and an AI agent with UMeeting as its tool. They run in the instance's zone
 * (GENERIC_TIMEZONE America/New_York, no zone in their settings) against the simulator in
 * Asia/Shanghai, so an instant read in the wrong zone shows up as a different instant.
 */

export const WORKFLOW_ZONE = 'America/New_York';
export const SMTP_CREDENTIAL = { id: 'smtpE2eReceiver1', name: 'SMTP (bookings)' };

const FORM = 'form-to-invitation-email.json';
const CRM = 'crm-webhook-to-google-calendar.json';
const AI = 'ai-agent-meeting-tool.json';

const TRIGGERS_WITH_PINNED_DATA = ['n8n-nodes-base.formTrigger', 'n8n-nodes-base.webhook'];

/**
 * `n8n execute` (1.123 and 2.41 alike) starts only from a Manual Trigger (or Execute Workflow
 * Trigger) and runs in "cli" mode, in which pinned data is not used at all: a workflow whose trigger
 * is a Form Trigger or a Webhook is refused ("Missing node to start execution"). The copy run here
 * puts a Manual Trigger in front of the trigger and turns the trigger into an Edit Fields node of the
 * same name that outputs the trigger's pinned item: every later node, and every `$('Booking Form')`
 * reference, sees what the pinned trigger gives in the editor.
 */
export function startFromPinnedTrigger(workflow: ExampleWorkflow, id: string): ExampleWorkflow {
	const copy = structuredClone(workflow);
	copy.id = id;
	copy.name = `${workflow.name} (e2e: pinned trigger data)`;
	const pinned = Object.entries(copy.pinData ?? {}).filter(([name]) =>
		TRIGGERS_WITH_PINNED_DATA.includes(copy.nodes.find((n) => n.name === name)?.type ?? ''),
	);
	if (pinned.length !== 1) throw new Error(`${workflow.name}: expected one trigger with pinned data`);
	const [[name, items]] = pinned;
	if (items.length !== 1)
		throw new Error(`${workflow.name}: the stand-in gives one pinned item, not ${items.length}`);
	const trigger = copy.nodes.find((n) => n.name === name)!;
	const [x, y] = trigger.position as [number, number];
	Object.assign(trigger, {
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		parameters: { mode: 'raw', jsonOutput: JSON.stringify(items[0].json, null, 2), options: {} },
	});
	delete trigger.webhookId;
	const start = 'Start (e2e)';
	copy.nodes.push({
		parameters: {},
		id: 'e2e00000-0000-4000-8000-000000000001',
		name: start,
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [x - 240, y],
	});
	copy.connections[start] = { main: [[{ node: name, type: 'main', index: 0 }]] };
	copy.pinData = {};
	return copy;
}

/** The pinned JSON of a trigger in an example. */
function pinnedJson(file: string, node: string): Record<string, unknown> {
	const json = readExample(file).pinData?.[node]?.[0]?.json;
	if (!json) throw new Error(`${file}: no pinned data for ${node}`);
	return json;
}

/** A text with none of the meeting's host secrets (the host key as a whole number only). */
function secretsIn(text: string, meeting: StoredMeeting): string[] {
	const found: string[] = [];
	if (text.includes(meeting.start_url)) found.push('start_url');
	if (text.includes('zak=')) found.push('zak=');
	if (text.includes(meeting.token)) found.push('token');
	if (new RegExp(`(?<!\\d)${meeting.host_key}(?!\\d)`).test(text)) found.push('host_key');
	return found;
}

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

/** How the examples write a start for people: weekday, date and time in the item's zone. */
const spoken = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toFormat('cccc d LLLL yyyy, HH:mm');

function checkAttendeeMail(mail: ReceivedMail, meeting: StoredMeeting, intended: string, check: Checks) {
	const { parsed } = mail;
	check.equal(
		parsed.subject,
		`Your meeting: ${meeting.topic}`,
		'the attendee mail has the topic in its subject',
	);
	check.equal(mail.user, 'n8n-e2e', 'n8n logged in to the mail server with the credential');
	check.that(
		(parsed.text ?? '').includes(meeting.join_url) && String(parsed.html).includes(meeting.join_url),
		'the attendee mail (text and HTML) has the join URL',
		{ text: parsed.text },
	);
	const startIso = DateTime.fromISO(intended).setZone(WORKFLOW_ZONE).toISO()!;
	check.that(
		(parsed.text ?? '').includes(`${spoken(startIso)} (${WORKFLOW_ZONE})`),
		'the attendee mail states the start in the workflow zone',
		{ expected: `${spoken(startIso)} (${WORKFLOW_ZONE})`, text: parsed.text },
	);

	check.equal(parsed.attachments.length, 1, 'the attendee mail has one attachment');
	const [attachment] = parsed.attachments;
	check.equal(attachment?.contentType, 'text/calendar', 'the attachment is text/calendar');
	check.equal(attachment?.filename, `meeting-${meeting.id}.ics`, 'the attachment is meeting-<id>.ics');
	const ics = attachment?.content.toString('utf8') ?? '';
	let calendar: InstanceType<typeof ICAL.Component> | undefined;
	try {
		calendar = new ICAL.Component(ICAL.parse(ics));
	} catch (error) {
		check.that(false, 'ical.js parses the attachment', (error as Error).message);
	}
	const vevents = calendar?.getAllSubcomponents('vevent') ?? [];
	check.equal(vevents.length, 1, 'the .ics holds one event');
	if (vevents.length === 1) {
		const event = new ICAL.Event(vevents[0]);
		check.equal(event.uid, `${meeting.id}@umeeting`, 'its UID is <id>@umeeting');
		const start = event.startDate.toUnixTime() * 1000;
		check.equal(
			start,
			DateTime.fromISO(meeting.start_instant).toMillis(),
			'DTSTART is the instant the service stored',
		);
		check.equal(
			start,
			DateTime.fromISO(intended).toMillis(),
			"DTSTART is the form's start time read in the workflow zone",
		);
		check.equal(
			event.endDate.toUnixTime() * 1000 - start,
			meeting.duration * 60_000,
			'DTEND is the start plus the duration',
		);
		check.equal(event.summary, meeting.topic, 'SUMMARY is the topic');
		const organizer = vevents[0].getFirstProperty('organizer');
		check.equal(
			[organizer?.getFirstValue(), organizer?.getParameter('cn')],
			['mailto:bookings@example.com', 'Bookings Desk'],
			"ORGANIZER is the workflow's Organizer Email, with the host name as CN",
		);
		check.equal(calendar?.getFirstPropertyValue('method'), 'PUBLISH', 'METHOD is PUBLISH');
	}

	const places: Array<[string, string]> = [
		['text', parsed.text ?? ''],
		['HTML', String(parsed.html)],
		['subject', parsed.subject ?? ''],
		['attachment', unfold(ics)],
	];
	for (const [where, text] of places) {
		check.equal(secretsIn(text, meeting), [], `the attendee mail's ${where} carries no host secret`);
	}
}

/** (a) Booking form → Schedule with Attach Invitation → mail to the attendee (.ics) and to the host. */
const formCase: E2eCase = {
	file: FORM,
	title: 'booking form to invitation e-mails',
	variant: {
		id: 'umExFormInviteE2',
		make: (workflow) => startFromPinnedTrigger(workflow, 'umExFormInviteE2'),
	},
	expectExit: 0,
	verify(result, simulator, check, { smtp, home }) {
		const form = pinnedJson(FORM, 'Booking Form');
		const intended = instant(String(form['Start Time']), WORKFLOW_ZONE);
		const [scheduled] = umeetingItems(result, 'Schedule Meeting');
		const meeting = simulator.store.get(String(scheduled?.json.meeting_id));
		check.that(meeting !== undefined, 'UMeeting booked the meeting', scheduled);
		if (!meeting) return;
		check.equal(simulator.store.created, 1, 'one meeting booked');
		check.equal(
			meeting.start_instant,
			intended,
			"the service stored the form's start read in the workflow zone",
		);
		check.equal(
			simulator.requestsTo('share/schedule')[0]?.form.start_time,
			DateTime.fromISO(intended).setZone(simulator.clock.zone).toFormat('yyyy-MM-dd HH:mm:ss'),
			'the node sent that instant written in the service zone',
		);
		const binary = (scheduled as { binary?: Record<string, { fileName?: string; mimeType?: string }> })
			.binary;
		check.equal(
			[binary?.invite?.fileName, binary?.invite?.mimeType],
			[`meeting-${meeting.id}.ics`, 'text/calendar'],
			'the Schedule output carries the invitation in binary field "invite"',
		);

		check.equal(smtp.mails.length, 2, 'two mails arrived at the mail server');
		check.equal(smtp.refusedLogins, 0, 'no login was refused');
		const attendee = smtp.mails.find((m) => m.to.includes(String(form.Email)));
		const host = smtp.mails.find((m) => m.to.includes('meetings-host@example.com'));
		check.that(
			attendee !== undefined,
			'one mail went to the address given in the form',
			smtp.mails.map((m) => m.to),
		);
		check.that(
			host !== undefined,
			'one mail went to the host',
			smtp.mails.map((m) => m.to),
		);
		// Kept for reading after the run, beside the run's output.
		if (attendee) home.writeFile('mail-attendee.eml', attendee.raw);
		if (host) home.writeFile('mail-host.eml', host.raw);
		if (attendee) checkAttendeeMail(attendee, meeting, intended, check);
		if (host) {
			check.that((host.parsed.text ?? '').includes(meeting.start_url), 'the host mail has the start URL', {
				text: host.parsed.text,
			});
			check.equal(host.parsed.attachments.length, 0, 'the host mail has no attachment');
		}
	},
};

/** The parameter strings of a node, flattened to dotted paths (resource locators give their value). */
function parameterStrings(parameters: Record<string, unknown>, prefix = ''): Array<[string, string]> {
	return Object.entries(parameters).flatMap(([key, value]): Array<[string, string]> => {
		const path = prefix ? `${prefix}.${key}` : key;
		if (typeof value === 'string') return [[path, value]];
		if (value && typeof value === 'object' && !Array.isArray(value)) {
			const record = value as Record<string, unknown>;
			if (record.__rl === true) return typeof record.value === 'string' ? [[path, record.value]] : [];
			return parameterStrings(record, path);
		}
		return [];
	});
}

/**
 * Evaluates the expressions the examples use in the calendar node: `{{ $json.a.b }}` and
 * `{{ $('Node').item.json.a.b }}` (the node's first output item), inside literal text. Anything else
 * is left unevaluated, so an expression that needs more shows up as a mismatch.
 */
export function substitute(
	value: string,
	item: Record<string, unknown>,
	nodes: (name: string) => Record<string, unknown> | undefined,
) {
	if (!value.startsWith('=')) return value;
	const dig = (root: unknown, path: string) =>
		path
			.split('.')
			.reduce<unknown>(
				(at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined),
				root,
			);
	return value.slice(1).replace(/\{\{\s*(.+?)\s*\}\}/g, (whole, expression: string) => {
		const own = /^\$json\.([\w.]+)$/.exec(expression);
		if (own) return String(dig(item, own[1]));
		const other = /^\$\('([^']+)'\)\.item\.json\.([\w.]+)$/.exec(expression);
		if (other) return String(dig(nodes(other[1]), other[2]));
		return whole;
	});
}

const CALENDAR = 'Create Calendar Event';
const PROBE = 'Calendar Fields (e2e probe)';

/**
 * The CRM copy run in the e2e: the trigger stand-in as above, the Google Calendar node disabled (a
 * disabled node passes its input on, nothing is sent to Google), and beside it an Edit Fields node
 * that n8n evaluates with the calendar node's own parameter strings.
 */
function crmVariant(workflow: ExampleWorkflow, id: string): ExampleWorkflow {
	const copy = startFromPinnedTrigger(workflow, id);
	const calendar = copy.nodes.find((n) => n.name === CALENDAR)!;
	calendar.disabled = true;
	const [x, y] = calendar.position as [number, number];
	copy.nodes.push({
		parameters: {
			mode: 'manual',
			assignments: {
				assignments: parameterStrings(calendar.parameters).map(([name, value], index) => ({
					id: `e2e-probe-${index}`,
					name,
					value,
					type: 'string',
				})),
			},
			includeOtherFields: false,
			options: { dotNotation: false },
		},
		id: 'e2e00000-0000-4000-8000-000000000002',
		name: PROBE,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [x, y + 200],
	});
	copy.connections['Schedule Meeting'].main[0].push({ node: PROBE, type: 'main', index: 0 });
	return copy;
}

/** (b) CRM webhook → Schedule → Google Calendar event, run up to the calendar node. */
const crmCase: E2eCase = {
	file: CRM,
	title: 'CRM webhook to Google Calendar (calendar node disabled)',
	variant: { id: 'umExCrmCalendE2', make: (workflow) => crmVariant(workflow, 'umExCrmCalendE2') },
	expectExit: 0,
	verify(result, simulator, check) {
		const hook = pinnedJson(CRM, 'CRM Webhook') as {
			body: { meeting: { topic: string; start: string; duration_minutes: number } };
		};
		const intended = instant(hook.body.meeting.start, WORKFLOW_ZONE);
		const [scheduled] = umeetingItems(result, 'Schedule Meeting');
		const json = scheduled?.json ?? {};
		const meeting = simulator.store.get(String(json.meeting_id));
		check.that(meeting !== undefined, 'UMeeting booked the meeting', json);
		if (!meeting) return;
		check.equal(
			meeting.start_instant,
			intended,
			"the service stored the CRM's start read in the workflow zone",
		);
		check.equal(
			millis(json.start_time_iso),
			DateTime.fromISO(meeting.start_instant).toMillis(),
			'start_time_iso is the stored instant',
		);
		check.equal(
			millis(json.end_time_iso) - millis(json.start_time_iso),
			hook.body.meeting.duration_minutes * 60_000,
			'end_time_iso is the start plus the duration',
		);
		check.equal(
			[json.start_time_iso, json.end_time_iso],
			[
				DateTime.fromISO(intended).setZone(WORKFLOW_ZONE).toISO({ suppressMilliseconds: true }),
				DateTime.fromISO(intended)
					.plus({ minutes: hook.body.meeting.duration_minutes })
					.setZone(WORKFLOW_ZONE)
					.toISO({ suppressMilliseconds: true }),
			],
			"start and end carry the workflow zone's offset",
		);
		check.equal(
			json.time_zone,
			WORKFLOW_ZONE,
			"time_zone is the workflow's zone (the instance's GENERIC_TIMEZONE)",
		);
		check.equal(
			['start_url', 'token', 'host_key'].filter((key) => key in json),
			[],
			'Include Host Secrets off: the output for the calendar has no host secret',
		);

		const calendarNode = readExample(CRM).nodes.find((n) => n.name === CALENDAR)!;
		const parameters = Object.fromEntries(parameterStrings(calendarNode.parameters));
		const webhookItem = umeetingItems(result, 'CRM Webhook')[0]?.json;
		const values = Object.fromEntries(
			Object.entries(parameters).map(([name, value]) => [
				name,
				substitute(value, json, (node) => (node === 'CRM Webhook' ? webhookItem : undefined)),
			]),
		);
		const expected = {
			calendar: 'primary',
			start: json.start_time_iso,
			end: json.end_time_iso,
			'additionalFields.summary': hook.body.meeting.topic,
			'additionalFields.location': meeting.join_url,
			'additionalFields.description': `Join the UMeeting meeting: ${meeting.join_url}`,
		};
		check.equal(
			values,
			expected,
			"the calendar node's parameters, evaluated against the UMeeting item, give exactly those values",
		);
		check.equal(
			umeetingItems(result, PROBE)[0]?.json,
			expected,
			"n8n itself evaluates the calendar node's parameter strings to the same values",
		);
		check.that(
			/^=\{\{ \$json\.start_time_iso \}\}$/.test(parameters.start) &&
				/^=\{\{ \$json\.end_time_iso \}\}$/.test(parameters.end),
			'start and end are plain field references, no date expressions',
			parameters,
		);
		check.equal(
			umeetingItems(result, CALENDAR)[0]?.json,
			json,
			'the disabled calendar node received the UMeeting item (and passed it on)',
		);
	},
};

const TOOL_TYPE = 'n8n-nodes-umeeting.uMeetingTool';

/**
 * A copy of the AI workflow with an unconnected Manual Trigger: `n8n execute` builds the whole
 * workflow (every node type resolved, its parameters read against its description) and then runs
 * only the trigger. Nothing reaches a model; an unknown node type fails the run.
 */
function loadProbe(workflow: ExampleWorkflow, id: string, toolType = TOOL_TYPE): ExampleWorkflow {
	const copy = structuredClone(workflow);
	copy.id = id;
	copy.name = `${workflow.name} (e2e: load probe)`;
	for (const node of copy.nodes) if (node.type === TOOL_TYPE) node.type = toolType;
	copy.nodes.push({
		parameters: {},
		id: 'e2e00000-0000-4000-8000-000000000003',
		name: 'Load Probe (e2e)',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 400],
	});
	return copy;
}

/** (c) AI Agent with UMeeting tools: imported and loaded in both versions, not run (it needs a model). */
const PROBE_ID = 'umExAiAgentLoad1';
const CONTROL_ID = 'umExAiAgentLoad0';

const aiCase: E2eCase = {
	file: AI,
	title: 'AI agent with UMeeting tools (import and load only)',
	expectExit: 'import only',
	alsoImport: (workflow) => [
		loadProbe(workflow, PROBE_ID),
		loadProbe(workflow, CONTROL_ID, 'n8n-nodes-umeeting.uMeetingNoSuchTool'),
	],
	async verify(result, _simulator, check, context: E2eContext) {
		const example = readExample(AI);
		const { home } = context;
		check.that(
			/Successfully imported \d+ workflows?/.test(result.stdout + result.stderr),
			'import:workflow reports success',
			{
				stdout: result.stdout.slice(-500),
			},
		);
		const exported = await home.n8n([
			'export:workflow',
			`--id=${example.id}`,
			`--output=${home.folder}/ai-export.json`,
		]);
		check.equal(exported.code, 0, 'export:workflow finds the imported workflow');
		const [stored] = JSON.parse(home.readText('ai-export.json')) as ExampleWorkflow[];
		const shape = (w: ExampleWorkflow) => w.nodes.map((n) => [n.name, n.type, n.typeVersion, n.parameters]);
		check.equal(shape(stored), shape(example), 'n8n stored every node with its type, version and parameters');
		check.equal(
			stored.connections,
			example.connections,
			'n8n stored the connections (model and tools to the agent)',
		);

		const tools = example.nodes.filter((n) => n.type === TOOL_TYPE);
		check.equal(
			tools.map((n) => n.parameters.operation),
			['checkAvailability', 'schedule', 'get'],
			'three UMeeting tool nodes: check availability, schedule and get',
		);
		check.that(
			tools.every((n) => !('includeHostSecrets' in n.parameters)),
			'Include Host Secrets is left at its tool-mode default (off)',
		);
		const schedule = tools.find((n) => n.parameters.operation === 'schedule')!;
		check.that(
			['topic', 'startTime', 'duration'].every((key) =>
				String(schedule.parameters[key]).includes('$fromAI('),
			),
			'topic, start time and duration come from the model ($fromAI)',
			schedule.parameters,
		);

		const loaded = await home.n8n(['execute', `--id=${PROBE_ID}`, '--rawOutput']);
		const loadedExit = exitOf(loaded);
		if (loadedExit.crashedAfterRun) context.noteCrash('AI agent load probe');
		check.equal(
			loadedExit.code,
			0,
			'n8n builds the workflow with uMeetingTool (load probe runs its Manual Trigger)',
		);
		if (loadedExit.code !== 0) console.log(loaded.stdout.slice(-2000), loaded.stderr.slice(-2000));
		check.equal(
			Object.keys(loaded.json?.data?.resultData?.runData ?? {}),
			['Load Probe (e2e)'],
			'only the probe trigger ran: nothing reached the agent, the model or the tools',
		);
		const control = await home.n8n(['execute', `--id=${CONTROL_ID}`, '--rawOutput']);
		check.that(
			control.code !== 0 && /Unrecognized node type|uMeetingNoSuch/i.test(control.stdout + control.stderr),
			'control: the same probe with an unknown tool type fails, so the probe does check the type',
			{ code: control.code, tail: (control.stdout + control.stderr).slice(-600) },
		);
	},
};

export const INTEGRATION_CASES: E2eCase[] = [formCase, crmCase, aiCase];

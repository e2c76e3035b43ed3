/* eslint-disable no-console -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { DateTime } from 'luxon';

import { UMeetingSimulator } from '../../test/simulator';
import type { StoredMeeting } from '../../test/simulator/meetings';
import { Checks } from './checks';
import { type ExampleWorkflow, importSetup, readExample, runPartAlone } from './harness';
import { type CliResult, exitOf, N8nHome } from './n8nCli';
import {
	type ChatRequest,
	type Move,
	ScriptedModel,
	type Script,
	type ToolResult,
	text,
} from './scriptedModel';

/**
 * The example `ai-agent-meeting-tool.json` run for real: n8n's AI Agent with the UMeeting tools,
 * its OpenAI Chat Model pointed at a scripted model on loopback (scriptedModel.ts), started by a
 * Manual Trigger instead of the chat trigger (`n8n execute` cannot start a chat), through the
 * chat-completions API (the model node's Responses API switch off: the scripted model speaks the
 * API most OpenAI-compatible servers offer). Before the agent a normal UMeeting node books the
 * host's own meeting with Include Host Secrets on (its default on a normal node): the model must
 * see none of its secrets either. The Schedule tool carries a meeting password set by the author.
 *
 * Conversations (each a workflow of its own):
 * - book: check availability, schedule, get the meeting by the number Schedule answered, answer;
 *   run once per Tool Output option to measure what each answer costs the model.
 * - repeat: Schedule twice with the same arguments (an agent retrying after a timeout): one
 *   meeting, the second answer marked existing.
 * - fix: Schedule with 20 minutes, read the error, call again with what it says is allowed.
 */

const AGENT_EXAMPLE = 'ai-agent-meeting-tool.json';
const OPENAI_CREDENTIAL = { id: 'scriptedModel001', name: 'Scripted model (e2e)' };
const AUTHOR_PASSWORD = 'Pw-4471-e2e';
const HOST_TOPIC = "Host's own board meeting";
const TOOL_NAMES = { availability: 'Check_Availability', schedule: 'Schedule_Meeting', get: 'Get_Meeting' };
const OUTPUTS = ['simplified', 'all', 'selected'] as const;
type ToolOutput = (typeof OUTPUTS)[number];
const SELECTED_FIELDS = 'meeting_id, start_time_iso, end_time_iso, join_url, available, existing';

/** The meeting the scripts book: three days ahead, 15:00 in the workflow's zone, 45 minutes. */
function bookingArgs() {
	const start = DateTime.now().setZone('America/New_York').plus({ days: 3 }).set({ hour: 15, minute: 0 });
	return { topic: 'Sales sync', start_time: start.toFormat('yyyy-MM-dd HH:mm'), duration_minutes: 45 };
}

/** The meeting number in a tool result (the tool answers a list of items as JSON). */
function meetingIdIn(result: ToolResult | undefined): string {
	const id = /"meeting_id"\s*:\s*"?(\d+)/.exec(result?.content ?? '')?.[1];
	if (!id) throw new Error(`no meeting_id in the tool result: ${result?.content.slice(0, 300)}`);
	return id;
}

const SCRIPTS: Record<string, Script> = {
	book(results): Move {
		const args = bookingArgs();
		const { start_time, duration_minutes } = args;
		if (results.length === 0)
			return { call: TOOL_NAMES.availability, args: { start_time, duration_minutes } };
		if (results.length === 1) {
			if (!/"available"\s*:\s*true/.test(results[0].content))
				return { answer: `No room is free then: ${results[0].content}` };
			return { call: TOOL_NAMES.schedule, args };
		}
		if (results.length === 2) return { call: TOOL_NAMES.get, args: { meeting_id: meetingIdIn(results[1]) } };
		return { answer: `Booked. Details: ${results[2].content}` };
	},
	repeat(results): Move {
		if (results.length < 2) return { call: TOOL_NAMES.schedule, args: bookingArgs() };
		return { answer: `Meetings ${meetingIdIn(results[0])} and ${meetingIdIn(results[1])}` };
	},
	fix(results): Move {
		const args = bookingArgs();
		if (results.length === 0) return { call: TOOL_NAMES.schedule, args: { ...args, duration_minutes: 20 } };
		if (results.length === 1) {
			// Acts on the error as a model would: the argument it names and the minimum it states.
			const error = results[0].content;
			const argument = /\(your argument (\w+)\)/.exec(error)?.[1];
			const minimum = /(?:more|greater) than (\d+)/.exec(error)?.[1];
			if (!argument || !minimum) return { answer: `I could not understand the error: ${error}` };
			return { call: TOOL_NAMES.schedule, args: { ...args, [argument]: Number(minimum) + 15 } };
		}
		return { answer: `Booked after a correction: ${results[1].content}` };
	},
};

interface Conversation {
	script: keyof typeof SCRIPTS;
	toolOutput: ToolOutput;
	id: string;
}

const CONVERSATIONS: Conversation[] = [
	...OUTPUTS.map((toolOutput, index) => ({ script: 'book', toolOutput, id: `umAgentE2eBook0${index}` })),
	{ script: 'repeat', toolOutput: 'simplified', id: 'umAgentE2eRepeat' },
	{ script: 'fix', toolOutput: 'simplified', id: 'umAgentE2eFix001' },
];

/** The conversation's marker: a script and its Tool Output, so each run's requests can be told apart. */
const markerOf = (conversation: Conversation) => `${conversation.script}-${conversation.toolOutput}`;

/** The example as the e2e runs it for one conversation (see the file comment). */
function agentWorkflow(conversation: Conversation, label: string): ExampleWorkflow {
	const workflow = structuredClone(readExample(AGENT_EXAMPLE));
	workflow.id = conversation.id;
	workflow.name = `${workflow.name} (e2e ${label}: ${markerOf(conversation)})`;
	const chat = workflow.nodes.find((node) => node.type === '@n8n/n8n-nodes-langchain.chatTrigger')!;
	Object.assign(chat, {
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		parameters: {},
	});
	delete chat.webhookId;
	workflow.nodes.push({
		id: 'e2e00000-0000-4000-8000-0000000000a1',
		name: "Host's Own Meeting",
		type: 'n8n-nodes-umeeting.uMeeting',
		typeVersion: 1,
		position: [120, -160],
		parameters: {
			resource: 'meeting',
			operation: 'schedule',
			topic: HOST_TOPIC,
			meetingCapacity: 10,
			startTime: bookingArgs().start_time,
			duration: 60,
			includeHostSecrets: true,
			additionalFields: { password: AUTHOR_PASSWORD },
		},
		credentials: readExample(AGENT_EXAMPLE).nodes.find((node) => node.credentials)!.credentials,
	});
	const { main } = workflow.connections['When chat message received'];
	delete workflow.connections['When chat message received'];
	workflow.connections.Start = { main: [[{ node: "Host's Own Meeting", type: 'main', index: 0 }]] };
	workflow.connections["Host's Own Meeting"] = { main };

	const agent = workflow.nodes.find((node) => node.type === '@n8n/n8n-nodes-langchain.agent')!;
	agent.parameters.promptType = 'define';
	agent.parameters.text = `[script:${markerOf(conversation)}] Book 45 minutes "Sales sync" at ${bookingArgs().start_time} if a room is free.`;
	const model = workflow.nodes.find((node) => node.type === '@n8n/n8n-nodes-langchain.lmChatOpenAi')!;
	model.parameters.model = { __rl: true, mode: 'id', value: 'scripted' };
	model.parameters.responsesApiEnabled = false;
	model.credentials = { openAiApi: OPENAI_CREDENTIAL };
	for (const node of workflow.nodes.filter((node) => node.type === 'n8n-nodes-umeeting.uMeetingTool')) {
		node.parameters.toolOutput = conversation.toolOutput;
		if (conversation.toolOutput === 'selected') node.parameters.toolOutputFields = SELECTED_FIELDS;
		if (node.parameters.operation === 'schedule')
			node.parameters.additionalFields = { password: AUTHOR_PASSWORD };
	}
	return workflow;
}

/** Every text the model must never read: the API secret and each meeting's host secrets and password. */
function secretsOf(simulator: UMeetingSimulator, meetings: StoredMeeting[]): string[] {
	return [
		simulator.apiSecret,
		AUTHOR_PASSWORD,
		...meetings.flatMap((meeting) => [meeting.start_url, meeting.token, meeting.password ?? '']),
	].filter((secret) => secret.length >= 6);
}

/** The UTF-8 size of each tool result of a conversation, by tool, with a token estimate (bytes / 4). */
function answerSizes(conversation: ChatRequest[]) {
	const last = conversation[conversation.length - 1];
	const names = new Map<string, string>();
	for (const message of last?.messages ?? [])
		for (const call of message.tool_calls ?? []) names.set(call.id, call.function.name);
	return (last?.messages ?? [])
		.filter((message) => message.role === 'tool')
		.map((message) => {
			const bytes = Buffer.byteLength(text(message.content), 'utf8');
			return { tool: names.get(message.tool_call_id ?? '') ?? '?', bytes, tokens: Math.ceil(bytes / 4) };
		});
}

export interface AgentE2eOptions {
	label: string;
	home: N8nHome;
	simulator: UMeetingSimulator;
	checks: Checks;
	log?: (line: string) => void;
}

export async function runAgentE2e(options: AgentE2eOptions) {
	const { label, home, simulator, checks } = options;
	const log = options.log ?? ((line: string) => console.log(`  ${line}`));
	const model = new ScriptedModel(
		Object.fromEntries(
			CONVERSATIONS.map((conversation) => [markerOf(conversation), SCRIPTS[conversation.script]]),
		),
	);
	await model.start();
	try {
		await importSetup(home, simulator, [], {
			credentials: [
				{
					...OPENAI_CREDENTIAL,
					type: 'openAiApi',
					data: { apiKey: 'scripted-model-key', url: model.baseUrl },
				},
			],
			workflows: CONVERSATIONS.map((conversation) => agentWorkflow(conversation, label)),
		});
		for (const conversation of CONVERSATIONS) {
			const marker = markerOf(conversation);
			checks.within(`${label} AI agent: ${marker}`);
			simulator.reset();
			const result = await home.n8n(['execute', `--id=${conversation.id}`, '--rawOutput']);
			home.writeJson(`agent-${marker}.out.json`, { stdout: result.stdout, stderr: result.stderr });
			const requests = model.conversation(marker);
			home.writeJson(`agent-${marker}.requests.json`, requests);
			verifyConversation(conversation, result, requests, simulator, checks, log);
		}
	} finally {
		await model.stop();
	}
	return model.requests;
}

function verifyConversation(
	conversation: Conversation,
	result: CliResult,
	requests: ChatRequest[],
	simulator: UMeetingSimulator,
	checks: Checks,
	log: (line: string) => void,
) {
	const exit = exitOf(result);
	checks.equal(exit.code, 0, 'n8n execute exits 0');
	if (exit.code !== 0) log(`${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
	const meetings = simulator.store.all();
	const booked = meetings.filter((meeting) => meeting.topic === 'Sales sync');
	const answer = String(
		result.json?.data?.resultData?.runData?.['AI Agent']?.[0]?.data?.main?.[0]?.[0]?.json?.output ?? '',
	);
	const seen = JSON.stringify(requests);
	for (const secret of secretsOf(simulator, meetings))
		checks.that(!seen.includes(secret), 'no API secret, start_url, token or password in any model request', {
			secret: `${secret.slice(0, 12)}…`,
		});
	checks.that(!/zak=/.test(seen), 'no zak login token in any model request');
	for (const meeting of meetings)
		checks.that(
			!new RegExp(`(?<!\\d)${meeting.host_key}(?!\\d)`).test(seen),
			'no host key in any model request',
		);
	checks.that(!seen.includes(HOST_TOPIC), "the normal node's meeting never reaches the model");
	log(`${markerOf(conversation)}: ${requests.length} model requests; answer: ${answer.slice(0, 160)}`);

	if (conversation.script === 'book') {
		checks.equal(requests.length, 4, 'four model requests: availability, schedule, get, answer');
		checkToolSchemas(requests[0], checks);
		checks.equal(booked.length, 1, 'one meeting booked in the simulator');
		checks.that(
			booked.length === 1 && answer.includes(booked[0].id) && answer.includes(booked[0].join_url),
			"the agent's answer holds the meeting number and join URL that Get gave the model",
			answer.slice(0, 500),
		);
		checks.equal(
			booked[0]?.password,
			AUTHOR_PASSWORD,
			"the author's meeting password was set (and kept from the model)",
		);
		const sizes = answerSizes(requests);
		log(
			`tool answers (${conversation.toolOutput}): ${sizes.map((s) => `${s.tool} ${s.bytes} B ≈ ${s.tokens} tokens`).join(', ')}`,
		);
	}
	if (conversation.script === 'repeat') {
		checks.equal(requests.length, 3, 'three model requests: schedule, schedule again, answer');
		checks.equal(booked.length, 1, 'Schedule called twice with the same arguments books one meeting');
		const results = toolContents(requests);
		checks.that(
			/"existing"\s*:\s*true/.test(results[1] ?? ''),
			'the second answer is marked existing',
			results[1],
		);
		checks.that(
			booked.length === 1 && answer === `Meetings ${booked[0].id} and ${booked[0].id}`,
			'both answers name the same meeting',
			answer,
		);
	}
	if (conversation.script === 'fix') {
		const results = toolContents(requests);
		checks.that(
			/\(your argument duration_minutes\) must be .*30/.test(results[0] ?? ''),
			'the error names the argument and what is allowed',
			results[0],
		);
		checks.equal(
			booked.map((meeting) => meeting.duration),
			[45],
			'the corrected call booked one 45-minute meeting',
		);
	}
}

function toolContents(requests: ChatRequest[]): string[] {
	const last = requests[requests.length - 1];
	return (last?.messages ?? []).filter((m) => m.role === 'tool').map((m) => text(m.content));
}

/** Each UMeeting tool offered with its $fromAI arguments, each described. */
function checkToolSchemas(first: ChatRequest | undefined, checks: Checks) {
	const tools = new Map((first?.tools ?? []).map((tool) => [tool.function.name, tool.function]));
	const expected: Record<string, string[]> = {
		[TOOL_NAMES.availability]: ['start_time', 'duration_minutes'],
		[TOOL_NAMES.schedule]: ['topic', 'start_time', 'duration_minutes'],
		[TOOL_NAMES.get]: ['meeting_id'],
	};
	for (const [name, args] of Object.entries(expected)) {
		const tool = tools.get(name);
		const properties = tool?.parameters?.properties ?? {};
		checks.equal(
			Object.keys(properties).sort(),
			[...args].sort(),
			`${name} offers exactly its $fromAI arguments`,
		);
		checks.that(
			args.every((arg) => (properties[arg]?.description ?? '').length >= 20),
			`${name}: every argument has a description`,
			properties,
		);
		checks.that((tool?.description ?? '').length >= 40, `${name} has the author's tool description`, tool);
	}
}

/** `ts-node scripts/e2e/agent.ts [v1|v2 …]`: this part of the suite alone. */
if (require.main === module)
	runPartAlone('agent', async (label, home, checks) => {
		const simulator = new UMeetingSimulator();
		await simulator.start();
		try {
			await runAgentE2e({ label, home, simulator, checks });
		} finally {
			await simulator.stop();
		}
	});

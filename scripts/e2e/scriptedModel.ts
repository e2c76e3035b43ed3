/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An OpenAI-compatible chat-completions endpoint on loopback that plays a script instead of a
 * model, for n8n's OpenAI Chat Model node (its credential's Base URL points here). n8n's AI Agent
 * sends the whole conversation on every turn, so each answer follows from the request alone: the
 * script is picked by a marker in the user's message, the step by how many tool results came back,
 * and the arguments of a call are built from those results (the meeting number Schedule gave).
 * Every request is recorded as it arrived: what the model would have read.
 */

/** One function tool as the request offers it. */
export interface OfferedTool {
	type: 'function';
	function: { name: string; description?: string; parameters?: JsonSchema };
}

export interface JsonSchema {
	type?: string;
	properties?: Record<string, JsonSchema & { description?: string }>;
	required?: string[];
	[key: string]: unknown;
}

export interface ChatMessage {
	role: string;
	content?: string | null | Array<{ type: string; text?: string }>;
	tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>;
	tool_call_id?: string;
}

export interface ChatRequest {
	model?: string;
	messages: ChatMessage[];
	tools?: OfferedTool[];
	stream?: boolean;
}

/** What one turn of a script does: call a tool, or answer the user and end the conversation. */
export type Move = { call: string; args: Record<string, unknown> } | { answer: string };

/** A script: its next move, given the tool results so far (oldest first, as the model got them). */
export type Script = (results: ToolResult[]) => Move;

export interface ToolResult {
	tool: string;
	content: string;
}

export class ScriptedModel {
	readonly requests: ChatRequest[] = [];

	private server?: Server;

	url = '';

	constructor(private readonly scripts: Record<string, Script>) {}

	/** The Base URL for the OpenAI credential: the client adds /chat/completions. */
	get baseUrl() {
		return `${this.url}/v1`;
	}

	async start() {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				const reply = (status: number, body: unknown) => {
					res.writeHead(status, { 'Content-Type': 'application/json' });
					res.end(JSON.stringify(body));
				};
				if (req.method !== 'POST' || req.url !== '/v1/chat/completions')
					return reply(404, { error: { message: `no route ${req.method} ${req.url}` } });
				let request: ChatRequest;
				try {
					request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
				} catch {
					return reply(400, { error: { message: 'the body is not JSON' } });
				}
				this.requests.push(request);
				// n8n's agent invokes the model without streaming (its runnable sets streamRunnable false);
				// a streamed request means n8n changed, which the suite should report, not paper over.
				if (request.stream) return reply(400, { error: { message: 'the scripted model does not stream' } });
				try {
					reply(200, completion(this.move(request), this.requests.length));
				} catch (error) {
					reply(400, { error: { message: (error as Error).message } });
				}
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
	}

	async stop() {
		const server = this.server;
		if (!server) return;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	/** The requests of the conversation a script played. */
	conversation(marker: string): ChatRequest[] {
		return this.requests.filter((request) => scriptMarker(request) === marker);
	}

	private move(request: ChatRequest): Move {
		const marker = scriptMarker(request);
		const script = marker ? this.scripts[marker] : undefined;
		if (!script) throw new Error(`no script for the conversation (marker "${marker}")`);
		return script(toolResults(request.messages));
	}
}

/** The script's name: "[script:NAME]" in the first user message. */
function scriptMarker(request: ChatRequest): string | undefined {
	const user = request.messages.find((message) => message.role === 'user');
	return /\[script:([\w-]+)\]/.exec(text(user?.content))?.[1];
}

export function text(content: ChatMessage['content']): string {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) return content.map((part) => part.text ?? '').join('');
	return '';
}

/** The tool results in the conversation, each with the name of the tool its call named. */
function toolResults(messages: ChatMessage[]): ToolResult[] {
	const names = new Map<string, string>();
	for (const message of messages)
		for (const call of message.tool_calls ?? []) names.set(call.id, call.function.name);
	return messages
		.filter((message) => message.role === 'tool')
		.map((message) => ({
			tool: names.get(message.tool_call_id ?? '') ?? '',
			content: text(message.content),
		}));
}

function completion(move: Move, turn: number) {
	const message =
		'answer' in move
			? { role: 'assistant', content: move.answer }
			: {
					role: 'assistant',
					content: null,
					tool_calls: [
						{
							id: `call_${turn}`,
							type: 'function',
							function: { name: move.call, arguments: JSON.stringify(move.args) },
						},
					],
				};
	return {
		id: `chatcmpl-scripted-${turn}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: 'scripted',
		choices: [{ index: 0, message, finish_reason: 'answer' in move ? 'stop' : 'tool_calls' }],
		usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
	};
}

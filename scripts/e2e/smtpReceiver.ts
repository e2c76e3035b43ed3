/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import type { AddressInfo } from 'node:net';

import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message the receiver accepted: the envelope as the client gave it and the parsed mail. */
export interface ReceivedMail {
	/** The user the client authenticated as. */
	user?: string;
	from?: string;
	to: string[];
	raw: Buffer;
	parsed: ParsedMail;
}

/**
 * A mail server on loopback standing in for the SMTP server of an n8n SMTP credential: plain
 * SMTP (no TLS, STARTTLS not offered), AUTH PLAIN/LOGIN with one user, every accepted message kept
 * and parsed with mailparser.
 */
export class SmtpReceiver {
	readonly mails: ReceivedMail[] = [];

	/** AUTH attempts with a wrong user or password. */
	refusedLogins = 0;

	port = 0;

	private readonly server: SMTPServer;

	constructor(
		readonly user = 'n8n-e2e',
		readonly password = 'smtp-e2e-password-41c7',
	) {
		this.server = new SMTPServer({
			secure: false,
			disabledCommands: ['STARTTLS'],
			authMethods: ['PLAIN', 'LOGIN'],
			allowInsecureAuth: true,
			authOptional: false,
			banner: 'UMeeting e2e mail receiver',
			logger: false,
			onAuth: (auth, _session, callback) => {
				if (auth.username === this.user && auth.password === this.password) {
					callback(null, { user: auth.username });
					return;
				}
				this.refusedLogins++;
				callback(new Error('Invalid username or password'));
			},
			onData: (stream, session, callback) => {
				const chunks: Buffer[] = [];
				stream.on('data', (chunk: Buffer) => chunks.push(chunk));
				stream.on('end', () => {
					const raw = Buffer.concat(chunks);
					simpleParser(raw).then(
						(parsed) => {
							this.mails.push({
								user: session.user as string | undefined,
								from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
								to: session.envelope.rcptTo.map((r) => r.address),
								raw,
								parsed,
							});
							callback();
						},
						(error: Error) => callback(error),
					);
				});
			},
		});
	}

	async start(host = '127.0.0.1'): Promise<number> {
		await new Promise<void>((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(0, host, () => resolve());
		});
		this.port = (this.server.server.address() as AddressInfo).port;
		return this.port;
	}

	reset() {
		this.mails.length = 0;
		this.refusedLogins = 0;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	/** The n8n SMTP credential (type smtp) for this receiver, as `n8n import:credentials` reads it. */
	credential(id: string, name: string) {
		return {
			id,
			name,
			type: 'smtp',
			data: {
				user: this.user,
				password: this.password,
				host: '127.0.0.1',
				port: this.port,
				secure: false,
				disableStartTls: true,
				hostName: 'n8n-e2e.localhost',
			},
		};
	}
}

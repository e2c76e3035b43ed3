/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { onAbort, released } from './lifecycle';

/**
 * Redis and PostgreSQL for the queue suite, each a process of its own on loopback, on its own port,
 * with its data in a folder under the scratch folder (harness.ts) (never a system service the Debian package may have
 * started: those keep their default ports and are left alone).
 */

function runSync(command: string, args: string[], what: string) {
	const result = spawnSync(command, args, { encoding: 'utf8' });
	if (result.status !== 0)
		throw new Error(`${what} failed (${command} ${args.join(' ')}):\n${result.stdout}\n${result.stderr}`);
	return result.stdout;
}

async function waitUntil(what: string, timeoutMs: number, ready: () => boolean) {
	const deadline = Date.now() + timeoutMs;
	while (!ready()) {
		if (Date.now() > deadline) throw new Error(`${what} did not come up in ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/** Debian's redis-server without persistence: the queue lives only as long as the run. */
export class Redis {
	private child?: ChildProcess;

	output = '';

	constructor(
		private readonly folder: string,
		readonly port: number,
	) {}

	async start() {
		rmSync(this.folder, { recursive: true, force: true });
		mkdirSync(this.folder, { recursive: true });
		const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.folder];
		this.child = spawn('redis-server', [...args, '--save', '', '--appendonly', 'no'], {
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.child.stdout?.on('data', (chunk) => (this.output += chunk));
		this.child.stderr?.on('data', (chunk) => (this.output += chunk));
		onAbort('redis', () => this.child?.kill('SIGKILL'));
		await waitUntil('redis-server', 20_000, () => {
			if (this.child?.exitCode !== null) throw new Error(`redis-server exited:\n${this.output}`);
			return this.output.includes('Ready to accept connections');
		});
	}

	async stop() {
		const child = this.child;
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		await exited;
		released('redis');
	}
}

/** The newest PostgreSQL server Debian installed (postgresql-15 on Debian 12). */
function postgresBin(): string {
	const base = '/usr/lib/postgresql';
	const versions = existsSync(base) ? readdirSync(base).filter((v) => /^\d+$/.test(v)) : [];
	const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
	if (!newest || !existsSync(join(base, newest, 'bin', 'postgres')))
		throw new Error('no PostgreSQL server under /usr/lib/postgresql (apt-get install postgresql)');
	return join(base, newest, 'bin');
}

/**
 * A PostgreSQL cluster of its own. initdb and postgres refuse to run as root: as root the server runs
 * as Debian's `postgres` system user, in a data folder handed over to it. Loopback only, no fsync
 * (a throw-away database), the unix socket inside the data folder.
 */
export class Postgres {
	readonly database = 'n8n';

	readonly user = 'n8n';

	readonly password = 'n8n-queue-e2e';

	private readonly bin = postgresBin();

	constructor(
		private readonly folder: string,
		readonly port: number,
	) {}

	private get data() {
		return join(this.folder, 'data');
	}

	/** Runs a server binary as the postgres user when we are root, as ourselves otherwise. */
	private asServerUser(binary: string, args: string[], what: string) {
		const path = join(this.bin, binary);
		return process.getuid?.() === 0
			? runSync('runuser', ['-u', 'postgres', '--', path, ...args], what)
			: runSync(path, args, what);
	}

	async start() {
		rmSync(this.folder, { recursive: true, force: true });
		mkdirSync(this.folder, { recursive: true });
		if (process.getuid?.() === 0) {
			if (spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-x', this.folder]).status !== 0)
				throw new Error(
					`the postgres user cannot reach ${this.folder} (a parent folder is closed to other users)`,
				);
			const uid = Number(runSync('id', ['-u', 'postgres'], 'looking up the postgres user'));
			const gid = Number(runSync('id', ['-g', 'postgres'], 'looking up the postgres group'));
			chownSync(this.folder, uid, gid);
		}
		this.asServerUser(
			'initdb',
			['-D', this.data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'],
			'initdb',
		);
		const options = [
			`-p ${this.port}`,
			'-c listen_addresses=127.0.0.1',
			`-c unix_socket_directories=${this.data}`,
			'-c fsync=off',
			'-c synchronous_commit=off',
		].join(' ');
		onAbort('postgres', () => this.stopNow('immediate'));
		this.asServerUser(
			'pg_ctl',
			['-D', this.data, '-l', join(this.folder, 'server.log'), '-o', options, '-w', 'start'],
			'pg_ctl start',
		);
		this.sql(`CREATE ROLE ${this.user} LOGIN PASSWORD '${this.password}'`);
		this.sql(`CREATE DATABASE ${this.database} OWNER ${this.user}`);
	}

	/** Runs SQL as the superuser; returns the rows, one a line, fields split by "|". */
	sql(statement: string, database = 'postgres'): string[][] {
		const out = runSync(
			join(this.bin, 'psql'),
			[
				'-h',
				'127.0.0.1',
				'-p',
				String(this.port),
				'-U',
				'postgres',
				'-d',
				database,
				'-At',
				'-v',
				'ON_ERROR_STOP=1',
				'-c',
				statement,
			],
			'psql',
		);
		return out
			.split('\n')
			.filter((line) => line !== '')
			.map((line) => line.split('|'));
	}

	/** What n8n needs to use this database. */
	get n8nEnv(): NodeJS.ProcessEnv {
		return {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.port),
			DB_POSTGRESDB_DATABASE: this.database,
			DB_POSTGRESDB_USER: this.user,
			DB_POSTGRESDB_PASSWORD: this.password,
		};
	}

	private stopNow(mode: 'fast' | 'immediate') {
		if (!existsSync(join(this.data, 'postmaster.pid'))) return;
		this.asServerUser('pg_ctl', ['-D', this.data, '-m', mode, '-w', 'stop'], 'pg_ctl stop');
	}

	async stop() {
		this.stopNow('fast');
		released('postgres');
	}
}

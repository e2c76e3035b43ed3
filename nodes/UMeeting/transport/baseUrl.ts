/**
 * The credential's Base URL must use https://, except on the user's own machine (loopback), unless
 * the user explicitly allows plain HTTP: the API secret travels in every request body. The node
 * appends /umeeting/<endpoint> to it, so it must be an origin with at most a path.
 */
export function baseUrlProblem(baseUrl: unknown, allowInsecureHttp: unknown): string | undefined {
	const text = String(baseUrl ?? '').trim();
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return `The Base URL "${String(baseUrl ?? '')}" is not a valid URL: enter something like https://api.systeccloud.com`;
	}
	// Appended to, a query or fragment would swallow the endpoint's path, and the form would go to
	// whatever the Base URL alone names; user info would be sent along with the secret.
	if (url.search !== '' || text.includes('?')) {
		return 'The Base URL must not have a query string (a "?" part): the node adds /umeeting/<endpoint> after it, which would then be part of the query. Enter the address without it, e.g. https://api.systeccloud.com';
	}
	if (url.hash !== '' || text.includes('#')) {
		return 'The Base URL must not have a fragment (a "#" part): the node adds /umeeting/<endpoint> after it, which would then never be sent. Enter the address without it, e.g. https://api.systeccloud.com';
	}
	if (url.username !== '' || url.password !== '') {
		return 'The Base URL must not carry a user name or password ("user@host"): the credential\'s API key and secret are what UMeeting reads.';
	}
	if (url.protocol === 'https:') return undefined;
	if (url.protocol !== 'http:') return `The Base URL must start with https:// (got ${url.protocol}//)`;
	if (isLoopback(url.hostname) || allowInsecureHttp === true) return undefined;
	return `The Base URL ${url.origin} uses plain http://, which would send the API secret unencrypted. Use https://, or turn on "Allow Insecure HTTP" in the credential if this is intended.${
		url.hostname.toLowerCase().endsWith('.localhost')
			? ' A name under .localhost is not taken as this machine: Node.js asks DNS for it, which may answer with any address.'
			: ''
	}`;
}

/**
 * Addresses that never leave this machine: the loopback addresses themselves and the name
 * localhost. A name under .localhost is not among them: RFC 6761 lets resolvers send it to
 * loopback, but Node.js resolves it through the system resolver and DNS like any other name.
 */
function isLoopback(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

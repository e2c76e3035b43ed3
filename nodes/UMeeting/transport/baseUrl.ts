/**
 * The credential's Base URL must use https://, except on the user's own machine (loopback), unless
 * the user explicitly allows plain HTTP: the API secret travels in every request body.
 */
export function baseUrlProblem(baseUrl: unknown, allowInsecureHttp: unknown): string | undefined {
	let url: URL;
	try {
		url = new URL(String(baseUrl ?? '').trim());
	} catch {
		return `The Base URL "${String(baseUrl ?? '')}" is not a valid URL: enter something like https://api.systeccloud.com`;
	}
	if (url.protocol === 'https:') return undefined;
	if (url.protocol !== 'http:') return `The Base URL must start with https:// (got ${url.protocol}//)`;
	if (isLoopback(url.hostname) || allowInsecureHttp === true) return undefined;
	return `The Base URL ${url.origin} uses plain http://, which would send the API secret unencrypted. Use https://, or turn on "Allow Insecure HTTP" in the credential if this is intended.`;
}

function isLoopback(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	return (
		host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
	);
}

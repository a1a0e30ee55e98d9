/**
 * Cross-site request forgery check for every state-changing request, whatever its content type.
 *
 * SvelteKit's built-in check compares the Origin header with the app's origin, but every page
 * is served with `Referrer-Policy: no-referrer`, and under that policy browsers send
 * `Origin: null` on same-origin form posts. Browsers also send Fetch Metadata
 * (`Sec-Fetch-Site`, Chrome/Edge 76+, Firefox 90+, Safari 16.4+), which a page cannot forge;
 * it is trusted first, then a concrete Origin. A request with neither is refused.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isForgedRequest(method: string, headers: Headers, appOrigin: string): boolean {
	if (SAFE_METHODS.has(method.toUpperCase())) return false;
	const fetchSite = headers.get('sec-fetch-site');
	if (fetchSite !== null) return fetchSite !== 'same-origin';
	const origin = headers.get('origin');
	if (origin === null || origin === 'null') return true;
	return origin !== appOrigin;
}

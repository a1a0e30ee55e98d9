import { publicOrigin } from '../http/origin';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/**
 * The address the cards send phones to (see `publicOrigin`) when phones would reach it over
 * plain HTTP on a network, `null` otherwise (HTTPS, or only this machine). On a shared Wi-Fi
 * whose password the card sheet prints, anyone holding that password can read such traffic
 * (WPA2-PSK) or sit in its path (ARP spoofing) and change a ballot or use a card first: the
 * organiser's pages say so.
 */
export function plainHttpPhoneAddress(requestOrigin: string, env = process.env): string | null {
	const origin = publicOrigin(requestOrigin, env);
	const { protocol, hostname } = new URL(origin);
	return protocol === 'http:' && !LOOPBACK.test(hostname) ? origin : null;
}

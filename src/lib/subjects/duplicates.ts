/**
 * People with the same name on one ballot. Pure.
 *
 * Two people can truly share a name (Nguyễn Văn An is common); the job title then tells them
 * apart on the ballot, so a shared name is a warning the organiser must acknowledge. The same
 * name with the same title cannot be told apart by a voter at all, and is most often a row
 * pasted twice: it is refused.
 *
 * Names and titles compare as a reader reads them: Unicode form (NFC), case, spacing, and the
 * old or new place of the tone mark ("Hoà" and "Hòa", "Thuỷ" and "Thủy" are one name).
 */

/** Vietnamese tone marks as combining characters: huyền, sắc, ngã, hỏi, nặng. */
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/** A word with its tone mark moved to the end, so that where it was typed does not matter. */
function toneAtEnd(word: string): string {
	const decomposed = word.normalize('NFD');
	const tones = decomposed.match(TONE) ?? [];
	return decomposed.replace(TONE, '').normalize('NFC') + tones.join('');
}

/** The form in which two spellings of one name or title are equal. */
export function comparable(text: string): string {
	return text
		.normalize('NFC')
		.toLocaleLowerCase('vi')
		.split(/\s+/u)
		.filter(Boolean)
		.map(toneAtEnd)
		.join(' ');
}

export interface Person {
	fullName: string;
	jobTitle: string;
}

/** A person being added: `line` is their line in a pasted list, or 1 for a single person. */
export interface Incoming extends Person {
	line: number;
}

export interface DuplicateReport {
	/** Refused: the same name and title as an earlier line (`earlier`) or someone on the list (`null`). */
	exact: (Incoming & { earlier: number | null })[];
	/**
	 * Names shared by people with different titles, when at least one of them is being added;
	 * each holder with their line, or `null` for someone already on the list.
	 */
	sameName: { fullName: string; holders: { line: number | null; jobTitle: string }[] }[];
}

export function findDuplicates(
	incoming: readonly Incoming[],
	existing: readonly Person[]
): DuplicateReport {
	const report: DuplicateReport = { exact: [], sameName: [] };
	const seen = new Map<string, number | null>();
	const byName = new Map<
		string,
		{ fullName: string; holders: { line: number | null; jobTitle: string }[]; added: boolean }
	>();
	const hold = (person: Person, line: number | null) => {
		const key = comparable(person.fullName);
		const group = byName.get(key) ?? { fullName: person.fullName, holders: [], added: false };
		group.holders.push({ line, jobTitle: person.jobTitle });
		group.added ||= line !== null;
		byName.set(key, group);
	};
	for (const person of existing) {
		seen.set(`${comparable(person.fullName)}\n${comparable(person.jobTitle)}`, null);
		hold(person, null);
	}
	for (const person of incoming) {
		const key = `${comparable(person.fullName)}\n${comparable(person.jobTitle)}`;
		const earlier = seen.get(key);
		if (earlier !== undefined) {
			report.exact.push({ ...person, earlier });
			continue;
		}
		seen.set(key, person.line);
		hold(person, person.line);
	}
	for (const { fullName, holders, added } of byName.values()) {
		if (added && holders.length > 1) report.sameName.push({ fullName, holders });
	}
	return report;
}

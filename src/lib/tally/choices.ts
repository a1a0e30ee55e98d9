/**
 * Marks counted per person: what every choice tally (confidence marks, grade votes) starts from.
 * The database counts its ballots itself, by index; ballots held in memory are counted here.
 */
export interface ChoiceCounts<M extends string> {
	/** Ballots returned, with or without a mark. */
	returned: number;
	/** Ballots with at least one mark for someone on the ballot. */
	valid: number;
	/** Per person on the ballot, how many ballots gave each mark; a person left out has none. */
	bySubject: ReadonlyMap<string, Readonly<Partial<Record<M, number>>>>;
}

export function countChoices<M extends string>(
	subjects: readonly { id: string }[],
	ballots: readonly Readonly<Record<string, M>>[]
): ChoiceCounts<M> {
	const bySubject = new Map<string, Partial<Record<M, number>>>(
		subjects.map((subject) => [subject.id, {}])
	);
	let valid = 0;
	for (const ballot of ballots) {
		let marked = false;
		for (const subjectId in ballot) {
			const counts = bySubject.get(subjectId);
			const mark = ballot[subjectId];
			// A mark for someone not on this ballot cannot count; the ballot pipeline refuses them.
			if (!counts || !mark) continue;
			counts[mark] = (counts[mark] ?? 0) + 1;
			marked = true;
		}
		if (marked) valid += 1;
	}
	return { returned: ballots.length, valid, bySubject };
}

/** A person's count of one mark (0 when nobody gave it). */
export function countOf<M extends string>(
	choices: ChoiceCounts<M>,
	subjectId: string,
	mark: M
): number {
	return choices.bySubject.get(subjectId)?.[mark] ?? 0;
}
